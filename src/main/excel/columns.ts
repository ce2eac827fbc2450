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
  /** For number columns: the schema's own bounds, to tell the user in the Toelichting. */
  min?: number
  max?: number
  /**
   * The template version that first had this column. A filled-in template of an older version
   * lacks it, and is read as if the column were empty: templates already sent stay valid.
   */
  since: number
}

export type ColumnDraft = Omit<ColumnSpec, 'field' | 'required' | 'min' | 'max' | 'since'> & {
  /** For a column added after the first template: the version it came with. */
  since?: number
}

/** The version of the first templates, and of a filled-in template that does not say its own. */
export const FIRST_TEMPLATE_VERSION = 1

/** A template's version is that of its newest column: adding a column with `since` raises it. */
export function templateVersionOf(columns: readonly ColumnSpec[]): number {
  return Math.max(FIRST_TEMPLATE_VERSION, ...columns.map((column) => column.since))
}

/** Marks the example row in a template; the importer skips rows whose first column starts with it. */
export const EXAMPLE_MARKER = 'VOORBEELD'

/**
 * Completes the drafts with `required`, asking the schema itself whether an empty value passes.
 * The drafts are keyed by field, in column order: a field without a column is a compile error.
 */
export function defineColumns<F extends string>(
  schema: z.ZodObject,
  drafts: Record<F, ColumnDraft>,
): ColumnSpec<F>[] {
  return (Object.entries(drafts) as [F, ColumnDraft][]).map(([name, draft]) => {
    const field = schema.shape[name] as z.ZodType | undefined
    if (!field) throw new Error(`Kolom ${draft.header} verwijst naar onbekend veld ${name}`)
    const required = !field.safeParse(undefined).success
    const since = draft.since ?? FIRST_TEMPLATE_VERSION
    // Older templates lack a newer column, so its field must have a value for "not there".
    if (required && since > FIRST_TEMPLATE_VERSION) {
      throw new Error(`Kolom ${draft.header} is nieuwer dan het eerste sjabloon en moet leeg mogen`)
    }
    return { field: name, ...draft, required, ...numberBounds(field), since }
  })
}

interface Inspectable {
  def: { type: string; innerType?: Inspectable; in?: Inspectable }
  minValue?: number | null
  maxValue?: number | null
}

/** A bound someone wrote down; `.int()` alone implies the safe-integer limits, which say nothing to a user. */
function stated(bound: number | null | undefined): number | undefined {
  return bound != null && Math.abs(bound) < Number.MAX_SAFE_INTEGER ? bound : undefined
}

/** Looks through optional, default and transform wrappers for the number check and its bounds. */
function numberBounds(field: z.ZodType): { min?: number; max?: number } {
  let schema = field as unknown as Inspectable
  for (;;) {
    const { type, innerType, in: input } = schema.def
    if (innerType) schema = innerType
    else if (type === 'pipe' && input) schema = input
    else if (type === 'number')
      return { min: stated(schema.minValue), max: stated(schema.maxValue) }
    else return {}
  }
}

/**
 * The fields a filled-in template of this version has no column for. On import they say nothing:
 * a new record gets the field's default, an existing one keeps what it has.
 */
export function fieldsNewerThan<F extends string>(
  columns: readonly ColumnSpec<F>[],
  templateVersion: number,
): F[] {
  return columns.filter((column) => column.since > templateVersion).map((column) => column.field)
}

/** The header under which a schema field appears, for mapping zod issue paths back to the sheet. */
export function headerOf(columns: readonly ColumnSpec[], field: PropertyKey | undefined): string {
  return columns.find((column) => column.field === field)?.header ?? ''
}

export function normalizeHeader(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ')
}
