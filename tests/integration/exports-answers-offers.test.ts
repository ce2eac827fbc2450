import { describe, expect, it } from 'vitest'
import type { AnswersReport, DwellingMatching, FileResult } from '../../src/shared/api'
import { headerOf } from '../../src/main/excel/shortlist-fields'
import { fillIn } from '../support/answer-files'
import { headers, readWorkbook } from '../support/excel-files'
import { openCodes, QUARTER, useExportScenario } from '../support/exports-scenario'
import { STORE_KINDS } from '../support/stores'

/** The scenario's clock says 2026-11-23; its rounds are moved back to a presentation on 02-11-2026. */
const PRESENTED = '2026-11-02T09:00:00.000Z'

describe.each(STORE_KINDS)(
  'offer dates and the next candidate in a corporation’s answer (%s)',
  (kind) => {
    const scenario = useExportScenario()

    async function setUp() {
      const s = await scenario({ kind })
      await s.run("UPDATE shortlists SET presented_at = ? WHERE status = 'voorgedragen'", PRESENTED)
      const exportFile = async () =>
        await s.call<FileResult>('exports:shortlists', {
          quarter: QUARTER,
          corporationId: s.corporationId,
        })
      const [a, b, c] = await Promise.all(
        s.presented.map(async (p) => ({ ...p, codes: await openCodes(s, p.shortlistId) })),
      )
      const importAnswers = async (base64: string) =>
        await s.call<AnswersReport>('exports:importAnswers', { fileName: 'antwoord.xlsx', base64 })
      return { s, exportFile, a: a!, b: b!, c: c!, importAnswers }
    }

    const lineOf = (report: AnswersReport, dwellingId: number) =>
      report.lines.find((l) => l.dwellingId === dwellingId)!

    it('takes the offer date from the file and refuses one after today or before the presentation, per dwelling', async () => {
      const { s, exportFile, a, b, c, importAnswers } = await setUp()
      const file = await exportFile()
      const report = await importAnswers(
        await fillIn(file, {
          [a.dwellingId]: { [a.codes[0]!]: { decision: 'Match', offeredOn: '10-11-2026' } },
          [b.dwellingId]: { [b.codes[0]!]: { decision: 'Match', offeredOn: '05-01-2027' } },
          [c.dwellingId]: { [c.codes[0]!]: { decision: 'Match', offeredOn: '01-11-2026' } },
        }),
      )
      expect(lineOf(report, a.dwellingId)).toMatchObject({
        outcome: 'applied',
        actions: [`${a.codes[0]}: match; eenmalige aanbieding gedaan op 10-11-2026`],
      })
      expect(
        await s.one<{ offered_on: string }>(
          'SELECT offered_on FROM offers WHERE dwelling_id = ?',
          a.dwellingId,
        ),
      ).toEqual({ offered_on: '2026-11-10' })
      expect(lineOf(report, b.dwellingId)).toMatchObject({ outcome: 'error' })
      expect(lineOf(report, b.dwellingId).message).toContain(
        'De aanbiedingsdatum (05-01-2027) ligt na vandaag (23-11-2026)',
      )
      expect(lineOf(report, c.dwellingId).message).toContain(
        'De aanbiedingsdatum (01-11-2026) ligt vóór de voordracht (02-11-2026)',
      )
      for (const refused of [b, c]) {
        expect(
          (
            await s.one<{ n: number }>(
              'SELECT count(*) AS n FROM offers WHERE dwelling_id = ?',
              refused.dwellingId,
            )
          ).n,
        ).toBe(0)
      }
    })

    it('refuses text that is no date, and a date beside "Geen match"', async () => {
      const { exportFile, a, b, importAnswers } = await setUp()
      const report = await importAnswers(
        await fillIn(await exportFile(), {
          [a.dwellingId]: { [a.codes[0]!]: { decision: 'Match', offeredOn: 'volgende week' } },
          [b.dwellingId]: {
            [b.codes[0]!]: {
              decision: 'Geen match',
              reason: 'Kandidaat niet bereikbaar',
              offeredOn: '10-11-2026',
            },
          },
        }),
      )
      expect(lineOf(report, a.dwellingId).message).toMatch(/"volgende week" is geen datum/)
      expect(lineOf(report, b.dwellingId).message).toMatch(
        /vul de datum aanbieding alleen in bij Match/,
      )
      expect(report.committed).toBe(false)
    })

    it('after a decline sends the round back with a "Na weigering" note; only the corporation’s Match offers it to the next', async () => {
      const { s, exportFile, a, importAnswers } = await setUp()
      await importAnswers(
        await fillIn(await exportFile(), {
          [a.dwellingId]: { [a.codes[0]!]: { decision: 'Match' } },
        }),
      )
      const offered = await s.call<DwellingMatching>('shortlists:forDwelling', {
        dwellingId: a.dwellingId,
      })
      await s.call('offers:decline', {
        offerId: offered.offers[0]!.id,
        decline: { reason: 'veiligheid' },
      })
      const after = await s.call<DwellingMatching>('shortlists:forDwelling', {
        dwellingId: a.dwellingId,
      })
      expect(after.offers.filter((o) => o.outcome === 'open')).toEqual([])

      const again = await exportFile()
      const sheet = (await readWorkbook(again.base64)).getWorksheet('Voordrachten')!
      const cols = headers(sheet)
      const codes: string[] = []
      let firstRow = 0
      sheet.eachRow((row, n) => {
        if (n > 1 && row.getCell(cols.indexOf(headerOf('dwellingId')) + 1).value === a.dwellingId) {
          codes.push(String(row.getCell(cols.indexOf(headerOf('code')) + 1).value))
          firstRow ||= n
        }
      })
      expect(codes).toEqual(a.codes.slice(1))
      // The dwelling's block opens with its heading, then the note that the offer was declined.
      const note = String(
        sheet.getRow(firstRow - 1).getCell(cols.indexOf(headerOf('position')) + 1).value,
      )
      expect(note).toMatch(/^De gekozen kandidaat weigerde de aanbieding op 23-11-2026\./)

      const report = await importAnswers(
        await fillIn(again, { [a.dwellingId]: { [a.codes[2]!]: { decision: 'Match' } } }),
      )
      expect(lineOf(report, a.dwellingId).outcome).toBe('applied')
      const now = await s.call<DwellingMatching>('shortlists:forDwelling', {
        dwellingId: a.dwellingId,
      })
      expect(now.offers.map((o) => [o.code, o.outcome])).toEqual([
        [a.codes[2], 'open'],
        [a.codes[0], 'geweigerd'],
      ])
    })
  },
)
