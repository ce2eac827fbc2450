import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Store } from '../../src/main/db/connection'
import { dwellings } from '../../src/main/db/schema'
import { DWELLING_COLUMNS } from '../../src/main/excel/dwelling-columns'
import { dwellingsTemplate, importDwellings } from '../../src/main/services/import-service'
import { edit, fillRows, payload, toBuffer } from '../support/excel-files'
import { dwellingRow } from '../support/excel-rows'
import { fingerprint, useExcelStore, type ExcelStore } from '../support/excel-store'
import { STORE_KINDS } from '../support/stores'

type Rows = ReturnType<typeof dwellingRow>[]

describe.each(STORE_KINDS)(
  'reading the cells of a filled-in template as people really fill them in (%s)',
  (kind) => {
    const store = useExcelStore()

    async function importRows(
      s: ExcelStore<Store>,
      rows: Rows,
      change?: (workbook: ExcelJS.Workbook) => void,
    ) {
      const template = await dwellingsTemplate(s.ctx, {
        corporationId: s.mitros,
        quarterKey: '2026-Q4',
      })
      const file = await edit(template.base64, (workbook) => {
        fillRows(workbook.getWorksheet('Woningen')!, rows)
        change?.(workbook)
      })
      return importDwellings(s.ctx, payload(file))
    }

    const saved = async (s: ExcelStore<Store>) =>
      await s.runtime.store.db.select().from(dwellings).orderBy(dwellings.id)

    it('accepts dates as real dates, Excel serial numbers and text as dd-mm-jjjj or jjjj-mm-dd', async () => {
      const s = await store(kind)
      const serial = (Date.UTC(2027, 2, 1) - Date.UTC(1899, 11, 30)) / 86_400_000
      const report = await importRows(s, [
        dwellingRow(1, { 'Beschikbaar vanaf': new Date(Date.UTC(2027, 2, 1)) }),
        dwellingRow(2, { 'Beschikbaar vanaf': serial }),
        dwellingRow(3, { 'Beschikbaar vanaf': '01-03-2027' }),
        dwellingRow(4, { 'Beschikbaar vanaf': '1-3-2027' }),
        dwellingRow(5, { 'Beschikbaar vanaf': '2027-03-01' }),
        dwellingRow(6, { 'Beschikbaar vanaf': ' 01/03/2027 ' }),
      ])
      expect(report.errors).toEqual([])
      expect((await saved(s)).map((d) => d.availableFrom)).toEqual(Array(6).fill('2027-03-01'))
    })

    it('refuses other date text with a message saying how to write it', async () => {
      const s = await store(kind)
      const before = await fingerprint(s.runtime)
      const report = await importRows(s, [
        dwellingRow(1, { 'Beschikbaar vanaf': 'volgende week' }),
        dwellingRow(2, { 'Beschikbaar vanaf': '03/01/27' }),
        dwellingRow(3, { 'Beschikbaar vanaf': '31-02-2027' }),
        dwellingRow(4, { 'Beschikbaar vanaf': null }),
      ])
      expect(report.errors).toEqual([
        {
          row: 3,
          column: 'Beschikbaar vanaf',
          message: '"volgende week" is geen datum; gebruik dd-mm-jjjj, bijvoorbeeld 01-03-2027',
        },
        {
          row: 4,
          column: 'Beschikbaar vanaf',
          message: '"03/01/27" is geen datum; gebruik dd-mm-jjjj, bijvoorbeeld 01-03-2027',
        },
        { row: 5, column: 'Beschikbaar vanaf', message: 'Dit is geen bestaande datum' },
        { row: 6, column: 'Beschikbaar vanaf', message: 'Vul een datum in' },
      ])
      expect(await fingerprint(s.runtime)).toEqual(before)
    })

    it('reads ja/nee written in every usual way, and Excel’s own TRUE/FALSE', async () => {
      const s = await store(kind)
      const yes = ['Ja', 'JA', 'j', 'true', true, 1, 'waar']
      const no = ['NEE', 'nee', 'n', 'false', false, 0, ' Nee ']
      const rows = yes.map((value, i) => dwellingRow(i, { Lift: value, Zelfstandig: no[i]! }))
      const report = await importRows(s, rows)
      expect(report.errors).toEqual([])
      expect((await saved(s)).every((d) => d.hasLift && !d.selfContained)).toBe(true)
    })

    it('uses a formula’s calculated value, and asks for a value when the formula has none', async () => {
      const s = await store(kind)
      const report = await importRows(s, [
        dwellingRow(1, {
          'Kale huur': { formula: '600+12.5', result: 612.5 } as ExcelJS.CellFormulaValue,
        }),
        dwellingRow(2, { 'Kale huur': { formula: 'M3*2' } as ExcelJS.CellFormulaValue }),
        dwellingRow(3, { Servicekosten: { error: '#N/A' } as ExcelJS.CellErrorValue }),
      ])
      expect(report.errors).toEqual([
        {
          row: 4,
          column: 'Kale huur',
          message:
            'Formule zonder waarde: vul de waarde zelf in, of open het bestand in Excel en sla het op zodat de formule is berekend',
        },
        { row: 5, column: 'Servicekosten', message: 'De cel bevat de foutwaarde #N/A' },
      ])
      expect(report.validRows).toBe(1)
      expect(report.committed).toBe(false)
    })

    it('reads numbers typed as Dutch text, and refuses words in number cells', async () => {
      const s = await store(kind)
      const report = await importRows(s, [
        dwellingRow(1, { 'Kale huur': '612,50', 'Aantal kamers': '3' }),
        dwellingRow(2, { 'Kale huur': '€ 1.250,00' }),
        dwellingRow(3, { 'Aantal kamers': '3 kamers', 'Kale huur': 'n.t.b.' }),
        dwellingRow(4, { 'Aantal kamers': 2.5 }),
      ])
      expect(report.errors).toEqual([
        { row: 5, column: 'Aantal kamers', message: 'Aantal kamers moet een getal zijn' },
        { row: 5, column: 'Kale huur', message: 'Kale huur moet een bedrag zijn' },
        { row: 6, column: 'Aantal kamers', message: 'Aantal kamers moet een geheel getal zijn' },
      ])
    })

    it('stores Dutch-text numbers as numbers', async () => {
      const s = await store(kind)
      await importRows(s, [
        dwellingRow(1, { 'Kale huur': '612,50', 'Aantal kamers': '3' }),
        dwellingRow(2, { 'Kale huur': '€ 1.250,00' }),
      ])
      expect((await saved(s)).map((d) => [d.netRent, d.rooms])).toEqual([
        [612.5, 3],
        [1250, 2],
      ])
    })

    it('skips empty rows, blank but formatted rows and the example row, without calling them errors', async () => {
      const s = await store(kind)
      const report = await importRows(s, [dwellingRow(1)], (workbook) => {
        const sheet = workbook.getWorksheet('Woningen')!
        sheet.getCell('A5').value = '   '
        sheet.getCell('B6').fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: 'FFFFFF00' },
        }
        fillRows(sheet, [dwellingRow(2)], 9)
        // The corporation edited the example but left its marker: still an example.
        sheet.getCell('A2').value = 'voorbeeld Oudegracht 1'
      })
      expect(report).toMatchObject({ rows: 2, validRows: 2, errors: [], created: 2 })
    })

    it('ignores extra sheets, whatever is on them', async () => {
      const s = await store(kind)
      const report = await importRows(s, [dwellingRow(1)], (workbook) => {
        const notes = workbook.addWorksheet('Mijn notities')
        notes.getCell('A1').value = 'Intern overzicht'
        notes.getCell('B2').value = { formula: 'SUM(C1:C9)' } as ExcelJS.CellFormulaValue
        notes.mergeCells('A3:D3')
      })
      expect(report).toMatchObject({ rows: 1, errors: [], created: 1 })
    })

    it('finds the columns by their header, in any order, and accepts rich text', async () => {
      const s = await store(kind)
      const workbook = new ExcelJS.Workbook()
      const sheet = workbook.addWorksheet(' woningen ')
      const columns = [...DWELLING_COLUMNS].reverse()
      sheet.addRow(columns.map((column) => column.header.toUpperCase()))
      const row = dwellingRow(7)
      sheet.addRow(columns.map((column) => row[column.header]))
      sheet.getCell(2, columns.length).value = {
        richText: [{ text: 'Kanaal', font: { bold: true } }, { text: 'straat 7' }],
      }
      const report = await importDwellings(s.ctx, {
        ...payload(await toBuffer(workbook)),
        corporationId: s.mitros,
        quarterKey: '2026-Q4',
      })
      expect(report).toMatchObject({ errors: [], created: 1 })
      expect((await saved(s))[0]).toMatchObject({ address: 'Kanaalstraat 7', rooms: 2 })
    })
  },
)
