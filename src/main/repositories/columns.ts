import type { z } from 'zod'

/**
 * The table columns for a set of field names. The names come from the field definition in
 * src/shared/domain, so a field the drizzle table lacks is a compile error here, not a missing
 * value at run time.
 */
export function columnsFor<C extends Record<string, unknown>, K extends keyof C & string>(
  columns: C,
  fields: Readonly<Record<K, true>>,
): Pick<C, K> {
  const picked = {} as Pick<C, K>
  for (const key of Object.keys(fields) as K[]) picked[key] = columns[key]
  return picked
}

/** Every field of a definition, as a key set for `columnsFor`. */
export function everyField<S extends z.ZodObject>(
  schema: S,
): Record<keyof z.output<S> & string, true> {
  return Object.fromEntries(Object.keys(schema.shape).map((key) => [key, true])) as Record<
    keyof z.output<S> & string,
    true
  >
}

/** A key set without some of its fields. */
export function fieldsExcept<K extends string, X extends K>(
  fields: Record<K, true>,
  except: readonly X[],
): Record<Exclude<K, X>, true> {
  const kept = { ...fields }
  for (const field of except) delete kept[field]
  return kept
}
