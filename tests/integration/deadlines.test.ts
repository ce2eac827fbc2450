import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { CorporationAnswers, FileResult } from '../../src/shared/api'
import { openAnswers, reminder } from '../../src/main/services/deadlines-service'
import { reportFigures } from '../../src/main/services/reports-service'
import { exportShortlists } from '../../src/main/services/shortlist-export'
import { choose, rejectAll } from '../../src/main/services/shortlists-service'
import {
  openCodes,
  QUARTER,
  useExportScenario,
  type ExportScenario,
} from '../support/exports-scenario'
import { STORE_KINDS } from '../support/stores'

/** The same store, read on another day: deadlines age with the clock. */
const on = (s: ExportScenario, iso: string) => ({ ...s.runtime.ctx, now: () => new Date(iso) })

describe.each(STORE_KINDS)('answer deadlines per corporation (%s)', (kind) => {
  const scenario = useExportScenario()

  it('gives each presented round ten working days, then ages it: on time, this week, late', async () => {
    // Mitros' rounds were presented on Monday 23 November 2026 (FIXED_NOW).
    const s = await scenario({ kind })
    // Only this quarter's rounds: the demo history leaves a few older ones open too.
    const mitros = (answers: CorporationAnswers[]) => {
      const all = answers.find((c) => c.corporation === 'Mitros')!
      const open = all.open.filter((a) => a.quarter === QUARTER)
      const counts = { 'op-tijd': 0, 'deze-week': 0, 'te-laat': 0 }
      for (const a of open) counts[a.ageing] += 1
      return { open, counts }
    }

    const fresh = mitros(await openAnswers(on(s, '2026-11-23T12:00:00Z')))
    expect(fresh.open).toHaveLength(s.presented.length)
    expect(fresh.open.every((a) => a.kind === 'voordracht' && a.since === '2026-11-23')).toBe(true)
    expect(new Set(fresh.open.map((a) => a.dueOn))).toEqual(new Set(['2026-12-07']))
    expect(fresh.counts).toEqual({ 'op-tijd': s.presented.length, 'deze-week': 0, 'te-laat': 0 })

    expect(mitros(await openAnswers(on(s, '2026-12-01T12:00:00Z'))).counts['deze-week']).toBe(
      s.presented.length,
    )
    const late = mitros(await openAnswers(on(s, '2026-12-10T12:00:00Z')))
    expect(late.counts['te-laat']).toBe(s.presented.length)
    expect(late.open[0]!.daysLate).toBe(3) // 8, 9, 10 December
  })

  it('a longer term in the settings moves the deadline', async () => {
    const s = await scenario({ kind })
    const settings = await s.call<{ values: Record<string, unknown> }>('settings:get', {
      year: 2026,
    })
    await s.call('settings:save', {
      year: 2026,
      values: { ...settings.values, answerWorkingDays: 15 },
    })
    const mitros = (await openAnswers(on(s, '2026-11-24T12:00:00Z'))).find(
      (c) => c.corporation === 'Mitros',
    )!
    const current = mitros.open.filter((a) => a.quarter === QUARTER)
    expect(new Set(current.map((a) => a.dueOn))).toEqual(new Set(['2026-12-14']))
  })

  it('a reminder lists the late answers in a workbook and lands in the export log', async () => {
    const s = await scenario({ kind })
    const later = on(s, '2026-12-10T12:00:00Z')
    const quiet = await s.one<{ id: number; name: string }>(
      `SELECT id, name FROM corporations WHERE id NOT IN (
         SELECT d.corporation_id FROM shortlists sl JOIN dwellings d ON d.id = sl.dwelling_id
         WHERE sl.status = 'voorgedragen') ORDER BY id LIMIT 1`,
    )
    await expect(reminder(later, quiet.id)).rejects.toThrow(
      `${quiet.name} heeft geen antwoorden die over de termijn zijn; een herinnering is niet nodig.`,
    )

    const file: FileResult = await reminder(later, s.corporationId)

    expect(file.fileName).toBe('herinnering-Mitros-2026-12-10.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer)
    const sheet = workbook.getWorksheet('Herinnering')!
    expect(sheet.pageSetup.paperSize).toBe(9)
    const rows: { address: string; quarter: string; dueOn: string }[] = []
    sheet.eachRow((row, n) => {
      if (n > 4)
        rows.push({
          address: String(row.getCell(2).value),
          quarter: String(row.getCell(3).value),
          dueOn: String(row.getCell(6).value),
        })
    })
    const late = (await openAnswers(later))
      .find((c) => c.corporation === 'Mitros')!
      .open.filter((a) => a.ageing === 'te-laat')
    expect(rows.map((r) => r.address).sort()).toEqual(late.map((a) => a.address).sort())
    const thisQuarter = rows.filter((r) => r.quarter === QUARTER)
    expect(new Set(thisQuarter.map((r) => r.address))).toEqual(
      new Set(s.presented.map((p) => p.address)),
    )
    expect(new Set(thisQuarter.map((r) => r.dueOn))).toEqual(new Set(['07-12-2026']))
    const logged = await s.one<{ kind: string; recipient: string; file_name: string }>(
      'SELECT kind, recipient, file_name FROM export_log ORDER BY id DESC LIMIT 1',
    )
    expect(logged).toEqual({ kind: 'reminder', recipient: 'Mitros', file_name: file.fileName })
  })

  it('the exported shortlist workbook tells the corporation by when to answer', async () => {
    const s = await scenario({ kind })
    const file = await exportShortlists(s.runtime.ctx, {
      quarter: QUARTER,
      corporationId: s.corporationId,
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer)
    const texts: string[] = []
    workbook.getWorksheet('Toelichting')!.eachRow((row) => texts.push(String(row.getCell(1).value)))
    expect(texts).toContain('Graag uw antwoord uiterlijk op 07-12-2026.')
  })

  it('the quarterly report counts per corporation the answers on time and late', async () => {
    const s = await scenario({ kind })
    const [a, b] = s.presented
    const clientOf = async (code: string) =>
      (await s.one<{ id: number }>('SELECT id FROM clients WHERE code = ?', code)).id
    // Due 07-12-2026. Mitros chooses for a on 30-11 (in time) and rejects all of b on 10-12 (late).
    await choose(on(s, '2026-11-30T10:00:00Z'), {
      shortlistId: a!.shortlistId,
      clientId: await clientOf((await openCodes(s, a!.shortlistId))[0]!),
    })
    await rejectAll(on(s, '2026-12-10T10:00:00Z'), {
      shortlistId: b!.shortlistId,
      rejection: { reason: 'woning-past-niet', text: null },
      motivation: 'Geen van de kandidaten past bij deze benedenwoning.',
    })

    const figures = await reportFigures(on(s, '2026-12-10T12:00:00Z'), { quarter: QUARTER })

    const mitros = figures.corporations.find((c) => c.corporation === 'Mitros')!
    // The rest of Mitros' rounds are still open past their term on 10-12: late as well.
    expect([mitros.answeredOnTime, mitros.answeredLate]).toEqual([1, s.presented.length - 1])
  })
})
