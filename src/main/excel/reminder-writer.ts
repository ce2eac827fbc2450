import ExcelJS from 'exceljs'
import type { OpenAnswer } from '../../shared/api'
import { dutchDate, dutchDay } from './naming'
import { setUpPrinting } from './print-setup'

export interface ReminderSpec {
  corporation: string
  createdAt: Date
  late: OpenAnswer[]
}

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDE7F0' },
}

const COLUMNS: { header: string; width: number; value: (a: OpenAnswer) => string | number }[] = [
  {
    header: 'Wat',
    width: 30,
    value: (a) =>
      a.kind === 'voordracht' ? 'Besluit over de voordracht' : 'Reactie op de aanbieding',
  },
  { header: 'Adres', width: 32, value: (a) => a.address },
  { header: 'Kwartaal', width: 10, value: (a) => a.quarter },
  { header: 'Ronde', width: 8, value: (a) => a.round },
  {
    header: 'Voorgedragen of aangeboden op',
    width: 16,
    value: (a) => dutchDay(a.since),
  },
  { header: 'Antwoord uiterlijk', width: 14, value: (a) => dutchDay(a.dueOn) },
  { header: 'Werkdagen te laat', width: 12, value: (a) => a.daysLate },
]

/**
 * One sheet a letting consultant can read on paper: which answers Het Vierde Huis still waits for,
 * since when, and how late. Addresses and round numbers only — no client data leaves with it.
 */
export async function writeReminderWorkbook(spec: ReminderSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Het Vierde Huis'
  workbook.created = spec.createdAt
  const sheet = workbook.addWorksheet('Herinnering')
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }))
  sheet.addRow(['Herinnering: antwoorden over de termijn']).font = { bold: true, size: 14 }
  sheet.addRow([
    `Aan ${spec.corporation}. Het Vierde Huis wacht nog op de volgende antwoorden. Wilt u ze zo snel mogelijk geven, via de werkmap met voordrachten of aan uw contactpersoon bij Het Vierde Huis?`,
  ])
  sheet.mergeCells(2, 1, 2, COLUMNS.length)
  sheet.getRow(2).height = 32
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' }
  sheet.addRow([])
  const header = sheet.addRow(COLUMNS.map((c) => c.header))
  header.height = 30
  header.eachCell((cell) => {
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.alignment = { wrapText: true, vertical: 'middle' }
    cell.border = { bottom: { style: 'thin' } }
  })
  for (const answer of spec.late) sheet.addRow(COLUMNS.map((c) => c.value(answer)))
  setUpPrinting(sheet, {
    left: spec.corporation,
    title: 'Herinnering antwoorden',
    madeOn: dutchDate(spec.createdAt),
    titleRows: `${header.number}:${header.number}`,
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
