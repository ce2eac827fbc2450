import fc from 'fast-check'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DwellingMatching, QuarterFigures, TimelineEvent } from '../../src/shared/api'
import { statusAfterDecline } from '../../src/main/domain/offer-rules'
import { openRuntime } from '../../src/main/runtime'
import { DECLINE_REASON, type Flow } from '../../src/shared/domain/vocabulary'
import { call as callRoute } from '../support/call'
import { copyDemo } from '../support/shared-files'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from '../support/temp-db'

/** FIXED_NOW is 2026-11-23: rounds are presented today, so today is the only valid offer date. */
const TODAY = '2026-11-23'

describe('the one-time offer and its dates, through the API', () => {
  const tempDir = useTempDir()

  async function setUp() {
    const file = join(tempDir(), 'offers.db')
    await copyDemo(file, { seed: 7 })
    const runtime = await openRuntime(file, {
      context: { actor: TEST_ACTOR, now: () => FIXED_NOW },
      startupTasks: false,
    })
    const call = async <T>(channel: string, input: unknown) =>
      await callRoute<T>(runtime, channel, input)
    const one = <T>(query: string, ...params: unknown[]) =>
      runtime.store.sqlite.prepare(query).get(...params) as T
    const count = (query: string, ...params: unknown[]) =>
      runtime.store.sqlite
        .prepare(query)
        .pluck()
        .get(...params) as number
    return { runtime, call, one, count }
  }

  /**
   * A presented round with reserves (two or more candidates) and a candidate of the given flow;
   * answers the round and that client. Instroom clients are few, so their rounds are often shorter.
   */
  async function presentedWith(
    { call, one }: Awaited<ReturnType<typeof setUp>>,
    flow: Flow,
    skip = new Set<number>(),
    minCandidates = 2,
  ) {
    const rows = (
      one<{ ids: string }>(
        `SELECT group_concat(s.id) AS ids FROM shortlists s
         WHERE s.status = 'concept'
           AND (SELECT count(*) FROM shortlist_candidates c WHERE c.shortlist_id = s.id) >= ?
           AND EXISTS (SELECT 1 FROM shortlist_candidates c JOIN clients k ON k.id = c.client_id
                       WHERE c.shortlist_id = s.id AND k.flow = ?)`,
        minCandidates,
        flow,
      ).ids ?? ''
    )
      .split(',')
      .map(Number)
      .filter((id) => id && !skip.has(id))
    const shortlistId = rows[0]
    if (!shortlistId) throw new Error(`Geen conceptronde met een ${flow}-kandidaat`)
    const state = await call<DwellingMatching>('shortlists:present', { shortlistId })
    const candidate = state.rounds[0]!.candidates.find((c) => c.flow === flow)!
    return { shortlistId, state, candidate }
  }

  it('takes an uitstroom client who declines without a valid reason off the list, audited and on the timeline', async () => {
    const setup = await setUp()
    const { call, one, count, runtime } = setup
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
      one<{ status: string }>('SELECT status FROM clients WHERE id = ?', candidate.clientId),
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
      count(
        `SELECT count(*) FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id
         WHERE c.client_id = ? AND s.status IN ('concept', 'voorgedragen')`,
        candidate.clientId,
      ),
    ).toBe(0)
    runtime.close()
  })

  it('keeps a client waiting after a decline with a valid reason, and the corporation confirms who is next', async () => {
    const setup = await setUp()
    const { call, one, runtime } = setup
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
      one<{ status: string }>('SELECT status FROM clients WHERE id = ?', candidate.clientId),
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
    runtime.close()
  })

  it('leaves the status after any decline exactly as the one-time rule says (property over flows and reasons)', async () => {
    const setup = await setUp()
    const { call, one, runtime } = setup
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
          const { status } = one<{ status: string }>(
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
    runtime.close()
  })

  it('refuses an offer date after today or before the presentation, and writes nothing', async () => {
    const setup = await setUp()
    const { call, count, runtime } = setup
    await call('shortlists:generate', { quarter: '2026-Q4' })
    const { shortlistId, candidate } = await presentedWith(setup, 'uitstroom')
    const before = count('SELECT count(*) FROM audit_events')
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
    expect(count('SELECT count(*) FROM audit_events')).toBe(before)
    expect(count('SELECT count(*) FROM offers WHERE client_id = ?', candidate.clientId)).toBe(0)
    runtime.close()
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
    runtime.store.sqlite
      .prepare('UPDATE dwellings SET flip_possible = 0 WHERE id = ?')
      .run(state.dwellingId)
    const before = count('SELECT count(*) FROM audit_events')
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
    expect(count('SELECT count(*) FROM audit_events')).toBe(before)
    expect(count("SELECT count(*) FROM offers WHERE id = ? AND outcome = 'open'", offerId)).toBe(1)

    const let_ = await call<DwellingMatching>('offers:accept', {
      offerId,
      startsOn: '2027-01-01',
      respondedOn: TODAY,
    })
    expect(let_.status).toBe('verhuurd')
    expect(count('SELECT count(*) FROM allocations WHERE offer_id = ?', offerId)).toBe(1)
    runtime.close()
  })
})
