import { describe, expect, it } from 'vitest'
import {
  decideDwellingAnswer,
  type DwellingAnswerFacts,
} from '../../src/main/domain/answer-decision'
import type { AnswerRow } from '../../src/main/excel/answer-reader'

const TODAY = '2026-11-23'
const MITROS = 3

/** Dwelling 10 of Mitros, round 1 presented on 16 November with three open candidates. */
function facts(overrides: Partial<DwellingAnswerFacts> = {}): DwellingAnswerFacts {
  return {
    corporationId: MITROS,
    sent: { shortlistId: 100, round: 1 },
    dwelling: { id: 10, corporationId: MITROS, address: 'Kanaalstraat 1' },
    shortlist: {
      id: 100,
      dwellingId: 10,
      status: 'voorgedragen',
      presentedAt: '2026-11-16T09:00:00.000Z',
    },
    candidates: [
      { clientId: 1, code: 'K-2026-0001', position: 1, decision: 'open' },
      { clientId: 2, code: 'K-2026-0002', position: 2, decision: 'open' },
      { clientId: 3, code: 'K-2026-0003', position: 3, decision: 'open' },
    ],
    current: { round: 1, status: 'voorgedragen' },
    ...overrides,
  }
}

function row(n: number, answer: Partial<AnswerRow> = {}): AnswerRow {
  return {
    row: n + 1,
    dwellingId: 10,
    address: '',
    code: `K-2026-000${n}`,
    position: n,
    decision: null,
    offeredOn: null,
    reason: null,
    motivation: null,
    ...answer,
  }
}

const decide = (f: DwellingAnswerFacts, rows: AnswerRow[], key: number | string | null = 10) =>
  decideDwellingAnswer(f, key, rows, TODAY)

describe('judging one dwelling of a corporation’s answer', () => {
  it('reports a dwelling that is not on the file’s shortlist, or another corporation’s', () => {
    expect(decide(facts({ sent: undefined }), [row(1)], 'Woning 10').line).toMatchObject({
      outcome: 'unknown-dwelling',
      message: 'Woning-ID Woning 10 hoort niet bij deze voordracht',
      dwellingId: null,
    })
    const other = facts({ dwelling: { id: 10, corporationId: 4, address: 'Elders 2' } })
    expect(decide(other, [row(1, { decision: 'match' })])).toMatchObject({
      apply: false,
      line: { outcome: 'unknown-dwelling', address: '' },
    })
  })

  it('reports a round without any decision, naming the dwelling from the store', () => {
    expect(decide(facts(), [row(1), row(2)]).line).toMatchObject({
      outcome: 'no-answer',
      round: 1,
      address: 'Kanaalstraat 1',
    })
  })

  it('applies one Match as a choice, offered today unless a date is given', () => {
    const plan = decide(facts(), [row(2, { decision: 'match' })])
    expect(plan).toMatchObject({
      apply: true,
      dwellingId: 10,
      shortlistId: 100,
      line: { outcome: 'applied', round: 1 },
      steps: [{ kind: 'choose', clientId: 2, code: 'K-2026-0002', offeredOn: TODAY }],
    })
  })

  it('turns every candidate rejected for one reason into one "reject all" with the motivation', () => {
    const rows = [1, 2, 3].map((n) =>
      row(n, {
        decision: 'no-match',
        reason: 'spreiding-complex',
        motivation: n === 1 ? 'Al drie plaatsingen in deze portiek' : null,
      }),
    )
    const plan = decide(facts(), rows)
    expect(plan.apply && plan.steps).toEqual([
      {
        kind: 'rejectAll',
        rejection: { reason: 'spreiding-complex', text: 'Al drie plaatsingen in deze portiek' },
        motivation: 'Al drie plaatsingen in deze portiek',
      },
    ])
  })

  it('refuses to close a round without a motivation, two Matches, or a decision on the wrong row', () => {
    const allRejected = [1, 2, 3].map((n) => row(n, { decision: 'no-match', reason: 'anders' }))
    expect(decide(facts(), allRejected).line.outcome).toBe('error')
    expect(
      decide(facts(), [row(1, { decision: 'match' }), row(3, { decision: 'match' })]).line.message,
    ).toBe('2 kandidaten hebben Match; kies er hoogstens één per woning')
    expect(decide(facts(), [row(2, { decision: 'match', position: 1 })]).line.message).toBe(
      'Rij 3 (K-2026-0002): deze kandidaat staat als nr. 2 op de voordracht, niet als nr. 1; zet het besluit bij de juiste rij',
    )
  })

  it('refuses an offer date after today or before the round was presented', () => {
    const late = decide(facts(), [row(1, { decision: 'match', offeredOn: { iso: '2026-11-30' } })])
    expect(late.line).toMatchObject({ outcome: 'error' })
    expect(late.line.message).toMatch(/ligt na vandaag/)
    const early = decide(facts(), [row(1, { decision: 'match', offeredOn: { iso: '2026-11-01' } })])
    expect(early.line.message).toMatch(/ligt vóór de voordracht/)
  })

  it('recognises an answer already applied, and calls one for a replaced round outdated', () => {
    const chosen = facts({
      shortlist: { ...facts().shortlist!, status: 'gekozen' },
      candidates: facts().candidates.map((c) =>
        c.clientId === 2 ? { ...c, decision: 'gekozen' } : c,
      ),
      current: { round: 1, status: 'gekozen' },
    })
    expect(decide(chosen, [row(2, { decision: 'match' })]).line.outcome).toBe('already-applied')
    const replaced = facts({
      shortlist: { ...facts().shortlist!, status: 'afgewezen' },
      current: { round: 2, status: 'concept' },
    })
    expect(decide(replaced, [row(1, { decision: 'match' })]).line).toMatchObject({
      outcome: 'outdated',
      message: 'Ronde 1 is niet meer actueel (nu staat ronde 2 klaar als concept); niets verwerkt',
    })
  })
})
