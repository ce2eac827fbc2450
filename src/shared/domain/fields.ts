import { z } from 'zod'

/** Field schemas with Dutch messages, reused by forms, services and the Excel importers. */

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

export const text = (label: string, max = 120) =>
  z
    .string({ message: `Vul ${label} in` })
    .trim()
    .min(1, { message: `Vul ${label} in` })
    .max(max, { message: `${label} is te lang (maximaal ${max} tekens)` })

export const optionalText = (label: string, max = 500) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} is te lang (maximaal ${max} tekens)` })
    .nullish()
    .transform((value) => (value ? value : null))

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
