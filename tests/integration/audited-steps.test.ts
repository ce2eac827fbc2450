import { describe, expect, it } from 'vitest'
import { dwellingsTemplate } from '../../src/main/services/import-service'
import type { AnswersReport, DwellingMatching, FileResult } from '../../src/shared/api'
import { fillIn, MOTIVATION, SPREIDING } from '../support/answer-files'
import { fillTemplate, payload } from '../support/excel-files'
import { dwellingRow } from '../support/excel-rows'
import { openCodes, QUARTER, useExportScenario } from '../support/exports-scenario'
import { FIXED_NOW } from '../support/temp-db'
import { STORE_KINDS } from '../support/stores'

describe.each(STORE_KINDS)(
  'every workflow step records itself at the service clock (%s)',
  (kind) => {
    const scenario = useExportScenario()

    it('stamps each audit row of a whole cycle with ctx.now(), never the wall clock', async () => {
      const s = await scenario({ kind })
      // The scenario's services run on FIXED_NOW, days before the wall clock of any test run.
      expect(Math.abs(Date.now() - FIXED_NOW.getTime())).toBeGreaterThan(60_000)
      const since = (await s.one<{ n: number }>('SELECT max(id) AS n FROM audit_events')).n
      const [a, b, c, d, e] = await Promise.all(
        s.presented.map(async (p) => ({ ...p, codes: await openCodes(s, p.shortlistId) })),
      )

      // Export, then the corporation's answer read back: choose, reject all, reject one.
      const file = await s.call<FileResult>('exports:shortlists', {
        quarter: QUARTER,
        corporationId: s.corporationId,
      })
      const answer = await fillIn(file, {
        [a!.dwellingId]: { [a!.codes[0]!]: { decision: 'Match' } },
        [b!.dwellingId]: Object.fromEntries(
          b!.codes.map((code) => [
            code,
            { decision: 'Geen match', reason: SPREIDING, motivation: MOTIVATION },
          ]),
        ),
        [c!.dwellingId]: { [c!.codes[0]!]: { decision: 'Geen match', reason: SPREIDING } },
      })
      const report = await s.call<AnswersReport>('exports:importAnswers', {
        fileName: 'antwoord.xlsx',
        base64: answer,
        dryRun: false,
      })
      expect(report.committed).toBe(true)

      // The offer accepted; another chosen and declined; a third dwelling withdrawn.
      const offered = await s.call<DwellingMatching>('shortlists:forDwelling', {
        dwellingId: a!.dwellingId,
      })
      await s.call('offers:accept', { offerId: offered.offers[0]!.id, startsOn: '2026-12-15' })
      const chosen = await s.call<DwellingMatching>('shortlists:choose', {
        shortlistId: d!.shortlistId,
        clientId: (
          await s.one<{ id: number }>('SELECT id FROM clients WHERE code = ?', d!.codes[0])
        ).id,
      })
      await s.call('offers:decline', {
        offerId: chosen.offers[0]!.id,
        decline: { reason: 'wijk-niet-gewenst', text: null },
      })
      await s.call('dwellings:withdraw', { dwellingId: e!.dwellingId, reason: 'Verkocht' })
      await s.call('audit:addDwellingNote', {
        dwellingId: c!.dwellingId,
        text: 'Mitros belt terug',
      })

      // Registry and settings: a dwellings import, a client's status, the year's settings.
      const template = await dwellingsTemplate(s.runtime.ctx, {
        corporationId: s.corporationId,
        quarterKey: '2027-Q1',
      })
      const filled = await fillTemplate(template.base64, 'Woningen', [dwellingRow(1)])
      await s.call('dwellings:import', payload(filled))
      const waiting = (
        await s.one<{ id: number }>("SELECT id FROM clients WHERE status = 'wachtend'")
      ).id
      await s.call('clients:setStatus', { id: waiting, status: 'on-hold', reason: 'Opname' })
      const settings = await s.call<{ values: object }>('settings:get', { year: 2026 })
      await s.call('settings:save', { year: 2026, values: settings.values })

      const rows = await s.all<{ action: string; at: string }>(
        'SELECT action, at FROM audit_events WHERE id > ? ORDER BY id',
        since,
      )
      const actions = new Set(rows.map((r) => r.action))
      for (const action of [
        'export:shortlists',
        'shortlist:choose',
        'shortlist:rejectAll',
        'shortlist:rejectCandidate',
        'answers:import',
        'offer:accept',
        'client:housed',
        'offer:decline',
        'dwelling:withdraw',
        'dwelling:note',
        'dwellings:import',
        'client:status',
        'settings:save',
      ]) {
        expect(actions, action).toContain(action)
      }
      for (const row of rows) expect(row.at, row.action).toBe(FIXED_NOW.toISOString())
    })

    it('keeps updated_at without any service setting it', async () => {
      const s = await scenario({ present: false, kind })
      const dwelling = await s.one<{ id: number; updated: string }>(
        "SELECT id, updated_at AS updated FROM dwellings WHERE status = 'in-voordracht' LIMIT 1",
      )
      await s.run(
        "UPDATE dwellings SET updated_at = '2000-01-01T00:00:00.000Z' WHERE id = ?",
        dwelling.id,
      )
      await s.call('dwellings:withdraw', { dwellingId: dwelling.id, reason: 'Verkocht' })
      const after = (
        await s.one<{ updated: string }>(
          'SELECT updated_at AS updated FROM dwellings WHERE id = ?',
          dwelling.id,
        )
      ).updated
      expect(after > '2000-01-01T00:00:00.000Z').toBe(true)
    })
  },
)
