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
