import { countOf, formatNumber } from '../format'

/** The quick filter above a grid: searches every column for what the officer types. */
export function SearchBox({
  value,
  onChange,
  label,
}: {
  value: string
  onChange: (v: string) => void
  label: string
}) {
  return (
    <input
      type="search"
      className="search"
      placeholder="Zoeken…"
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}

interface RowCountProps {
  /** Rows left after filters and search. */
  shown: number
  /** All rows loaded; undefined while loading. */
  total: number | undefined
  singular: string
  plural: string
}

/** "96 woningen", or "12 van 96 woningen" while a filter is active. */
export function RowCount({ shown, total, singular, plural }: RowCountProps) {
  if (total === undefined) return <span className="row-count" />
  const text =
    shown === total
      ? countOf(total, singular, plural)
      : `${formatNumber(shown)} van ${countOf(total, singular, plural)}`
  return (
    <span className="row-count" aria-live="polite">
      {text}
    </span>
  )
}
