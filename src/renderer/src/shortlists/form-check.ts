import type { Checked, SchemaIssue } from '../components/form/field-errors'

/**
 * The workflow inputs nest the form's fields (`rejection.reason`, `decline.text`); the dialogs show
 * them flat. Each issue is put on its last path segment, the field's own name.
 */
export function flatCheck<T>(
  checked: Checked<T>,
  /** Messages that read better than the schema's for an empty choice, e.g. "Kies een reden". */
  first: SchemaIssue[] = [],
): Checked<T> {
  if (checked.success && first.length === 0) return checked
  const issues = checked.success
    ? []
    : checked.error.issues.map((issue) => ({
        path: [issue.path[issue.path.length - 1] ?? ''],
        message: issue.message,
      }))
  return { success: false, error: { issues: [...first, ...issues] } }
}

/** "Kies …" for a select left on its placeholder. */
export function chosen(field: string, value: string, message: string): SchemaIssue[] {
  return value === '' ? [{ path: [field], message }] : []
}
