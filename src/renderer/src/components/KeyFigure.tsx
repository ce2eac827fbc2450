import type { ReactNode } from 'react'
import { formatNumber } from '../format'

interface KeyFigureProps {
  label: string
  value: number | undefined
  /** One short line of context under the number. */
  note?: ReactNode
  href?: string
}

/** A number the officer checks every morning. Links to the page that lists what it counts. */
export function KeyFigure({ label, value, note, href }: KeyFigureProps) {
  const shown = value === undefined ? '…' : formatNumber(value)
  const number = <span className="figure-value">{shown}</span>
  return (
    <div className="figure">
      <span className="figure-label">{label}</span>
      {href ? (
        // A bare number is a poor link name for a screen reader: say what it counts.
        <a href={href} className="figure-link" aria-label={`${label}: ${shown}`}>
          {number}
        </a>
      ) : (
        number
      )}
      {note && <span className="figure-note">{note}</span>}
    </div>
  )
}
