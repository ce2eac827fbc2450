import type { z } from 'zod'

/** How a column is shown in the template and read back by the importer. */
export type ColumnKind = 'text' | 'integer' | 'euro' | 'date' | 'yesNo' | 'choice' | 'choiceList'

export interface Vocabulary {
  keys: readonly string[]
  labels: Record<string, string>
}

/**
 * One column of a template: the single place that ties a schema field to its Dutch header, so the
 * writer, the reader and the error messages cannot drift apart.
 */
export interface ColumnSpec<F extends string = string> {
  field: F
  header: string
  kind: ColumnKind
  /** Character width in Excel. */
  width: number
  /** What to fill in, for the Toelichting sheet. */
  help: string
  /** For 'choice' and 'choiceList': the closed list whose Dutch labels the user picks from. */
  vocabulary?: Vocabulary
  /** Whether an empty cell is accepted; derived from the schema, never stated twice. */
  required: boolean
}

export type ColumnDraft<F extends string> = Omit<ColumnSpec<F>, 'required'>

/** Marks the example row in a template; the importer skips rows whose first column starts with it. */
export const EXAMPLE_MARKER = 'VOORBEELD'

/** Completes the drafts with `required`, asking the schema itself whether an empty value passes. */
export function defineColumns<F extends string>(
  schema: z.ZodObject,
  drafts: readonly ColumnDraft<F>[],
): ColumnSpec<F>[] {
  return drafts.map((draft) => {
    const field = schema.shape[draft.field] as z.ZodType | undefined
    if (!field) throw new Error(`Kolom ${draft.header} verwijst naar onbekend veld ${draft.field}`)
    return { ...draft, required: !field.safeParse(undefined).success }
  })
}

/** The header under which a schema field appears, for mapping zod issue paths back to the sheet. */
export function headerOf(columns: readonly ColumnSpec[], field: PropertyKey | undefined): string {
  return columns.find((column) => column.field === field)?.header ?? ''
}

export function normalizeHeader(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ')
}
