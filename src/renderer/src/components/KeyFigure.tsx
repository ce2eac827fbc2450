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
  const number = <span className="figure-value">{value === undefined ? '…' : formatNumber(value)}</span>
  return (
    <div className="figure">
      <span className="figure-label">{label}</span>
      {href ? (
        <a href={href} className="figure-link">
          {number}
        </a>
      ) : (
        number
      )}
      {note && <span className="figure-note">{note}</span>}
    </div>
  )
}
