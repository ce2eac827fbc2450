import { z } from 'zod'

/** Field schemas with Dutch messages, reused by forms, services and the Excel importers. */

/**
 * When a record last changed (its `updated_at`). A form sends back the version it was filled in
 * from, so saving over another officer's change since then is refused instead of overwriting it
 * silently (docs/team-mode.md §4). Imports and the CLI send none: they state the facts anew.
 */
export const VersionSchema = z.string().max(40)

export const IsoDateSchema = z
  .string({ message: 'Vul een datum in' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Datum moet de vorm jjjj-mm-dd hebben' })
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    {
      message: 'Dit is geen bestaande datum',
    },
  )

export const PostcodeSchema = z
  .string({ message: 'Vul een postcode in' })
  .trim()
  .transform((value) => value.toUpperCase().replace(/\s+/g, ''))
  .pipe(
    z.string().regex(/^[1-9]\d{3}[A-Z]{2}$/, { message: 'Postcode moet de vorm 1234 AB hebben' }),
  )
  .transform((value) => `${value.slice(0, 4)} ${value.slice(4)}`)

/**
 * Characters no text field takes: control characters (a tab or line break is allowed only in free
 * text) and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a
 * name or file name show differently from what it is ("…exe.xlsx" read backwards).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/
const LINE_BREAK = /[\t\n\r\u2028\u2029]/
/** Direction marks (LRM, RLM): allowed in text, but not in a path, which must show what it is. */
const DIRECTION_MARK = /[\u200E\u200F]/

/** A one-line value that hides what it says (a folder path): any of the characters above. */
export function hidesCharacters(value: string): boolean {
  return [CONTROL, BIDI_OVERRIDE, LINE_BREAK, DIRECTION_MARK].some((chars) => chars.test(value))
}

/** A bounded string with Dutch messages; `lines: false` for names, addresses and codes. */
const bounded = (label: string, max: number, lines: boolean) => {
  const Label = label.charAt(0).toUpperCase() + label.slice(1)
  return z
    .string({ message: `Vul ${label} in` })
    .trim()
    .max(max, { message: `${Label} is te lang (maximaal ${max} tekens)` })
    .refine((value) => !CONTROL.test(value) && !BIDI_OVERRIDE.test(value), {
      message: `${Label} bevat een teken dat niet is toegestaan (een stuur- of richtingsteken)`,
    })
    .refine((value) => lines || !LINE_BREAK.test(value), {
      message: `${Label} moet op één regel staan`,
    })
}

const required = (schema: z.ZodString, label: string) =>
  schema.min(1, { message: `Vul ${label} in` })

const optional = (schema: z.ZodString) =>
  schema.nullish().transform((value) => (value ? value : null))

/** Free text that may run over several lines: reasons, motivations, notes, remarks. */
export const text = (label: string, max = 120) => required(bounded(label, max, true), label)

export const optionalText = (label: string, max = 500) => optional(bounded(label, max, true))

/** One line: names, addresses, codes, file names. */
export const line = (label: string, max = 120) => required(bounded(label, max, false), label)

export const optionalLine = (label: string, max = 120) => optional(bounded(label, max, false))

export const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label} moet een getal zijn` })
    .int({ message: `${label} moet een geheel getal zijn` })
    .min(min, { message: `${label} moet minstens ${min} zijn` })
    .max(max, { message: `${label} mag hoogstens ${max} zijn` })

export const euros = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label} moet een bedrag zijn` })
    .min(min, { message: `${label} moet minstens € ${min} zijn` })
    .max(max, { message: `${label} mag hoogstens € ${max} zijn` })
    .transform((value) => Math.round(value * 100) / 100)

export const share = (label: string) =>
  z
    .number({ message: `${label} moet een getal zijn` })
    .min(0, { message: `${label} kan niet negatief zijn` })
    .max(1, { message: `${label} is een aandeel tussen 0 en 1 (0 % tot 100 %)` })

export const oneOf = <const K extends string>(
  label: string,
  keys: readonly [K, ...K[]],
  labels: Record<K, string>,
) =>
  z.enum(keys, {
    message: `${label} moet een van deze zijn: ${keys.map((k) => labels[k]).join(', ')}`,
  })

export const IdSchema = z.number({ message: 'Ongeldig nummer' }).int().positive()
