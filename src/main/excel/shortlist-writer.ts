import ExcelJS from 'exceljs'
import { parseQuarter, quarterLabel, type QuarterKey } from '../../shared/domain/quarter'
import { REJECTION_REASON, type ExportDetail } from '../../shared/domain/vocabulary'
import { dutchDate, dutchDay } from './naming'
import { setUpPrinting } from './print-setup'
import {
  afterDecline,
  DECISION_LABELS,
  dwellingHeading,
  exportRow,
  SHORTLIST_EXPORT_FIELDS,
  type ExportCandidate,
} from './shortlist-fields'
import { SHORTLIST_ANSWERS_KIND, writeMetaRows } from './template-meta'
import { LISTS_SHEET, type RangeValidations } from './template-writer'

export const SHORTLISTS_SHEET = 'Voordrachten'
export const ANSWER_INSTRUCTIONS_SHEET = 'Toelichting'
/** Bumped when the layout changes in a way the answer reader must know about. */
export const SHORTLIST_FILE_VERSION = 2

export interface ShortlistWorkbookSpec {
  corporation: { id: number; name: string }
  quarter: QuarterKey
  createdAt: Date
  /** How much the corporation may see of a candidate (its agreement; default 'beperkt'). */
  detail: ExportDetail
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
  addDecisionValidations(sheet, sheet.rowCount - 1, lists)
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

/** The sheet's font: Calibri as Excel's default (LibreOffice shows it as the metric twin Carlito). */
const FONT = { name: 'Calibri', size: 10 }
/** Points per line of wrapped text at 10 pt. */
const LINE_HEIGHT = 13
/** Characters of 10 pt text per unit of column width (a unit is one digit at 11 pt), rounded down. */
const CHARS_PER_WIDTH = 1.25

/** Lines a value takes in a column of this width once wrapped: what its row's height must hold. */
function wrappedLines(value: unknown, width: number): number {
  if (typeof value !== 'string') return 1
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH))
  return value
    .split('\n')
    .reduce((lines, part) => lines + Math.max(1, Math.ceil(part.length / perLine)), 0)
}

/**
 * One block per dwelling: a heading row with the address (and, after a declined offer, a note),
 * then its candidates. Heading rows leave the Woning-ID and Cliëntcode cells empty, so the answer
 * reader passes over them; nothing is merged, so every cell reads back as it was written.
 */
function writeCandidates(sheet: ExcelJS.Worksheet, spec: ShortlistWorkbookSpec) {
  sheet.properties.defaultRowHeight = LINE_HEIGHT + 2
  sheet.columns = SHORTLIST_EXPORT_FIELDS.map((f) => ({
    header: f.header,
    key: f.key,
    width: f.width,
    style: { font: FONT },
  }))
  sheet.getColumn('offeredOn').numFmt = 'dd-mm-yyyy'
  const header = sheet.getRow(1)
  header.height = 28
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true }
    cell.fill = HEADER_FILL
    cell.alignment = { wrapText: true, vertical: 'middle' }
    cell.border = { bottom: { style: 'thin' } }
  })
  const headingColumn = SHORTLIST_EXPORT_FIELDS.findIndex((f) => f.key === 'position') + 1
  let previous: number | null = null
  for (const candidate of spec.candidates) {
    if (candidate.dwellingId !== previous) {
      headingRow(sheet, headingColumn, dwellingHeading(candidate), { ...FONT, bold: true }, true)
      const note = afterDecline(candidate.declinedOn)
      if (note) headingRow(sheet, headingColumn, note, { ...FONT, italic: true }, false)
    }
    previous = candidate.dwellingId
    const values = exportRow(candidate, spec.createdAt, spec.detail)
    const row = sheet.addRow(values)
    row.alignment = { vertical: 'top', wrapText: true }
    const lines = Math.max(
      ...SHORTLIST_EXPORT_FIELDS.map((field) => wrappedLines(values[field.key], field.width)),
    )
    row.height = Math.max(2, lines) * LINE_HEIGHT + 4
    SHORTLIST_EXPORT_FIELDS.forEach((field, index) => {
      const cell = row.getCell(index + 1)
      cell.border = { bottom: { style: 'hair' } }
      if (field.part === 'besluit') {
        cell.protection = { locked: false }
        cell.fill = ANSWER_FILL
      }
    })
  }
  const decision = SHORTLIST_EXPORT_FIELDS.findIndex((f) => f.key === 'decision') + 1
  sheet.views = [
    { state: 'frozen', xSplit: 0, ySplit: 1, activeCell: `${sheet.getColumn(decision).letter}3` },
  ]
}

/** A heading line of a dwelling's block: text that runs on over the empty cells beside it. */
function headingRow(
  sheet: ExcelJS.Worksheet,
  column: number,
  text: string,
  font: Partial<ExcelJS.Font>,
  first: boolean,
) {
  const row = sheet.addRow([])
  row.getCell(column).value = text
  row.height = LINE_HEIGHT + 5
  for (let i = 1; i <= SHORTLIST_EXPORT_FIELDS.length; i++) {
    const cell = row.getCell(i)
    cell.font = font
    cell.fill = BAND_FILL
    cell.alignment = { vertical: 'middle', wrapText: false }
    if (first) cell.border = { top: { style: 'medium' } }
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
