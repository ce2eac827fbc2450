import type { CellValue } from 'exceljs'

/**
 * Turns what exceljs gives for a cell into plain values the shared zod schemas understand.
 * Only what the schemas cannot see (formulas, error cells, unreadable dates) becomes an error here;
 * anything else that is wrong is passed on as-is so the schema gives its one Dutch message.
 */
export type Converted = { value: unknown } | { error: string }

export type Plain = string | number | boolean | Date | null

const MS_PER_DAY = 86_400_000
/** Excel's day 0 (serials count from 1899-12-30 because of its 1900 leap-year bug). */
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30)
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1)
/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2_958_465

export const FORMULA_WITHOUT_VALUE =
  'Formule zonder waarde: vul de waarde zelf in, of open het bestand in Excel en sla het op zodat de formule is berekend'

/** The value a person sees in the cell: formula results, rich text joined, blanks as null. */
export function plainValue(value: CellValue): Converted {
  if (value === null || value === undefined) return { value: null }
  if (typeof value === 'string') return { value: value.trim() === '' ? null : value.trim() }
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return { value }
  if ('error' in value) return { error: `De cel bevat de foutwaarde ${value.error}` }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result
    if (result === undefined || result === null) return { error: FORMULA_WITHOUT_VALUE }
    return plainValue(result as CellValue)
  }
  if ('richText' in value) return plainValue(value.richText.map((part) => part.text).join(''))
  if ('text' in value && typeof value.text === 'string') return plainValue(value.text)
  return { value: null }
}

export function toText(value: Plain): unknown {
  if (value === null) return undefined
  if (typeof value === 'number') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return value
}

/** Numbers as typed in Dutch Excel: "650", "650,50", "€ 1.250,00"; other text stays text for the schema to refuse. */
export function toNumber(value: Plain): unknown {
  if (value === null) return undefined
  if (typeof value !== 'string') return value
  const cleaned = value.replace(/^€/, '').replace(/\s+/g, '')
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(cleaned))
    return Number(cleaned.replace(/\./g, '').replace(',', '.'))
  if (/^-?\d+([.,]\d+)?$/.test(cleaned)) return Number(cleaned.replace(',', '.'))
  return value
}

/**
 * A date as yyyy-mm-dd from a real Excel date, an Excel serial number, or text as dd-mm-jjjj or
 * jjjj-mm-dd. Whether the day exists is left to the schema.
 */
export function toIsoDate(value: Plain, date1904 = false): Converted {
  if (value === null) return { value: undefined }
  if (value instanceof Date) return { value: value.toISOString().slice(0, 10) }
  if (typeof value === 'number') {
    if (value < 1 || value > MAX_SERIAL)
      return { error: `${value} is geen datum; gebruik dd-mm-jjjj` }
    const epoch = date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900
    return { value: new Date(epoch + Math.floor(value) * MS_PER_DAY).toISOString().slice(0, 10) }
  }
  if (typeof value === 'string') {
    const text = value.trim()
    const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text)
    if (dutch) return { value: isoDate(dutch[3]!, dutch[2]!, dutch[1]!) }
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
    if (iso) return { value: isoDate(iso[1]!, iso[2]!, iso[3]!) }
  }
  return { error: `"${String(value)}" is geen datum; gebruik dd-mm-jjjj, bijvoorbeeld 01-03-2027` }
}

function isoDate(year: string, month: string, day: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1'])
const NO = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0'])

/** ja/nee in the ways people write it, and Excel's own TRUE/FALSE; anything else stays for the schema to refuse. */
export function toBoolean(value: Plain): unknown {
  if (value === null) return undefined
  if (typeof value === 'boolean') return value
  const text = String(value).trim().toLowerCase()
  if (YES.has(text)) return true
  if (NO.has(text)) return false
  return value
}

export function normalizeLabel(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ')
}

/** A dropdown label (or the key itself) back to its key; unknown text stays for the schema to refuse. */
export function toChoice(value: Plain, labels: Record<string, string>): unknown {
  if (value === null) return undefined
  const wanted = normalizeLabel(String(value))
  for (const [key, label] of Object.entries(labels)) {
    if (normalizeLabel(label) === wanted || key === wanted) return key
  }
  return String(value)
}

/** "Oost, Zuid; Binnenstad" → ['oost', 'zuid', 'binnenstad']. */
export function toChoiceList(value: Plain, labels: Record<string, string>): unknown {
  if (value === null) return undefined
  return String(value)
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => toChoice(part, labels))
}
