import { describe, expect, it } from 'vitest'
import type { PoolEntry } from '../../src/shared/api'
import { QUARTER, useExportScenario } from '../support/exports-scenario'
import { STORE_KINDS } from '../support/stores'

/** The quarter batch keeps flip-possible dwellings for instroom when the year's share asks it. */
describe.each(STORE_KINDS)('flip-possible dwellings kept for instroom (%s)', (kind) => {
  const scenario = useExportScenario()

  it('reserves what the trajectory needs, each reserved list holds instroom clients only, and says why to others', async () => {
    const s = await scenario({ present: false, kind })
    const audit = await s.one<{ details: string; summary: string }>(
      "SELECT details, summary FROM audit_events WHERE action = 'quarter:reserveInstroom' AND entity_id = ?",
      QUARTER,
    )
    const { dwellingIds, needed } = JSON.parse(audit.details) as {
      dwellingIds: number[]
      needed: number
    }
    expect(dwellingIds.length).toBeGreaterThan(0)
    expect(dwellingIds.length).toBeLessThanOrEqual(needed)
    expect(audit.summary).toMatch(/omklapbare woningen? voorbehouden aan instroom/)

    const flows = await s.all<{ dwellingId: number; flow: string }>(
      `SELECT s.dwelling_id AS dwellingId, c.flow FROM shortlist_candidates sc
       JOIN shortlists s ON s.id = sc.shortlist_id JOIN clients c ON c.id = sc.client_id
       WHERE s.dwelling_id IN (${dwellingIds.join(',')})`,
    )
    // Each reserved dwelling got a list, and only instroom clients are on it.
    expect(new Set(flows.map((f) => f.dwellingId))).toEqual(new Set(dwellingIds))
    expect(flows.every((f) => f.flow === 'instroom')).toBe(true)

    const { code } = await s.one<{ code: string }>(
      "SELECT code FROM clients WHERE flow = 'uitstroom' AND status = 'wachtend' ORDER BY id LIMIT 1",
    )
    const pool = await s.call<{ entries: PoolEntry[] }>('shortlists:pool', {
      dwellingId: dwellingIds[0],
      search: code,
    })
    const uitstroom = pool.entries.find((e) => e.code === code)
    expect(uitstroom?.whyNot.map((w) => w.reason)).toContain(
      'Woning is dit kwartaal voorbehouden aan instroom, om het aandeel instroom van dit jaar te halen',
    )
  })
})
