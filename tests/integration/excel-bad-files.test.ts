import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Store } from '../../src/main/db/connection'
import { DWELLING_COLUMNS } from '../../src/main/excel/dwelling-columns'
import { dwellingsTemplate, importDwellings } from '../../src/main/services/import-service'
import { edit, fillRows, payload, toBuffer, zipOf } from '../support/excel-files'
import { dwellingRow } from '../support/excel-rows'
import { fingerprint, useExcelStore, type ExcelStore } from '../support/excel-store'
import { STORE_KINDS, type StoreKind } from '../support/stores'

/** A store that already holds one imported dwelling, so "unchanged" means something. */
async function storeWithData(
  open: (kind: StoreKind) => Promise<ExcelStore<Store>>,
  kind: StoreKind,
) {
  const s = await open(kind)
  const template = await dwellingsTemplate(s.ctx, {
    corporationId: s.mitros,
    quarterKey: '2026-Q4',
  })
  const first = await edit(template.base64, (wb) =>
    fillRows(wb.getWorksheet('Woningen')!, [dwellingRow(100)]),
  )
  await importDwellings(s.ctx, payload(first))
  return { s, template: template.base64 }
}

async function expectRefused(
  s: ExcelStore<Store>,
  file: Buffer,
  message: string | RegExp,
  owner: { corporationId?: number; quarterKey?: string } = {},
) {
  const before = await fingerprint(s.runtime)
  const error = await importDwellings(s.ctx, { ...payload(file), ...owner }).then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  )
  expect(error, 'the import should have been refused').not.toBeNull()
  expect(error!.code).toBe('invalid-input')
  if (typeof message === 'string') expect(error!.message).toBe(message)
  else expect(error!.message).toMatch(message)
  expect(await fingerprint(s.runtime)).toEqual(before)
}

const NOT_A_WORKBOOK =
  'Dit bestand is geen Excel-werkmap (.xlsx). Sla het in Excel op als "Excel-werkmap (*.xlsx)" en probeer het opnieuw.'

describe.each(STORE_KINDS)(
  'files the import refuses as a whole, leaving the database as it was (%s)',
  (kind) => {
    const store = useExcelStore()

    it('an empty file', async () => {
      const { s } = await storeWithData(store, kind)
      await expectRefused(s, Buffer.alloc(0), 'Het bestand is leeg.')
    })

    it('a CSV renamed to .xlsx', async () => {
      const { s } = await storeWithData(store, kind)
      const csv = 'Adres;Postcode;Wijk\nKanaalstraat 1;3531 CJ;West\n'
      await expectRefused(s, Buffer.from(csv, 'utf8'), NOT_A_WORKBOOK)
    })

    it('a zip that is not a workbook, renamed to .xlsx', async () => {
      const { s } = await storeWithData(store, kind)
      await expectRefused(
        s,
        zipOf({ 'notities.txt': 'geen werkmap', 'map/foto.txt': 'ook niet' }),
        NOT_A_WORKBOOK,
      )
    })

    it('an old .xls or password-protected file', async () => {
      const { s } = await storeWithData(store, kind)
      const ole = Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
      ])
      await expectRefused(s, ole, /oud Excel-bestand \(\.xls\) of een bestand met een wachtwoord/)
    })

    it('a broken workbook: cut short, or damaged inside', async () => {
      const { s, template } = await storeWithData(store, kind)
      const whole = Buffer.from(template, 'base64')
      await expectRefused(s, whole.subarray(0, Math.floor(whole.length / 2)), NOT_A_WORKBOOK)
      const damaged = Buffer.from(whole)
      damaged.fill(0x41, 200, 4000)
      await expectRefused(s, damaged, /^Het bestand kan niet worden gelezen: het is beschadigd/)
    })

    it('a workbook without the "Woningen" sheet', async () => {
      const { s, template } = await storeWithData(store, kind)
      const renamed = await edit(template, (wb) => (wb.getWorksheet('Woningen')!.name = 'Blad1'))
      await expectRefused(
        s,
        renamed,
        'Het werkblad "Woningen" ontbreekt (gevonden: "Toelichting", "Blad1"). Gebruik het sjabloon.',
      )
    })

    it('missing, renamed, extra and doubled headers, each named', async () => {
      const { s, template } = await storeWithData(store, kind)
      const missing = await edit(template, (wb) => wb.getWorksheet('Woningen')!.spliceColumns(2, 1))
      await expectRefused(
        s,
        missing,
        'De kolomkoppen in rij 1 van "Woningen" kloppen niet met het sjabloon: ontbrekende kolommen: "Postcode". ' +
          'Verander de koppen niet; gebruik zo nodig een nieuw sjabloon.',
      )
      const renamed = await edit(template, (wb) => {
        const sheet = wb.getWorksheet('Woningen')!
        sheet.getCell('M1').value = 'Huur'
        sheet.getCell('S1').value = 'Naam huurder'
        sheet.getCell('T1').value = 'Lift'
      })
      await expectRefused(
        s,
        renamed,
        /ontbrekende kolommen: "Kale huur"; onbekende kolommen: "Huur", "Naam huurder"; dubbele kolommen: "Lift"/,
      )
    })

    it('data in a column without a header', async () => {
      const { s, template } = await storeWithData(store, kind)
      const file = await edit(template, (wb) => {
        const sheet = wb.getWorksheet('Woningen')!
        fillRows(sheet, [dwellingRow(1)])
        sheet.getCell('U3').value = 'extra'
      })
      await expectRefused(s, file, /^Kolom U bevat gegevens maar heeft geen kop/)
    })

    it('merged cells in the data area', async () => {
      const { s, template } = await storeWithData(store, kind)
      const file = await edit(template, (wb) => {
        const sheet = wb.getWorksheet('Woningen')!
        fillRows(sheet, [dwellingRow(1), dwellingRow(2)])
        sheet.mergeCells('D4:E4')
      })
      await expectRefused(
        s,
        file,
        /^Het werkblad "Woningen" bevat samengevoegde cellen \(bij D4\)\. Maak het samenvoegen ongedaan/,
      )
      // In the header row too: there the merge would otherwise look like a doubled column.
      const header = await edit(template, (wb) => wb.getWorksheet('Woningen')!.mergeCells('B1:C1'))
      await expectRefused(
        s,
        header,
        /^Het werkblad "Woningen" bevat samengevoegde cellen \(bij B1\)/,
      )
    })

    it('more rows than one import may hold, refused', async () => {
      const { s } = await storeWithData(store, kind)
      // Built from scratch rather than from the template: keeps the setup fast (npm run bench times it).
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet('Woningen')
      sheet.addRow(DWELLING_COLUMNS.map((column) => column.header))
      for (let i = 0; i < 6_000; i++) sheet.addRow(Object.values(dwellingRow(i)))
      const file = await toBuffer(workbook)
      await expectRefused(
        s,
        file,
        'Het werkblad "Woningen" heeft 6.000 rijen; hoogstens 5.000 per import. Splits het bestand.',
        { corporationId: s.mitros, quarterKey: '2026-Q4' },
      )
    })

    it('a sheet far beyond the limit, which exceljs stops reading early', async () => {
      const { s } = await storeWithData(store, kind)
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet('Woningen')
      for (let i = 1; i <= 25_000; i++) sheet.getCell(i, 1).value = i
      const file = await toBuffer(workbook)
      await expectRefused(
        s,
        file,
        /^Het bestand is te groot: een werkblad heeft meer dan 20\.000 rijen/,
      )
    })

    it('a zip that would unpack to more than the limit', async () => {
      const { s } = await storeWithData(store, kind)
      const bomb = zipOf(
        { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' },
        200 * 1024 * 1024,
      )
      await expectRefused(
        s,
        bomb,
        /^Het bestand is te groot: het bestand is uitgepakt groter dan 150 MB/,
      )
    })
  },
)
