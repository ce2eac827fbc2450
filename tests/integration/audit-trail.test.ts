import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DwellingMatching, EraseResult } from '../../src/shared/api'
import { copyDemo } from '../support/shared-files'
import { useTempDir } from '../support/temp-db'
import { call } from '../support/call'
import { sqlOne, sqlRows, sqlRun } from '../support/sql-rows'
import { STORE_KINDS, useRuntimeOn } from '../support/stores'

describe.each(STORE_KINDS)('the audit trail (%s)', { timeout: 120_000 }, (kind) => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()

  it('names the officer in every event and never a client’s name, through a whole cycle', async () => {
    const file = join(tempDir(), 'audit.db')
    const actor = { officer: 'opstart', osUser: 'medewerker7' }
    await copyDemo(file, { seed: 7, actor })
    const runtime = await runtimeOn(kind, file, { template: 'demo-7-opstart', actor })
    // Every client gets a recognisable name and a note, as officers may record them.
    await sqlRun(runtime, "UPDATE clients SET name = 'Testpersoon ' || id, notes = 'Geheim-' || id")
    const { since } = await sqlOne<{ since: number }>(
      runtime,
      'SELECT max(id) AS since FROM audit_events',
    )
    await call(runtime, 'app:setOfficer', { name: 'Fatima el Amrani' })

    await call(runtime, 'shortlists:generate', { quarter: '2026-Q4' })
    const [first, second] = (
      await sqlRows<{ id: number }>(
        runtime,
        `SELECT s.id FROM shortlists s WHERE status = 'concept'
         AND (SELECT count(*) FROM shortlist_candidates c WHERE c.shortlist_id = s.id) >= 2
         ORDER BY id LIMIT 2`,
      )
    ).map((row) => row.id)
    let state = await call<DwellingMatching>(runtime, 'shortlists:present', { shortlistId: first })
    const [chosen, other] = state.rounds[0]!.candidates.map((c) => c.clientId)
    state = await call<DwellingMatching>(runtime, 'shortlists:choose', {
      shortlistId: first,
      clientId: chosen,
    })
    await call(runtime, 'offers:accept', { offerId: state.offers[0]!.id, startsOn: '2026-12-15' })
    await call(runtime, 'clients:setStatus', {
      id: other,
      status: 'ingetrokken',
      reason: 'Verhuisd',
    })

    // Erasing a client who stands on an open shortlist takes them off it first.
    const presented = await call<DwellingMatching>(runtime, 'shortlists:present', {
      shortlistId: second,
    })
    const erased = presented.rounds[0]!.candidates[0]!.clientId
    const result = await call<EraseResult>(runtime, 'privacy:eraseClient', {
      clientId: erased,
      reason: 'Verzoek van de cliënt',
    })
    expect(result.outcome).toBe('anonymised')
    const { open } = await sqlOne<{ open: number }>(
      runtime,
      `SELECT count(*) AS open FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id
       WHERE c.client_id = ? AND c.decision = 'open' AND s.status IN ('concept', 'voorgedragen')`,
      erased,
    )
    expect(open).toBe(0)
    expect(await sqlOne(runtime, 'SELECT status, name FROM clients WHERE id = ?', erased)).toEqual({
      status: 'ingetrokken',
      name: null,
    })
    await call(runtime, 'privacy:exportClient', { clientId: chosen })

    const events = await sqlRows<{
      id: number
      officer: string
      os_user: string
      action: string
      summary: string
      details: string | null
    }>(runtime, 'SELECT id, officer, os_user, action, summary, details FROM audit_events')
    const after = events.filter((e) => e.id > since)
    expect(after.length).toBeGreaterThan(5)
    for (const e of events) {
      expect(e.officer.trim(), `event ${e.id} ${e.action}`).not.toBe('')
      expect(e.os_user.trim(), `event ${e.id} ${e.action}`).not.toBe('')
    }
    for (const e of after) {
      expect(e.officer, `event ${e.id} ${e.action}`).toBe('Fatima el Amrani')
      expect(e.os_user).toBe('medewerker7')
    }
    for (const e of events) {
      expect(`${e.summary} ${e.details ?? ''}`, `event ${e.id} ${e.action}`).not.toMatch(
        /Testpersoon|Geheim-/,
      )
    }
    const actions = new Set(after.map((e) => e.action))
    for (const action of ['shortlists:generate', 'offer:accept', 'client:status', 'client:erase']) {
      expect(actions).toContain(action)
    }
  })
})
