import './figures.css'
import type { Kpi } from './kpis'

interface KpiTilesProps {
  kpis: readonly Kpi[]
  /** Accessible name of the list, e.g. "Kerncijfers 3e kwartaal 2026". */
  label: string
  /** Where each figure leads (the list behind it); without it the tiles are plain text (print). */
  hrefOf?: (kpi: Kpi) => string | undefined
}

/**
 * Key figures as a description list: label, value, one line of context. Read by screen readers
 * as "term, definition"; on paper a row of boxed numbers.
 */
export function KpiTiles({ kpis, label, hrefOf }: KpiTilesProps) {
  return (
    <dl className="kpis" aria-label={label}>
      {kpis.map((kpi) => {
        const href = hrefOf?.(kpi)
        return (
          <div key={kpi.key} className="kpi" data-kpi={kpi.key}>
            <dt className="kpi-label">{kpi.label}</dt>
            <dd className="kpi-value">
              {href ? (
                <a href={href} className="kpi-link" aria-label={`${kpi.label}: ${kpi.value}`}>
                  {kpi.value}
                </a>
              ) : (
                kpi.value
              )}
            </dd>
            <dd className="kpi-note">{kpi.note}</dd>
          </div>
        )
      })}
    </dl>
  )
}
