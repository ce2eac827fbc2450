import { describe, expect, it } from 'vitest'
import { SHORTLIST_EXPORT_FIELDS } from '../../src/main/excel/shortlist-fields'
import type { AnswersReport, FileResult } from '../../src/shared/api'
import { fillIn, MOTIVATION, SPREIDING } from '../support/answer-files'
import { edit } from '../support/excel-files'
import { openCodes, QUARTER, useExportScenario } from '../support/exports-scenario'
import { STORE_KINDS } from '../support/stores'

const col = (key: string) => SHORTLIST_EXPORT_FIELDS.findIndex((f) => f.key === key) + 1

/** What a corporation's answer says when it comes too late or does not add up. */
describe.each(STORE_KINDS)('messages on a corporation’s answer (%s)', (kind) => {
  const scenario = useExportScenario()

  async function setUp() {
    const s = await scenario({ kind })
    const file = await s.call<FileResult>('exports:shortlists', {
      quarter: QUARTER,
      corporationId: s.corporationId,
    })
    const [a, b] = await Promise.all(
      s.presented.map(async (p) => ({ ...p, codes: await openCodes(s, p.shortlistId) })),
    )
    const importAnswers = async (base64: string) =>
      await s.call<AnswersReport>('exports:importAnswers', { fileName: 'antwoord.xlsx', base64 })
    const lineOf = (report: AnswersReport, dwellingId: number) =>
      report.lines.find((l) => l.dwellingId === dwellingId)!
    return { s, file, a: a!, b: b!, importAnswers, lineOf }
  }

  it('names what happened to the round since: decided on the screen, or a new concept round', async () => {
    const { s, file, a, b, importAnswers, lineOf } = await setUp()
    // Meanwhile the officer recorded the corporation's choice for a by phone, and a rejection of
    // all of b, which made round 2 a concept.
    await s.call('shortlists:choose', {
      shortlistId: a.shortlistId,
      clientId: (await s.one<{ id: number }>('SELECT id FROM clients WHERE code = ?', a.codes[0]))
        .id,
    })
    await s.call('shortlists:rejectAll', {
      shortlistId: b.shortlistId,
      rejection: { reason: 'spreiding-complex' },
      motivation: MOTIVATION,
    })

    const report = await importAnswers(
      await fillIn(file, {
        [a.dwellingId]: Object.fromEntries(
          a.codes.map((code) => [
            code,
            { decision: 'Geen match', reason: SPREIDING, motivation: MOTIVATION },
          ]),
        ),
        [b.dwellingId]: { [b.codes[0]!]: { decision: 'Match' } },
      }),
    )

    expect(lineOf(report, a.dwellingId)).toMatchObject({
      outcome: 'outdated',
      address: a.address,
      message: 'Over ronde 1 is al besloten: kandidaat gekozen; niets verwerkt',
    })
    expect(lineOf(report, b.dwellingId)).toMatchObject({
      outcome: 'outdated',
      address: b.address,
      message: 'Ronde 1 is niet meer actueel (nu staat ronde 2 klaar als concept); niets verwerkt',
    })
  })

  it('refuses a row whose client code was moved away from its place on the round', async () => {
    const { s, file, a, importAnswers, lineOf } = await setUp()
    // Someone sorted the rows by hand: candidate 2's code now stands on the row of nr. 1.
    const moved = await edit(file.base64, (workbook) => {
      workbook.getWorksheet('Voordrachten')!.eachRow((row) => {
        if (row.getCell(col('dwellingId')).value !== a.dwellingId) return
        const position = row.getCell(col('position')).value
        if (position === 1) {
          row.getCell(col('code')).value = a.codes[1]!
          row.getCell(col('decision')).value = 'Match'
        }
        if (position === 2) row.getCell(col('code')).value = a.codes[0]!
      })
    })

    const report = await importAnswers(moved.toString('base64'))

    const line = lineOf(report, a.dwellingId)
    expect(line.outcome).toBe('error')
    expect(line.message).toContain(
      `(${a.codes[1]}): deze kandidaat staat als nr. 2 op de voordracht, niet als nr. 1`,
    )
    expect(
      (
        await s.one<{ n: number }>(
          'SELECT count(*) AS n FROM offers WHERE dwelling_id = ?',
          a.dwellingId,
        )
      ).n,
    ).toBe(0)
  })
})
