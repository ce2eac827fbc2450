import type { ApiIssue } from '../../../../shared/api'

/** One Dutch message per form field, keyed by the schema's field name. */
export type FieldErrors = Partial<Record<string, string>>

export interface SchemaIssue {
  path: readonly PropertyKey[]
  message: string
}

/** What `schema.safeParse` answers, as far as a form needs it. */
export type Checked<T> =
  { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } }

function keep(errors: FieldErrors, field: string, message: string): void {
  // The first message for a field is the one to fix first; later ones often follow from it.
  if (errors[field] === undefined) errors[field] = message
}

/** Zod's issues from the form's own check: the first path segment is the field. */
export function errorsFromIssues(issues: readonly SchemaIssue[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) keep(errors, String(issue.path[0] ?? ''), issue.message)
  return errors
}

/**
 * The server's issues carry the path within the whole request ("client.postcode" for clients:save);
 * `prefix` is the part before the form's own fields.
 */
export function errorsFromApi(issues: readonly ApiIssue[], prefix?: string): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const parts = issue.path === '' ? [] : issue.path.split('.')
    if (prefix && parts[0] === prefix) parts.shift()
    keep(errors, parts[0] ?? '', issue.message)
  }
  return errors
}

/**
 * Adds what the form found before the schema (e.g. a date it could not read) to the schema's
 * answer; for those fields the form's own message replaces the schema's.
 */
export function withIssues<T>(checked: Checked<T>, found: readonly SchemaIssue[]): Checked<T> {
  if (found.length === 0) return checked
  const fields = new Set(found.map((issue) => issue.path[0]))
  const others = checked.success
    ? []
    : checked.error.issues.filter((issue) => !fields.has(issue.path[0]))
  return { success: false, error: { issues: [...found, ...others] } }
}

/** The date fields' values for the schema, and an issue for each one that could not be read. */
export function readDates<F extends string>(
  texts: Record<F, string>,
  read: (text: string) => { value: string | undefined } | { error: string },
): { values: Record<F, string | undefined>; issues: SchemaIssue[] } {
  const values = {} as Record<F, string | undefined>
  const issues: SchemaIssue[] = []
  for (const field of Object.keys(texts) as F[]) {
    const result = read(texts[field])
    if ('error' in result) issues.push({ path: [field], message: result.error })
    values[field] = 'error' in result ? undefined : result.value
  }
  return { values, issues }
}

/**
 * For a select left on its placeholder, "Kies een wijk" says more than the schema's list of every
 * allowed value (which is written for the Excel import, where any text can be typed).
 */
export function unchosen<F extends string>(
  values: Record<F, unknown>,
  messages: Partial<Record<F, string>>,
): SchemaIssue[] {
  return (Object.keys(messages) as F[])
    .filter((field) => values[field] === '')
    .map((field) => ({ path: [field], message: messages[field] ?? '' }))
}
