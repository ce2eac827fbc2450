import type ExcelJS from 'exceljs'
import { ApiError } from '../../shared/api/endpoint'
import { REJECTION_REASON } from '../../shared/domain/vocabulary'
import { normalizeLabel, plainValue, toChoice, toIsoDate, type Plain } from './cell-values'
import { normalizeHeader } from './columns'
import { DECISION_LABELS, SHORTLIST_EXPORT_FIELDS, type ExportFieldKey } from './shortlist-fields'
import { SHORTLISTS_SHEET } from './shortlist-writer'
import { readMetaRows, SHORTLIST_ANSWERS_KIND } from './template-meta'
import { findSheet } from './workbook-reader'

export interface AnswerFileMeta {
  quarterKey: string
  corporationId: number
  corporation: string
  /** Per dwelling id: the round that was sent. */
  rounds: Map<number, { shortlistId: number; round: number }>
}

/** One candidate row as the corporation returned it; the decision still to be judged. */
export interface AnswerRow {
  row: number
  /** What the Woning-ID cell holds: an id, or the raw text when it is not one. */
  dwellingId: number | string | null
  address: string
  code: string
  /** The Nr. cell: the candidate's place on the round, or null when empty or not a number. */
  position: number | null
  /** 'match', 'no-match', null for empty, or the raw text when it is neither. */
  decision: 'match' | 'no-match' | string | null
  /** The offer date for a Match: a yyyy-mm-dd day, or why the cell is not one; null when empty. */
  offeredOn: { iso: string } | { error: string } | null
  /** A REJECTION_REASON key, or the raw text for the contract to refuse. */
  reason: string | null
  motivation: string | null
}

const NOT_AN_ANSWER =
  'Dit bestand is geen voordracht van Het Vierde Huis (het verborgen gegevensblad ontbreekt of is beschadigd). Lees alleen een teruggestuurde voordracht in.'

export function readAnswerMeta(workbook: ExcelJS.Workbook): AnswerFileMeta {
  const rows = readMetaRows(workbook)
  const value = (key: string) => rows.find((r) => r[0] === key)?.[1] ?? null
  const kind = value('kind')
  if (kind === 'dwellings' || kind === 'clients') {
    throw new ApiError(
      'invalid-input',
      'Dit is een sjabloon voor een import, geen antwoord op een voordracht. Kies de juiste import.',
    )
  }
  const quarterKey = value('quarterKey')
  const corporationId = value('corporationId')
  const corporation = value('corporation')
  if (
    kind !== SHORTLIST_ANSWERS_KIND ||
    typeof quarterKey !== 'string' ||
    typeof corporationId !== 'number' ||
    typeof corporation !== 'string'
  ) {
    throw new ApiError('invalid-input', NOT_AN_ANSWER)
  }
  const rounds = new Map<number, { shortlistId: number; round: number }>()
  for (const [key, shortlistId, dwellingId, round] of rows) {
    if (key !== 'shortlist') continue
    if (
      typeof shortlistId === 'number' &&
      typeof dwellingId === 'number' &&
      typeof round === 'number'
    )
      rounds.set(dwellingId, { shortlistId, round })
  }
  return { quarterKey, corporationId, corporation, rounds }
}

/**
 * Columns of files sent before the block layout (version 1) that the reader still uses: the
 * address, for messages. Such files keep being read as long as their rounds are current.
 */
const EARLIER_FIELDS = [{ key: 'address', header: 'Adres' }] as const
type ReadableKey = ExportFieldKey | (typeof EARLIER_FIELDS)[number]['key']
const READABLE_FIELDS: readonly { key: ReadableKey; header: string }[] = [
  ...SHORTLIST_EXPORT_FIELDS,
  ...EARLIER_FIELDS,
]

const REQUIRED: ExportFieldKey[] = ['dwellingId', 'code', 'decision', 'reason', 'motivation']

function text(cell: ExcelJS.Cell): string | null {
  const converted = plainValue(cell.value)
  if ('error' in converted || converted.value === null) return null
  const value = converted.value
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
}

function dateCell(cell: ExcelJS.Cell, date1904 = false): AnswerRow['offeredOn'] {
  const converted = plainValue(cell.value)
  if ('error' in converted) return converted
  const day = toIsoDate(converted.value as Plain, date1904)
  if ('error' in day) return day
  return typeof day.value === 'string' ? { iso: day.value } : null
}

function positionOf(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null
}

function decisionOf(value: string | null): AnswerRow['decision'] {
  if (value === null) return null
  const label = normalizeLabel(value)
  if (label === normalizeLabel(DECISION_LABELS.match)) return 'match'
  if (label === normalizeLabel(DECISION_LABELS.noMatch) || label === 'geen-match') return 'no-match'
  return value
}

/** The candidate rows of the returned file, with their columns found by the allowlist's headers. */
export function readAnswerRows(workbook: ExcelJS.Workbook): AnswerRow[] {
  const sheet = findSheet(workbook, SHORTLISTS_SHEET)
  if (!sheet) throw new ApiError('invalid-input', `Het werkblad "${SHORTLISTS_SHEET}" ontbreekt.`)
  const columns = new Map<ReadableKey, number>()
  sheet.getRow(1).eachCell((cell, col) => {
    const header = normalizeHeader(String(cell.value ?? ''))
    const field = READABLE_FIELDS.find((f) => normalizeHeader(f.header) === header)
    if (field) columns.set(field.key, col)
  })
  const missing = REQUIRED.filter((key) => !columns.has(key))
  if (missing.length > 0) {
    const names = missing.map((key) => SHORTLIST_EXPORT_FIELDS.find((f) => f.key === key)!.header)
    throw new ApiError(
      'invalid-input',
      `De kolom(men) ${names.join(', ')} ontbreken op "${SHORTLISTS_SHEET}". Stuur het bestand terug zoals het is ontvangen.`,
    )
  }
  const cell = (row: ExcelJS.Row, key: ReadableKey) =>
    columns.has(key) ? text(row.getCell(columns.get(key)!)) : null
  const rows: AnswerRow[] = []
  sheet.eachRow((row, number) => {
    if (number === 1) return
    const id = cell(row, 'dwellingId')
    const code = cell(row, 'code')
    if (id === null && code === null) return
    const reason = cell(row, 'reason')
    rows.push({
      offeredOn: columns.has('offeredOn')
        ? dateCell(row.getCell(columns.get('offeredOn')!), workbook.properties.date1904)
        : null,
      row: number,
      dwellingId: id !== null && /^\d+$/.test(id.trim()) ? Number(id) : id,
      address: cell(row, 'address') ?? '',
      code: code ?? '',
      position: positionOf(cell(row, 'position')),
      decision: decisionOf(cell(row, 'decision')),
      reason: reason === null ? null : String(toChoice(reason, REJECTION_REASON.labels)),
      motivation: cell(row, 'motivation'),
    })
  })
  return rows
}
