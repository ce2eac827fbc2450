import { formatNumber } from '../format'
import { STAGES, type Stage } from './words'

interface StageFilterProps {
  counts: Record<Stage, number> | undefined
  total: number | undefined
  value: Stage | undefined
  onChange: (stage: Stage | undefined) => void
}

/** Counts per stage that double as a filter: one press shows only those dwellings, again shows all. */
export function StageFilter({ counts, total, value, onChange }: StageFilterProps) {
  return (
    <div className="sl-stages" role="group" aria-label="Woningen per stand; kies om te filteren">
      <button
        type="button"
        className="sl-stage"
        aria-pressed={value === undefined}
        onClick={() => onChange(undefined)}
      >
        <span className="sl-stage-label">Alle</span>
        <span className="sl-stage-count">{total === undefined ? '…' : formatNumber(total)}</span>
      </button>
      {STAGES.map((stage) => (
        <button
          key={stage.key}
          type="button"
          className={`sl-stage sl-stage-${stage.key}`}
          aria-pressed={value === stage.key}
          onClick={() => onChange(value === stage.key ? undefined : stage.key)}
        >
          <span className="sl-stage-label">{stage.label}</span>
          <span className="sl-stage-count">{counts ? formatNumber(counts[stage.key]) : '…'}</span>
        </button>
      ))}
    </div>
  )
}
