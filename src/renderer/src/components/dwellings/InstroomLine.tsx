import type { QuarterOverview } from '../../../../shared/api'
import { countOf, formatNumber, formatShare } from '../../format'

/** "Instroom: 2 van 10 toewijzingen (20%) — doel 50%" */
export function InstroomLine({ instroom }: { instroom: QuarterOverview['instroom'] }) {
  const goal =
    instroom.target === null ? 'geen doel vastgelegd' : `doel ${formatShare(instroom.target)}`
  const below =
    instroom.share !== null && instroom.target !== null && instroom.share < instroom.target
  return (
    <p className="overview-note instroom-line">
      <strong>Instroom:</strong>{' '}
      {instroom.allocated === 0
        ? 'nog geen toewijzingen in dit kwartaal'
        : `${formatNumber(instroom.instroom)} van ${countOf(instroom.allocated, 'toewijzing', 'toewijzingen')} (${formatShare(instroom.share)})`}{' '}
      — {goal}
      {below && <span className="below-target"> (onder het doel)</span>}
    </p>
  )
}
