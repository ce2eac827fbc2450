import { describe, expect, it } from 'vitest'
import {
  DWELLING_RULES,
  nextSteps,
  OFFER_RULES,
  refusal,
  ROUND_RULES,
} from '../../src/main/domain/workflow'
import {
  DWELLING_STATUS,
  DWELLING_STEP,
  OFFER_STEP,
  ROUND_STEP,
  SHORTLIST_STATUS,
} from '../../src/shared/domain/vocabulary'

const allowed = (steps: { key: string; allowed: boolean }[]) =>
  steps.filter((s) => s.allowed).map((s) => s.key)

describe('what a dwelling, a round and an offer may do next', () => {
  it('has one rule per step of the vocabulary, in its order', () => {
    expect(DWELLING_RULES.map((r) => r.key)).toEqual(DWELLING_STEP.keys)
    expect(ROUND_RULES.map((r) => r.key)).toEqual(ROUND_STEP.keys)
    expect(OFFER_RULES.map((r) => r.key)).toEqual(OFFER_STEP.keys)
  })

  it('lets a dwelling be withdrawn until an offer runs, and edited only before its first round', () => {
    const byStatus = Object.fromEntries(
      DWELLING_STATUS.keys.map((status) => [
        status,
        allowed(nextSteps(DWELLING_RULES, { status })),
      ]),
    )
    expect(byStatus).toEqual({
      ingediend: ['edit', 'withdraw'],
      'in-voordracht': ['withdraw'],
      aangeboden: [],
      verhuurd: [],
      ingetrokken: [],
    })
  })

  it('says in Dutch why a dwelling cannot be withdrawn', () => {
    expect(refusal(DWELLING_RULES, 'withdraw', { status: 'aangeboden' })).toBe(
      'Er loopt een aanbieding voor deze woning; leg eerst de reactie van de kandidaat vast',
    )
    expect(refusal(DWELLING_RULES, 'withdraw', { status: 'verhuurd' })).toBe(
      'De woning is al verhuurd en kan niet meer worden ingetrokken',
    )
    expect(refusal(DWELLING_RULES, 'withdraw', { status: 'in-voordracht' })).toBeNull()
  })

  it('changes and presents only a concept, and answers only a presented round', () => {
    const byStatus = Object.fromEntries(
      SHORTLIST_STATUS.keys.map((status) => [status, allowed(nextSteps(ROUND_RULES, { status }))]),
    )
    expect(byStatus).toEqual({
      concept: ['swap', 'present'],
      voorgedragen: ['choose', 'reject', 'rejectAll'],
      gekozen: [],
      afgewezen: [],
      vervallen: [],
    })
    expect(refusal(ROUND_RULES, 'choose', { status: 'concept' })).toBe(
      'Kiezen kan alleen bij een voordracht met status voorgedragen; deze is concept',
    )
  })

  it('takes one answer to an offer, and gives every step its label and reason', () => {
    expect(nextSteps(OFFER_RULES, { outcome: 'open' })).toEqual([
      { key: 'accept', label: 'Aanbieding geaccepteerd', allowed: true, reason: null },
      { key: 'decline', label: 'Aanbieding geweigerd', allowed: true, reason: null },
    ])
    for (const outcome of ['geaccepteerd', 'geweigerd'] as const) {
      expect(nextSteps(OFFER_RULES, { outcome }).map((s) => s.reason)).toEqual([
        'Op deze aanbieding is al gereageerd',
        'Op deze aanbieding is al gereageerd',
      ])
    }
  })
})
