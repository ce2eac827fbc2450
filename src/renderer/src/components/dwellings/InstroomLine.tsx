import type { InstroomSteering, QuarterOverview } from '../../../../shared/api'
import { formatNumber, formatShare } from '../../format'

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
        : `${formatNumber(instroom.instroom)} van ${formatNumber(instroom.allocated)} ${instroom.allocated === 1 ? 'toewijzing' : 'toewijzingen'} (${formatShare(instroom.share)})`}{' '}
      — {goal}
      {below && <span className="below-target"> (onder het doel)</span>}
    </p>
  )
}

/**
 * The year against its target: "Instroom: 12 van 231 nodig dit jaar", what the quarter's open
 * flip-possible dwellings must do to stay on course, and the split into regular and catch-up.
 */
export function InstroomSteeringLine({ steering }: { steering: InstroomSteering | null }) {
  if (!steering) return null
  const { regular, catchUp } = steering
  return (
    <div className="overview-note instroom-steering">
      <p>
        <strong>
          Instroom: {formatNumber(steering.realised)} van {formatNumber(steering.needed)} nodig dit
          jaar
        </strong>
        {steering.stillNeeded === 0
          ? ' — op koers.'
          : steering.openFlipPossible === 0
            ? ` — nog ${formatNumber(steering.stillNeeded)} nodig; dit kwartaal staat geen omklapbare woning meer open.`
            : ` — om op koers te blijven moeten ${formatNumber(steering.reserve)} van de ${formatNumber(steering.openFlipPossible)} open omklapbare woningen van dit kwartaal naar instroom.`}
        {steering.short && steering.openFlipPossible > 0 && (
          <span className="below-target"> Ook dan blijft het jaar achter op het doel.</span>
        )}
      </p>
      <p>
        Taakstelling {steering.year}: {formatNumber(regular.target + catchUp.target)} woningen ={' '}
        {formatNumber(regular.target)} regulier ({formatNumber(regular.realised)} verhuurd) +{' '}
        {formatNumber(catchUp.target)} inhaalslag ({formatNumber(catchUp.realised)} verhuurd).
      </p>
    </div>
  )
}
