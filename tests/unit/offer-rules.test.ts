import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  contractProblem,
  defaultContract,
  leaseStartProblem,
  offerDateProblem,
  responseDateProblem,
  statusAfterDecline,
} from '../../src/main/domain/offer-rules'
import {
  CONTRACT_KIND,
  DECLINE_REASON,
  FLOW,
  VALID_DECLINE_REASONS,
} from '../../src/shared/domain/vocabulary'

const RUNS = 500

/** Days between 2018 and 2030 as yyyy-mm-dd. */
const day = fc
  .integer({ min: Date.UTC(2018, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10))

describe('the offer date rules', () => {
  it('accepts an offer date exactly when it lies between the presentation and today', () => {
    fc.assert(
      fc.property(day, day, day, (offeredOn, presentedOn, today) => {
        const problem = offerDateProblem(offeredOn, presentedOn, today)
        expect(problem === null).toBe(presentedOn <= offeredOn && offeredOn <= today)
      }),
      { numRuns: RUNS },
    )
  })

  it('accepts a response exactly when it lies between the offer and today', () => {
    fc.assert(
      fc.property(day, day, day, (respondedOn, offeredOn, today) => {
        const problem = responseDateProblem(respondedOn, offeredOn, today)
        expect(problem === null).toBe(offeredOn <= respondedOn && respondedOn <= today)
      }),
      { numRuns: RUNS },
    )
  })

  it('accepts a lease start on or after the offer, also in the future', () => {
    fc.assert(
      fc.property(day, day, (startsOn, offeredOn) => {
        expect(leaseStartProblem(startsOn, offeredOn) === null).toBe(startsOn >= offeredOn)
      }),
      { numRuns: RUNS },
    )
  })

  it('names the refused dates the Dutch way (dd-mm-jjjj)', () => {
    expect(offerDateProblem('2027-01-05', '2026-11-02', '2026-11-30')).toBe(
      'De aanbiedingsdatum (05-01-2027) ligt na vandaag (30-11-2026)',
    )
    expect(responseDateProblem('2026-11-30', '2027-01-05', '2026-11-30')).toBe(
      'De datum van de reactie (30-11-2026) ligt vóór de aanbieding (05-01-2027)',
    )
  })
})

describe('contracts', () => {
  it('allows an omklapcontract only on a flip-possible dwelling, and never defaults to one elsewhere', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONTRACT_KIND.keys),
        fc.constantFrom(...FLOW.keys),
        fc.boolean(),
        (kind, flow, flipPossible) => {
          expect(contractProblem(kind, flipPossible) === null).toBe(kind === 'huur' || flipPossible)
          expect(contractProblem(defaultContract(flow, flipPossible), flipPossible)).toBeNull()
        },
      ),
    )
  })
})

describe('the one-time offer', () => {
  it('uses up the offer only of an uitstroom client without a valid reason', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FLOW.keys),
        fc.constantFrom(...DECLINE_REASON.keys),
        (flow, reason) => {
          const used = statusAfterDecline(flow, reason) === 'aanbieding-benut'
          expect(used).toBe(flow === 'uitstroom' && !VALID_DECLINE_REASONS.has(reason))
        },
      ),
    )
  })

  it('keeps "anders" (with its required note) among the valid reasons, and at least one reason that is not', () => {
    expect(VALID_DECLINE_REASONS.has('anders')).toBe(true)
    expect(DECLINE_REASON.keys.some((k) => !VALID_DECLINE_REASONS.has(k))).toBe(true)
  })
})
