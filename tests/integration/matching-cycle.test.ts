import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DwellingMatching, GenerateSummary, PoolEntry } from '../../src/shared/api'
import { copyDemo } from '../support/shared-files'
import { sqlOne, sqlRows, sqlRun } from '../support/sql-rows'
import { STORE_KINDS, useRuntimeOn } from '../support/stores'
import { useTempDir } from '../support/temp-db'

describe.each(STORE_KINDS)('the matching cycle on a real database (%s)', (kind) => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()

  async function setUp() {
    const file = join(tempDir(), 'matching.db')
    await copyDemo(file, { seed: 7 })
    const runtime = await runtimeOn(kind, file, { template: 'demo-7' })
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await runtime.routes.get(channel)!(input)
      if (!result.ok)
        throw Object.assign(new Error(result.error.message), { code: result.error.code })
      return result.data as T
    }
    const sql = async <T>(query: string, ...params: unknown[]) =>
      await sqlOne<T>(runtime, query, ...params)
    return { runtime, call, sql }
  }

  it('generates shortlists for the open quarter with no client on two open shortlists', async () => {
    const { call, sql } = await setUp()
    const summary = await call<GenerateSummary>('shortlists:generate', { quarter: '2026-Q4' })
    expect(summary.dwellings).toBeGreaterThan(80)
    expect(summary.shortlistsMade).toBeGreaterThan(summary.dwellings * 0.8)
    const doubles = await sql<{ n: number }>(`
      SELECT count(*) AS n FROM (
        SELECT c.client_id FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id
        WHERE s.status IN ('concept', 'voorgedragen') AND c.decision = 'open'
        GROUP BY c.client_id HAVING count(*) > 1) AS doubles`)
    expect(doubles.n).toBe(0)
    const oversized = await sql<{ n: number }>(
      'SELECT count(*) AS n FROM (SELECT shortlist_id FROM shortlist_candidates GROUP BY shortlist_id HAVING count(*) > 3) AS big',
    )
    expect(oversized.n).toBe(0)
  })

  it('runs present → reject all with a motivation → new round → choose → offer accepted → let', async () => {
    const { call, sql, runtime } = await setUp()
    await call('shortlists:generate', { quarter: '2026-Q4' })
    const { dwelling_id: dwellingId, id: firstId } = await sql<{ dwelling_id: number; id: number }>(
      // A dwelling many can live in, so a second round has candidates left after the batch took its share.
      "SELECT dwelling_id, id FROM shortlists WHERE status = 'concept' ORDER BY eligible_pool_size DESC, id LIMIT 1",
    )
    let state = await call<DwellingMatching>('shortlists:present', { shortlistId: firstId })
    expect(state.rounds[0]).toMatchObject({ round: 1, status: 'voorgedragen' })
    const firstRound = state.rounds[0]!.candidates.map((c) => c.clientId)
    for (const c of state.rounds[0]!.candidates)
      expect(c.parts.map((p) => p.key)).toContain('waiting')

    state = await call<DwellingMatching>('shortlists:rejectAll', {
      shortlistId: firstId,
      rejection: { reason: 'spreiding-complex' },
      motivation: 'Al drie bijzondere plaatsingen in deze portiek',
    })
    expect(state.rounds.map((r) => [r.round, r.status])).toEqual([
      [2, 'concept'],
      [1, 'afgewezen'],
    ])
    expect(state.rounds[1]!.rejectionMotivation).toBe(
      'Al drie bijzondere plaatsingen in deze portiek',
    )
    const secondRound = state.rounds[0]!.candidates.map((c) => c.clientId)
    expect(secondRound.some((id) => firstRound.includes(id))).toBe(false)
    for (const id of firstRound) {
      expect(
        (await sql<{ status: string }>('SELECT status FROM clients WHERE id = ?', id)).status,
      ).toBe('wachtend')
    }

    state = await call<DwellingMatching>('shortlists:present', { shortlistId: state.rounds[0]!.id })
    const chosen = secondRound[1]!
    state = await call<DwellingMatching>('shortlists:choose', {
      shortlistId: state.rounds[0]!.id,
      clientId: chosen,
    })
    expect(state.status).toBe('aangeboden')
    const offer = state.offers[0]!
    expect(offer).toMatchObject({ clientId: chosen, outcome: 'open' })

    state = await call<DwellingMatching>('offers:accept', {
      offerId: offer.id,
      startsOn: '2026-12-15',
    })
    expect(state.status).toBe('verhuurd')
    expect(
      (await sql<{ status: string }>('SELECT status FROM clients WHERE id = ?', chosen)).status,
    ).toBe('gehuisvest')
    expect(
      (
        await sql<{ n: number }>(
          'SELECT count(*) AS n FROM allocations WHERE dwelling_id = ?',
          dwellingId,
        )
      ).n,
    ).toBe(1)
    const actions = (
      await sqlRows<{ action: string }>(
        runtime,
        "SELECT action FROM audit_events WHERE entity_type = 'dwelling' AND entity_id = ? ORDER BY id",
        String(dwellingId),
      )
    ).map((row) => row.action)
    expect(actions).toEqual([
      'shortlist:concept',
      'shortlist:present',
      'shortlist:rejectAll',
      'shortlist:concept',
      'shortlist:present',
      'shortlist:choose',
      'offer:accept',
    ])
  })

  it('after a decline waits for the corporation to confirm the next candidate, and counts the decline', async () => {
    const { call, sql } = await setUp()
    await call('shortlists:generate', { quarter: '2026-Q4' })
    const { id } = await sql<{ id: number }>(
      "SELECT s.id FROM shortlists s WHERE status = 'concept' AND (SELECT count(*) FROM shortlist_candidates c WHERE c.shortlist_id = s.id) = 3 ORDER BY s.id LIMIT 1",
    )
    const declinedBefore = (
      await sql<{ n: number }>("SELECT count(*) AS n FROM offers WHERE outcome = 'geweigerd'")
    ).n
    let state = await call<DwellingMatching>('shortlists:present', { shortlistId: id })
    const [first, second] = state.rounds[0]!.candidates.map((c) => c.clientId)
    state = await call<DwellingMatching>('shortlists:choose', { shortlistId: id, clientId: first })
    state = await call<DwellingMatching>('offers:decline', {
      offerId: state.offers[0]!.id,
      decline: { reason: 'niet-passend-na-bezichtiging' },
    })
    expect(state.offers.map((o) => [o.clientId, o.outcome])).toEqual([[first, 'geweigerd']])
    expect(state.rounds[0]!.status).toBe('voorgedragen')
    expect(
      (await sql<{ n: number }>("SELECT count(*) AS n FROM offers WHERE outcome = 'geweigerd'")).n,
    ).toBe(declinedBefore + 1)
    state = await call<DwellingMatching>('shortlists:choose', { shortlistId: id, clientId: second })
    expect(state.offers.map((o) => [o.clientId, o.outcome])).toEqual([
      [second, 'open'],
      [first, 'geweigerd'],
    ])
  })

  it('refuses a decision out of order and writes nothing', async () => {
    const { call, sql } = await setUp()
    await call('shortlists:generate', { quarter: '2026-Q4' })
    const { id } = await sql<{ id: number }>(
      "SELECT id FROM shortlists WHERE status = 'concept' ORDER BY id LIMIT 1",
    )
    const before = (await sql<{ n: number }>('SELECT count(*) AS n FROM audit_events')).n
    await expect(call('shortlists:choose', { shortlistId: id, clientId: 1 })).rejects.toThrow(
      /alleen bij een voordracht met status voorgedragen/,
    )
    expect((await sql<{ n: number }>('SELECT count(*) AS n FROM audit_events')).n).toBe(before)
  })

  it('explains why a client is not eligible for a dwelling', async () => {
    const { call, sql, runtime } = await setUp()
    const dwelling = await sql<{ id: number; wijk: string }>(
      "SELECT id, wijk FROM dwellings WHERE quarter_key = '2026-Q4' AND status = 'ingediend' ORDER BY id LIMIT 1",
    )
    const client = await sql<{ id: number; code: string }>(
      "SELECT id, code FROM clients WHERE status = 'wachtend' ORDER BY id LIMIT 1",
    )
    await sqlRun(
      runtime,
      'UPDATE clients SET excluded_wijken = ?, status = ? WHERE id = ?',
      JSON.stringify([dwelling.wijk]),
      'on-hold',
      client.id,
    )
    const { entries } = await call<{ entries: PoolEntry[] }>('shortlists:pool', {
      dwellingId: dwelling.id,
      search: client.code,
    })
    expect(entries[0]!.eligible).toBe(false)
    expect(entries[0]!.whyNot.map((w) => w.rule)).toEqual(
      expect.arrayContaining(['available', 'wijk']),
    )
  })

  it('says where the assignment placed a better client, and why some dwellings stay short', async () => {
    const { call, runtime } = await setUp()
    const summary = await call<GenerateSummary>('shortlists:generate', { quarter: '2026-Q4' })
    for (const d of summary.tooFewEligible) expect(d.eligible).toBeLessThan(3)
    for (const d of summary.neededElsewhere) {
      expect(d.eligible).toBeGreaterThanOrEqual(3)
      expect(d.candidates).toBeLessThan(3)
    }
    // The board and the report read the same verdicts from the dwellings.
    const notes = async (note: string) =>
      (
        await sqlOne<{ n: number }>(
          runtime,
          "SELECT count(*) AS n FROM dwellings WHERE quarter_key = '2026-Q4' AND short_note = ?",
          note,
        )
      ).n
    expect(await notes('too-few-eligible')).toBe(summary.tooFewEligible.length)
    expect(await notes('needed-elsewhere')).toBe(summary.neededElsewhere.length)
    const passed = await sqlRows<{ dwellingId: string; details: string }>(
      runtime,
      `SELECT a.entity_id AS dwellingId, a.details FROM audit_events a
       JOIN dwellings d ON CAST(d.id AS text) = a.entity_id
       WHERE a.action = 'shortlist:concept' AND d.quarter_key = '2026-Q4'
       ORDER BY a.id`,
    )
    const example = passed
      .map((row) => ({
        dwellingId: Number(row.dwellingId),
        passedOver: (
          JSON.parse(row.details) as { passedOver: { clientId: number; onDwellingId: number }[] }
        ).passedOver,
      }))
      .find((row) => row.passedOver.length > 0)
    expect(example).toBeDefined()
    const { clientId, onDwellingId } = example!.passedOver[0]!
    const { code } = await sqlOne<{ code: string }>(
      runtime,
      'SELECT code FROM clients WHERE id = ?',
      clientId,
    )
    const { address } = await sqlOne<{ address: string }>(
      runtime,
      'SELECT address FROM dwellings WHERE id = ?',
      onDwellingId,
    )
    const { entries } = await call<{ entries: PoolEntry[] }>('shortlists:pool', {
      dwellingId: example!.dwellingId,
      search: code,
    })
    const available = entries[0]!.whyNot.find((w) => w.rule === 'available')
    expect(available?.reason).toContain(`Staat op de voordracht voor ${address}`)
  })

  it('frees the candidates and lapses the round when the corporation withdraws the dwelling', async () => {
    const { call, sql } = await setUp()
    await call('shortlists:generate', { quarter: '2026-Q4' })
    const { id, dwelling_id } = await sql<{ id: number; dwelling_id: number }>(
      "SELECT id, dwelling_id FROM shortlists WHERE status = 'concept' ORDER BY id LIMIT 1",
    )
    const state0 = await call<DwellingMatching>('shortlists:present', { shortlistId: id })
    const presented = state0.rounds[0]!.candidates.map((c) => c.clientId)
    const state = await call<DwellingMatching>('dwellings:withdraw', {
      dwellingId: dwelling_id,
      reason: 'Renovatie gaat voor',
    })
    expect(state.status).toBe('ingetrokken')
    expect(state.rounds[0]!.status).toBe('vervallen')
    for (const clientId of presented) {
      expect(
        (await sql<{ status: string }>('SELECT status FROM clients WHERE id = ?', clientId)).status,
      ).toBe('wachtend')
    }
  })
})
