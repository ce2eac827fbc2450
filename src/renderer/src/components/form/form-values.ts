import { isValid, parseISO } from 'date-fns'

/**
 * Form inputs hold text; the shared schemas want numbers. These turn what an officer types into
 * what the schema checks, without judging it: a wrong value is passed on so that the schema gives
 * its one Dutch message.
 */

/**
 * A form's values for a field definition: a checkbox for a yes/no field, a list for a list, text
 * for everything else (numbers and dates are typed as text). Deriving the values from the fields
 * makes a new field a compile error in every form that has not got it yet.
 */
export type FormValuesOf<F> = {
  [K in keyof F]-?: NonNullable<F[K]> extends boolean
    ? boolean
    : NonNullable<F[K]> extends readonly unknown[]
      ? string[]
      : string
}

/** "612,50", "612.50", "1.250,00", "€ 612,50" → number; empty → undefined; anything else → NaN. */
export function numberFrom(text: string): number | undefined {
  const cleaned = text.trim().replace(/^€\s*/, '').replace(/\s+/g, '')
  if (cleaned === '') return undefined
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(cleaned))
    return Number(cleaned.replace(/\./g, '').replace(',', '.'))
  if (/^-?\d+([.,]\d+)?$/.test(cleaned)) return Number(cleaned.replace(',', '.'))
  return Number.NaN
}

/** For optional number fields the API takes null for "not given". */
export function optionalNumberFrom(text: string): number | null {
  return numberFrom(text) ?? null
}

/** A percentage as typed ("12,5") → a share 0–1 (0.125), rounded so 0.1 + 0.2 noise never shows. */
export function shareFrom(percentText: string): number | undefined {
  const percent = numberFrom(percentText)
  return percent === undefined ? undefined : Math.round(percent * 100) / 10_000
}

const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2, useGrouping: false })
const money = new Intl.NumberFormat('nl-NL', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
})

/** A number as an input shows it: Dutch decimal comma, no thousands separator. */
export function numberText(value: number | null | undefined): string {
  return value == null ? '' : decimal.format(value)
}

/** An amount in euro as an input shows it: "612,50". */
export function euroText(value: number | null | undefined): string {
  return value == null ? '' : money.format(value)
}

/** A share 0–1 as a percentage in an input: 0.125 → "12,5". */
export function percentText(share: number | null | undefined): string {
  return share == null ? '' : decimal.format(Math.round(share * 10_000) / 100)
}

/** A select's value as an id: "" (nothing chosen) → undefined, for the schema's "Kies een …". */
export function idFrom(value: string): number | undefined {
  return value === '' ? undefined : Number(value)
}

/** Today as the officer's calendar shows it, as yyyy-mm-dd (not UTC: 00:30 in Utrecht is still today). */
export function todayIso(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * A date as officers type it, "23-11-2026" (also 23/11/2026, 23.11.2026 or 2026-11-23), as
 * yyyy-mm-dd for the schema, which then checks that the day exists. A native date input is not
 * used: it shows mm/dd/yyyy whenever the computer's language is English.
 */
export function isoDateFrom(text: string): { value: string | undefined } | { error: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { value: undefined }
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed)
  if (dutch) {
    const [, day, month, year] = dutch
    return { value: `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}` }
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return { value: trimmed }
  return { error: 'Vul de datum in als dd-mm-jjjj, bijvoorbeeld 01-03-2027' }
}

/** A typed Dutch date as a local midnight Date, or null while it is incomplete or no real day. */
export function dateFrom(text: string): Date | null {
  const typed = isoDateFrom(text)
  if (!('value' in typed) || !typed.value) return null
  const date = parseISO(typed.value)
  return isValid(date) ? date : null
}

/** A new form's described yes/no fields: all unticked. */
export function yesNoDefaults<K extends string>(
  views: Readonly<Record<K, unknown>>,
): Record<K, boolean> {
  return Object.fromEntries(Object.keys(views).map((field) => [field, false])) as Record<K, boolean>
}

/** The described yes/no fields of a stored record, as the form's checkboxes hold them. */
export function yesNoValuesOf<K extends string>(
  views: Readonly<Record<K, unknown>>,
  record: Readonly<Record<NoInfer<K>, boolean>>,
): Record<K, boolean> {
  return Object.fromEntries(
    Object.keys(views).map((field) => [field, record[field as K]]),
  ) as Record<K, boolean>
}
