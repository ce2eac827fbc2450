import { describe, expect, it } from 'vitest'
import type { PresentPlan, PresentResult } from '../../src/shared/api'
import { storeDigest } from '../support/db-digest'
import { QUARTER, useExportScenario } from '../support/exports-scenario'
import { STORE_KINDS } from '../support/stores'

describe.each(STORE_KINDS)('presenting a quarter in one step (%s)', (kind) => {
  const scenario = useExportScenario()

  it('shows the plan first: every concept list, which are short, nothing changed', async () => {
    const s = await scenario({ present: false, kind })
    const before = await storeDigest(s.runtime)

    const plan = await s.call<PresentPlan>('shortlists:presentPlan', { quarter: QUARTER })

    const concepts = (
      await s.one<{ n: number }>(
        `SELECT COUNT(*) AS n FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
       WHERE d.quarter_key = ? AND s.status = 'concept'`,
        QUARTER,
      )
    ).n
    expect(concepts).toBeGreaterThan(10)
    expect(plan.lists).toHaveLength(concepts)
    expect(plan.shortlistSize).toBe(3)
    for (const list of plan.lists) {
      const open = (
        await s.one<{ n: number }>(
          "SELECT COUNT(*) AS n FROM shortlist_candidates WHERE shortlist_id = ? AND decision = 'open'",
          list.shortlistId,
        )
      ).n
      expect(list.candidates).toBe(open)
    }
    expect(await storeDigest(s.runtime)).toEqual(before)
  })

  it('presents one corporation’s lists in one transaction, each with its audit row', async () => {
    const s = await scenario({ present: false, kind })
    const plan = await s.call<PresentPlan>('shortlists:presentPlan', {
      quarter: QUARTER,
      corporationId: s.corporationId,
    })
    expect(plan.lists.map((l) => l.corporation)).toEqual(plan.lists.map(() => 'Mitros'))
    const presentAudits = async () =>
      (
        await s.one<{ n: number }>(
          "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'shortlist:present'",
        )
      ).n
    const auditsBefore = await presentAudits()

    const result = await s.call<PresentResult>('shortlists:presentAll', {
      quarter: QUARTER,
      corporationId: s.corporationId,
    })

    expect(result.presented).toBe(plan.lists.length)
    expect(result.corporations).toEqual([
      { id: s.corporationId, name: 'Mitros', lists: plan.lists.length },
    ])
    const statuses = await s.all<{ status: string; corporation: string }>(
      `SELECT s.status, c.name AS corporation FROM shortlists s
       JOIN dwellings d ON d.id = s.dwelling_id JOIN corporations c ON c.id = d.corporation_id
       WHERE d.quarter_key = ? AND s.round = 1`,
      QUARTER,
    )
    for (const row of statuses)
      expect(row.status).toBe(row.corporation === 'Mitros' ? 'voorgedragen' : 'concept')
    expect((await presentAudits()) - auditsBefore).toBe(plan.lists.length)
    expect(
      (
        await s.one<{ summary: string }>(
          "SELECT summary FROM audit_events WHERE action = 'shortlists:presentAll'",
        )
      ).summary,
    ).toBe(
      `${plan.lists.length} voordrachten in één keer voorgedragen (Mitros ${plan.lists.length})`,
    )
    // The presented candidates are no longer free.
    const free = (
      await s.one<{ n: number }>(
        `SELECT COUNT(*) AS n FROM shortlist_candidates sc JOIN clients c ON c.id = sc.client_id
       WHERE sc.shortlist_id IN (${plan.lists.map((l) => l.shortlistId).join(',')})
         AND sc.decision = 'open' AND c.status <> 'voorgedragen'`,
      )
    ).n
    expect(free).toBe(0)
  })

  it('skips a list whose candidate is no longer free, and says which', async () => {
    const s = await scenario({ present: false, kind })
    const plan = await s.call<PresentPlan>('shortlists:presentPlan', { quarter: QUARTER })
    const victim = plan.lists[0]!
    const { clientId, code } = await s.one<{ clientId: number; code: string }>(
      `SELECT sc.client_id AS clientId, c.code FROM shortlist_candidates sc
       JOIN clients c ON c.id = sc.client_id WHERE sc.shortlist_id = ? ORDER BY sc.position LIMIT 1`,
      victim.shortlistId,
    )
    await s.run("UPDATE clients SET status = 'gehuisvest' WHERE id = ?", clientId)

    const result = await s.call<PresentResult>('shortlists:presentAll', { quarter: QUARTER })

    expect(result.presented).toBe(plan.lists.length - 1)
    expect(result.skipped.map((l) => [l.shortlistId, l.unavailable])).toEqual([
      [victim.shortlistId, [code]],
    ])
    expect(
      (
        await s.one<{ status: string }>(
          'SELECT status FROM shortlists WHERE id = ?',
          victim.shortlistId,
        )
      ).status,
    ).toBe('concept')
  })

  it('refuses in Dutch when nothing is left to present, changing nothing', async () => {
    const s = await scenario({ present: false, kind })
    await s.call('shortlists:presentAll', { quarter: QUARTER })
    const before = await storeDigest(s.runtime)

    await expect(s.call('shortlists:presentAll', { quarter: QUARTER })).rejects.toThrow(
      'Er zijn geen conceptvoordrachten om voor te dragen; maak eerst voordrachten.',
    )
    expect(await storeDigest(s.runtime)).toEqual(before)
  })
})
