import fc from 'fast-check'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DwellingMatching, QuarterFigures, TimelineEvent } from '../../src/shared/api'
import { statusAfterDecline } from '../../src/main/domain/offer-rules'
import { DECLINE_REASON, type Flow } from '../../src/shared/domain/vocabulary'
import { call as callRoute } from '../support/call'
import { copyDemo } from '../support/shared-files'
import { sqlOne, sqlRows, sqlRun } from '../support/sql-rows'
import { STORE_KINDS, useRuntimeOn } from '../support/stores'
import { useTempDir } from '../support/temp-db'

/** FIXED_NOW is 2026-11-23: rounds are presented today, so today is the only valid offer date. */
const TODAY = '2026-11-23'

describe.each(STORE_KINDS)('the one-time offer and its dates, through the API (%s)', (kind) => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()

  async function setUp() {
    const file = join(tempDir(), 'offers.db')
    await copyDemo(file, { seed: 7 })
    const runtime = await runtimeOn(kind, file, { template: 'demo-7' })
    const call = async <T>(channel: string, input: unknown) =>
      await callRoute<T>(runtime, channel, input)
    const one = async <T>(query: string, ...params: unknown[]) =>
      await sqlOne<T>(runtime, query, ...params)
    const count = async (query: string, ...params: unknown[]) =>
      Number((await sqlOne<{ n: number }>(runtime, query, ...params)).n)
    return { runtime, call, one, count }
  }

  /**
   * A presented round with reserves (two or more candidates) and a candidate of the given flow;
   * answers the round and that client. Instroom clients are few, so their rounds are often shorter.
   */
  async function presentedWith(
    { call, runtime }: Awaited<ReturnType<typeof setUp>>,
    flow: Flow,
    skip = new Set<number>(),
    minCandidates = 2,
  ) {
    const rows = (
      await sqlRows<{ id: number }>(
        runtime,
        `SELECT s.id FROM shortlists s
         WHERE s.status = 'concept'
           AND (SELECT count(*) FROM shortlist_candidates c WHERE c.shortlist_id = s.id) >= ?
           AND EXISTS (SELECT 1 FROM shortlist_candidates c JOIN clients k ON k.id = c.client_id
                       WHERE c.shortlist_id = s.id AND k.flow = ?)
         ORDER BY s.id`,
        minCandidates,
        flow,
      )
    )
      .map((row) => row.id)
      .filter((id) => !skip.has(id))
    const shortlistId = rows[0]
    if (!shortlistId) throw new Error(`Geen conceptronde met een ${flow}-kandidaat`)
    const state = await call<DwellingMatching>('shortlists:present', { shortlistId })
    const candidate = state.rounds[0]!.candidates.find((c) => c.flow === flow)!
    return { shortlistId, state, candidate }
  }

  it('takes an uitstroom client who declines without a valid reason off the list, audited and on the timeline', async () => {
    const setup = await setUp()
    const { call, one, count } = setup
    await call('shortlists:generate', { quarter: '2026-Q4' })
    const { shortlistId, state: presented, candidate } = await presentedWith(setup, 'uitstroom')
    const figures = async () =>
      await call<QuarterFigures>('reports:figures', { quarter: '2026-Q4' })
    const reported = (await figures()).offers
    const reserves = presented.rounds[0]!.candidates.filter((c) => c.id !== candidate.id)
    let state = await call<DwellingMatching>('shortlists:choose', {
      shortlistId,
      clientId: candidate.clientId,
    })
    state = await call<DwellingMatching>('offers:decline', {
      offerId: state.offers[0]!.id,
      decline: { reason: 'wijk-niet-gewenst', text: 'Wil niet terug naar deze wijk' },
    })

    expect(
      await one<{ status: string }>('SELECT status FROM clients WHERE id = ?', candidate.clientId),
    ).toEqual({ status: 'aanbieding-benut' })
    // Never offered to the next reserve automatically: the round waits for the corporation.
    expect(state.offers.map((o) => o.outcome)).toEqual(['geweigerd'])
    expect(state.status).toBe('in-voordracht')
    expect(state.rounds[0]!.status).toBe('voorgedragen')
    expect(
      state.rounds[0]!.candidates.filter((c) => c.decision === 'open').map((c) => c.clientId),
    ).toEqual(reserves.map((c) => c.clientId))
    const timeline = await call<TimelineEvent[]>('audit:timeline', {
      entityType: 'client',
      entityId: candidate.clientId,
    })
    expect(timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining(['offer:decline', 'client:oneTimeOfferUsed']),
    )
    expect(timeline.find((e) => e.action === 'client:oneTimeOfferUsed')!.summary).toMatch(
      /eenmalige aanbieding benut/,
    )
    expect((await figures()).offers).toEqual({
      declined: reported.declined + 1,
      oneTimeUsed: reported.oneTimeUsed + 1,
    })
    // Off the Vierde Huis list: a new batch never takes them again.
    await call('shortlists:rejectAll', {
      shortlistId,
      rejection: { reason: 'woning-past-niet' },
      motivation: 'Geen van de reserves past bij deze woning',
    })
    expect(
      await count(
        `SELECT count(*) AS n FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id
         WHERE c.client_id = ? AND s.status IN ('concept', 'voorgedragen')`,
        candidate.clientId,
      ),
    ).toBe(0)
  })

  it('keeps a client waiting after a decline with a valid reason, and the corporation confirms who is next', async () => {
    const setup = await setUp()
    const { call, one } = setup
    await call('shortlists:generate', { quarter: '2026-Q4' })
    const { shortlistId, candidate, state: presented } = await presentedWith(setup, 'uitstroom')
    let state = await call<DwellingMatching>('shortlists:choose', {
      shortlistId,
      clientId: candidate.clientId,
    })
    state = await call<DwellingMatching>('offers:decline', {
      offerId: state.offers[0]!.id,
      decline: { reason: 'medisch' },
    })
    expect(
      await one<{ status: string }>('SELECT status FROM clients WHERE id = ?', candidate.clientId),
    ).toEqual({ status: 'wachtend' })
    const next = presented.rounds[0]!.candidates.find((c) => c.id !== candidate.id)!
    state = await call<DwellingMatching>('shortlists:choose', {
      shortlistId,
      clientId: next.clientId,
    })
    expect(state.offers.map((o) => [o.clientId, o.outcome])).toEqual([
      [next.clientId, 'open'],
      [candidate.clientId, 'geweigerd'],
    ])
  })

  it('leaves the status after any decline exactly as the one-time rule says (property over flows and reasons)', async () => {
    const setup = await setUp()
    const { call, one } = setup
    await call('shortlists:generate', { quarter: '2026-Q4' })
    const used = new Set<number>()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Flow>('uitstroom', 'instroom'),
        fc.constantFrom(...DECLINE_REASON.keys),
        async (flow, reason) => {
          // Any round will do: the rule is about the client who declines, reserves or not.
          const { shortlistId, candidate } = await presentedWith(setup, flow, used, 1)
          used.add(shortlistId)
          const chosen = await call<DwellingMatching>('shortlists:choose', {
            shortlistId,
            clientId: candidate.clientId,
          })
          const state = await call<DwellingMatching>('offers:decline', {
            offerId: chosen.offers[0]!.id,
            decline: { reason, text: reason === 'anders' ? 'Toelichting van de kandidaat' : null },
          })
          const { status } = await one<{ status: string }>(
            'SELECT status FROM clients WHERE id = ?',
            candidate.clientId,
          )
          expect(status).toBe(statusAfterDecline(flow, reason))
          // No new offer is ever made by a decline itself.
          expect(state.offers.filter((o) => o.outcome === 'open')).toEqual([])
        },
      ),
      { numRuns: 12, seed: 16 },
    )
  })

  it('refuses an offer date after today or before the presentation, and writes nothing', async () => {
    const setup = await setUp()
    const { call, count } = setup
    await call('shortlists:generate', { quarter: '2026-Q4' })
    const { shortlistId, candidate } = await presentedWith(setup, 'uitstroom')
    const before = await count('SELECT count(*) AS n FROM audit_events')
    await expect(
      call('shortlists:choose', {
        shortlistId,
        clientId: candidate.clientId,
        offeredOn: '2027-01-05',
      }),
    ).rejects.toThrow('De aanbiedingsdatum (05-01-2027) ligt na vandaag (23-11-2026)')
    await expect(
      call('shortlists:choose', {
        shortlistId,
        clientId: candidate.clientId,
        offeredOn: '2026-11-20',
      }),
    ).rejects.toThrow('De aanbiedingsdatum (20-11-2026) ligt vóór de voordracht (23-11-2026)')
    expect(await count('SELECT count(*) AS n FROM audit_events')).toBe(before)
    expect(
      await count('SELECT count(*) AS n FROM offers WHERE client_id = ?', candidate.clientId),
    ).toBe(0)
  })

  it('refuses a response before the offer or after today, a lease before the offer, and a flip contract on a dwelling that cannot flip', async () => {
    const setup = await setUp()
    const { call, count, runtime } = setup
    await call('shortlists:generate', { quarter: '2026-Q4' })
    const { shortlistId, candidate } = await presentedWith(setup, 'uitstroom')
    const state = await call<DwellingMatching>('shortlists:choose', {
      shortlistId,
      clientId: candidate.clientId,
      offeredOn: TODAY,
    })
    const offerId = state.offers[0]!.id
    await sqlRun(
      runtime,
      'UPDATE dwellings SET flip_possible = false WHERE id = ?',
      state.dwellingId,
    )
    const before = await count('SELECT count(*) AS n FROM audit_events')
    const accept = async (input: object) =>
      await call('offers:accept', { offerId, startsOn: '2027-01-01', ...input })
    await expect(accept({ respondedOn: '2026-11-22' })).rejects.toThrow(
      'De datum van de reactie (22-11-2026) ligt vóór de aanbieding (23-11-2026)',
    )
    await expect(accept({ respondedOn: '2026-11-30' })).rejects.toThrow(
      'De datum van de reactie (30-11-2026) ligt na vandaag (23-11-2026)',
    )
    await expect(accept({ startsOn: '2026-11-01' })).rejects.toThrow(
      'De ingangsdatum (01-11-2026) ligt vóór de aanbieding (23-11-2026)',
    )
    await expect(accept({ contractKind: 'omklap' })).rejects.toThrow(
      /omklapcontract kan alleen bij een woning waar omklappen mogelijk is/,
    )
    await expect(
      call('offers:decline', {
        offerId,
        decline: { reason: 'medisch' },
        respondedOn: '2026-11-22',
      }),
    ).rejects.toThrow(/ligt vóór de aanbieding/)
    expect(await count('SELECT count(*) AS n FROM audit_events')).toBe(before)
    expect(
      await count("SELECT count(*) AS n FROM offers WHERE id = ? AND outcome = 'open'", offerId),
    ).toBe(1)

    const let_ = await call<DwellingMatching>('offers:accept', {
      offerId,
      startsOn: '2027-01-01',
      respondedOn: TODAY,
    })
    expect(let_.status).toBe('verhuurd')
    expect(await count('SELECT count(*) AS n FROM allocations WHERE offer_id = ?', offerId)).toBe(1)
  })
})
