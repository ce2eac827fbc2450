import type { SpreadingWarning } from '../../../../shared/api'
import { WIJK } from '../../../../shared/domain/vocabulary'
import { formatNumber, formatShare } from '../../format'

/**
 * "Mitros: 4 van 12 woningen (33%) in Overvecht, norm 12%": a corporation whose submissions lean
 * on a wijk the plan wants spared. A signal for the conversation with the corporation, not a block.
 */
export function SpreadingWarnings({ warnings }: { warnings: readonly SpreadingWarning[] }) {
  if (warnings.length === 0) return null
  return (
    <div className="overview-note overview-warning" role="note" aria-label="Spreiding">
      <strong>Spreiding:</strong> deze inzendingen leunen op een wijk die het plan wil ontzien.
      <ul className="spreading-warnings">
        {warnings.map((w) => (
          <li key={`${w.corporationId}-${w.wijk}`}>
            {w.corporation}: {formatNumber(w.inWijk)} van {formatNumber(w.submitted)} woningen (
            {formatShare(w.inWijk / w.submitted)}) in {WIJK.label(w.wijk)}, norm{' '}
            {formatShare(w.norm)}
          </li>
        ))}
      </ul>
    </div>
  )
}
