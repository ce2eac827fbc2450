import ExcelJS from 'exceljs'
import { parseQuarter, quarterLabel, type QuarterKey } from '../../shared/domain/quarter'
import { REJECTION_REASON } from '../../shared/domain/vocabulary'
import { dutchDate, dutchDay } from './naming'
import { setUpPrinting } from './print-setup'
import {
  DECISION_LABELS,
  exportRow,
  SHORTLIST_EXPORT_FIELDS,
  type ExportCandidate,
} from './shortlist-fields'
import { SHORTLIST_ANSWERS_KIND, writeMetaRows } from './template-meta'
import { LISTS_SHEET, type RangeValidations } from './template-writer'

export const SHORTLISTS_SHEET = 'Voordrachten'
export const ANSWER_INSTRUCTIONS_SHEET = 'Toelichting'
/** Bumped when the layout changes in a way the answer reader must know about. */
export const SHORTLIST_FILE_VERSION = 1

export interface ShortlistWorkbookSpec {
  corporation: { id: number; name: string }
  quarter: QuarterKey
  createdAt: Date
  /** jjjj-mm-dd: the answer is expected by this day (working days after presenting). */
  answerBy: string
  /** The rounds in the file: the answer is checked against these when it comes back. */
  shortlists: { shortlistId: number; dwellingId: number; round: number }[]
  /** Ordered by dwelling, then position. */
  candidates: ExportCandidate[]
}

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDE7F0' },
}
const ANSWER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFF4CC' },
}
const BAND_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F5F7' } }

export async function writeShortlistWorkbook(spec: ShortlistWorkbookSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Het Vierde Huis'
  workbook.created = spec.createdAt
  const title = `Voordrachten ${quarterLabel(parseQuarter(spec.quarter))}`
  const print = { left: spec.corporation.name, title, madeOn: dutchDate(spec.createdAt) }

  const sheet = workbook.addWorksheet(SHORTLISTS_SHEET)
  writeCandidates(sheet, spec)
  const lists = writeReasonList(workbook)
  addDecisionValidations(sheet, spec.candidates.length, lists)
  setUpPrinting(sheet, { ...print, titleRows: '1:1' })
  // Structure protected without a password: it only keeps the layout readable for the import.
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  })

  const help = writeInstructions(workbook, spec)
  setUpPrinting(help, { ...print, titleRows: '1:1' })
  await help.protect('', { selectLockedCells: true, selectUnlockedCells: true })

  writeMetaRows(workbook, [
    ['kind', SHORTLIST_ANSWERS_KIND],
    ['version', SHORTLIST_FILE_VERSION],
    ['quarterKey', spec.quarter],
    ['corporationId', spec.corporation.id],
    ['corporation', spec.corporation.name],
    ['exportedAt', spec.createdAt.toISOString()],
    ...spec.shortlists.map((s) => ['shortlist', s.shortlistId, s.dwellingId, s.round]),
  ])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function writeCandidates(sheet: ExcelJS.Worksheet, spec: ShortlistWorkbookSpec) {
  sheet.columns = SHORTLIST_EXPORT_FIELDS.map((f) => ({
    header: f.header,
    key: f.key,
    width: f.width,
  }))
  sheet.getColumn('offeredOn').numFmt = 'dd-mm-yyyy'
  const header = sheet.getRow(1)
  header.height = 30
  header.eachCell((cell) => {
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.alignment = { wrapText: true, vertical: 'middle' }
    cell.border = { bottom: { style: 'thin' } }
  })
  let previous: number | null = null
  let band = false
  for (const candidate of spec.candidates) {
    const row = sheet.addRow(exportRow(candidate, spec.createdAt))
    const first = candidate.dwellingId !== previous
    if (first) band = !band
    previous = candidate.dwellingId
    row.alignment = { vertical: 'top', wrapText: true }
    SHORTLIST_EXPORT_FIELDS.forEach((field, index) => {
      const cell = row.getCell(index + 1)
      // A line above each dwelling's first candidate and a soft band per dwelling: the rows of one
      // dwelling read as one block, also on paper.
      if (first) cell.border = { top: { style: 'medium' } }
      if (field.part === 'besluit') {
        cell.protection = { locked: false }
        cell.fill = ANSWER_FILL
      } else if (band) {
        cell.fill = BAND_FILL
      }
    })
  }
  // Dwelling id and address stay in view while scrolling right to the decision cells.
  const decision = SHORTLIST_EXPORT_FIELDS.findIndex((f) => f.key === 'decision') + 1
  sheet.views = [
    { state: 'frozen', xSplit: 2, ySplit: 1, activeCell: `${sheet.getColumn(decision).letter}2` },
  ]
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: SHORTLIST_EXPORT_FIELDS.length },
  }
}

/** The reasons as a hidden list: Excel's inline lists stop at 255 characters. */
function writeReasonList(workbook: ExcelJS.Workbook): string {
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' })
  const labels = Object.values(REJECTION_REASON.labels)
  lists.getColumn(1).values = ['Reden geen match', ...labels]
  lists.getColumn(1).width = 50
  return `${LISTS_SHEET}!$A$2:$A$${labels.length + 1}`
}

function addDecisionValidations(sheet: ExcelJS.Worksheet, rows: number, reasons: string) {
  if (rows === 0) return
  const last = rows + 1
  const column = (key: string) =>
    sheet.getColumn(SHORTLIST_EXPORT_FIELDS.findIndex((f) => f.key === key) + 1).letter
  const validations = (sheet as unknown as RangeValidations).dataValidations
  validations.add(`${column('decision')}2:${column('decision')}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${DECISION_LABELS.match},${DECISION_LABELS.noMatch}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ongeldig besluit',
    error: `Kies "${DECISION_LABELS.match}" of "${DECISION_LABELS.noMatch}".`,
  })
  validations.add(`${column('offeredOn')}2:${column('offeredOn')}${last}`, {
    // Only "a date": the day itself is judged on import, when "today" is known.
    type: 'date',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2000, 0, 1))],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ongeldige datum',
    error: 'Vul de datum van de aanbieding in als dd-mm-jjjj.',
  })
  validations.add(`${column('reason')}2:${column('reason')}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [reasons],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ongeldige reden',
    error: 'Kies een reden uit de lijst.',
  })
  validations.add(`${column('motivation')}2:${column('motivation')}${last}`, {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    allowBlank: true,
    formulae: [1000],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Te lange toelichting',
    error: 'Een toelichting mag hoogstens 1000 tekens hebben.',
  })
}

function writeInstructions(workbook: ExcelJS.Workbook, spec: ShortlistWorkbookSpec) {
  const sheet = workbook.addWorksheet(ANSWER_INSTRUCTIONS_SHEET)
  sheet.columns = [{ width: 6 }, { width: 100 }]
  sheet.addRow(['Voordrachten van Het Vierde Huis']).font = { bold: true, size: 14 }
  sheet.addRow([`Corporatie: ${spec.corporation.name}`])
  sheet.addRow([`Kwartaal: ${quarterLabel(parseQuarter(spec.quarter))} (${spec.quarter})`])
  sheet.addRow([`Gemaakt op: ${dutchDate(spec.createdAt)}`])
  const deadline = sheet.addRow([`Graag uw antwoord uiterlijk op ${dutchDay(spec.answerBy)}.`])
  deadline.font = { bold: true }
  sheet.addRow([])
  const steps = [
    `Op het werkblad "${SHORTLISTS_SHEET}" staan per woning de kandidaten die Het Vierde Huis voordraagt. Persoonsgegevens zoals naam en geboortedatum staan er bewust niet in.`,
    `Kiest u een kandidaat voor de woning, zet dan bij die kandidaat "${DECISION_LABELS.match}" in de kolom Besluit. Die kandidaat krijgt een eenmalige aanbieding; de andere kandidaten blijven reserve.`,
    'Vul bij Match de datum in waarop u de kandidaat de woning aanbood (dd-mm-jjjj). Die ligt niet na vandaag en niet vóór de voordracht; laat u de cel leeg, dan geldt de dag van inlezen.',
    `Staat er iets in de kolom Na weigering, dan weigerde de eerder gekozen kandidaat de aanbieding. Het Vierde Huis biedt de woning niet vanzelf aan de volgende aan: zet "${DECISION_LABELS.match}" bij wie de aanbieding nu krijgt, of "${DECISION_LABELS.noMatch}" bij allen.`,
    `Past een kandidaat niet, zet dan "${DECISION_LABELS.noMatch}" en kies een reden; bij "Anders" is een toelichting verplicht.`,
    `Past geen enkele kandidaat, zet dan bij alle kandidaten "${DECISION_LABELS.noMatch}" en geef in de kolom Toelichting / motivatie aan waarom (verplicht). Het Vierde Huis draagt dan nieuwe kandidaten voor.`,
    'Kies per woning hoogstens één Match. Alleen de gele cellen kunnen worden ingevuld; verander de andere cellen en de kolomkoppen niet.',
    'Stuur het bestand als Excel-werkmap (.xlsx) terug aan Het Vierde Huis. Antwoorden op een ronde die intussen is vervangen, worden niet verwerkt maar wel gemeld.',
  ]
  steps.forEach((step, i) => {
    const row = sheet.addRow([`${i + 1}.`, step])
    row.alignment = { wrapText: true, vertical: 'top' }
  })
  return sheet
}
