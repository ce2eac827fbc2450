/**
 * How the screens show a plain yes/no field of a definition: the label of its checkbox in the
 * form and how the officers' grid shows it, as a column of its own or as a word in a list column
 * (the client's needs). A field described here needs no code in the form, the grid or the form's
 * values: they are built from these descriptions, in their order.
 */
export interface YesNoView {
  /** The checkbox's label in the form (its accessible name). */
  label: string
  /** A grid column of its own; the tooltip says what a short header means. */
  column?: { header: string; tooltip?: string }
  /** The word the grid's list column shows when the answer is yes. */
  listed?: string
}

/** Descriptions for some yes/no fields of a definition F. */
export type YesNoViews<F> = Partial<Record<BooleanField<F>, YesNoView>>

/** The fields of F that are a plain yes or no. */
export type BooleanField<F> = {
  [K in keyof F]-?: NonNullable<F[K]> extends boolean ? K : never
}[keyof F] &
  string

type ShownInGrid<V> = {
  [K in keyof V]: V[K] extends { column: object } | { listed: string } ? K : never
}[keyof V]

/** The described fields the grid shows (a column or a word in a list): the grid row carries them. */
export function shownInGrid<V extends Record<string, YesNoView>>(
  views: V,
): Record<ShownInGrid<V>, true> {
  const fields = Object.keys(views).filter((field) => views[field]!.column || views[field]!.listed)
  return Object.fromEntries(fields.map((field) => [field, true])) as Record<ShownInGrid<V>, true>
}
