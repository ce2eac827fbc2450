import { useId } from 'react'
import type { Candidate, Offer, Shortlist } from '../../../shared/api'
import { FLOW, TARGET_GROUP } from '../../../shared/domain/vocabulary'
import { countOf } from '../format'
import { isOverdue } from '../waiting-time'
import { declineLabel, formatPoints, rejectionLabel } from './words'

interface CandidateCardProps {
  candidate: Candidate
  round: Shortlist
  /** The latest offer to this candidate for this dwelling, if any. */
  offer: Offer | undefined
  busy: boolean
  onSwap?: () => void
  onChoose?: () => void
  onReject?: () => void
}

/** The chosen candidate keeps decision "gekozen" after declining; the offer tells the rest. */
function Decision({
  candidate,
  round,
  offer,
}: Pick<CandidateCardProps, 'candidate' | 'round' | 'offer'>) {
  if (candidate.decision === 'gekozen') {
    if (offer?.outcome === 'geweigerd')
      return <span className="sl-badge sl-badge-rejected">Aanbieding geweigerd</span>
    if (offer?.outcome === 'geaccepteerd')
      return <span className="sl-badge sl-badge-chosen">Aanbieding geaccepteerd</span>
    return (
      <span className="sl-badge sl-badge-chosen">
        {offer ? 'Gekozen, aanbieding loopt' : 'Gekozen'}
      </span>
    )
  }
  if (candidate.decision === 'geen-match')
    return <span className="sl-badge sl-badge-rejected">Geen match</span>
  if (round.status === 'gekozen') return <span className="sl-badge">Reserve</span>
  return null
}

/**
 * One candidate with every reason they are on the list: the facts the corporation judges and the
 * score with each of its parts, always visible (never behind a hover).
 */
export function CandidateCard({
  candidate,
  round,
  offer,
  busy,
  onSwap,
  onChoose,
  onReject,
}: CandidateCardProps) {
  const titleId = useId()
  const overdue = isOverdue(candidate.waitingDays)
  const declined = offer?.outcome === 'geweigerd'
  const closed = candidate.decision === 'geen-match' || declined
  const chosen = candidate.decision === 'gekozen' && !declined
  const hidden = <span className="visually-hidden"> {candidate.code}</span>
  return (
    <article
      className={`sl-card${closed ? ' sl-card-closed' : ''}${chosen ? ' sl-card-chosen' : ''}`}
      aria-labelledby={titleId}
    >
      <header className="sl-card-head">
        <div className="sl-card-title">
          <span className="sl-position">
            <span className="visually-hidden">Plaats </span>
            {candidate.position}
          </span>
          <h4 id={titleId} className="sl-code">
            {candidate.code}
          </h4>
          <Decision candidate={candidate} round={round} offer={offer} />
        </div>
        <p className="sl-total">
          <span className="sl-total-value">{formatPoints(candidate.score)}</span> punten
        </p>
      </header>

      <dl className="sl-facts">
        <div>
          <dt>Zorgaanbieder</dt>
          <dd>{candidate.careProvider}</dd>
        </div>
        <div>
          <dt>Doelgroep</dt>
          <dd>{TARGET_GROUP.label(candidate.targetGroup)}</dd>
        </div>
        <div>
          <dt>In- of uitstroom</dt>
          <dd>{FLOW.label(candidate.flow)}</dd>
        </div>
        <div>
          <dt>Wachttijd</dt>
          <dd>
            <span className={overdue ? 'sl-overdue' : undefined}>
              {countOf(candidate.waitingDays, 'dag', 'dagen')}
            </span>
            {overdue && <span className="visually-hidden"> (langer dan 3 maanden)</span>}
          </dd>
        </div>
      </dl>

      <ul className="sl-parts" aria-label={`Opbouw van de score van ${candidate.code}`}>
        {candidate.parts.map((part) => (
          <li key={part.key} className={part.points === 0 ? 'sl-part sl-part-zero' : 'sl-part'}>
            <span className="sl-part-label">{part.label}</span>
            <span className="sl-part-points">{formatPoints(part.points)}</span>
            <span className="sl-part-why">{part.explanation}</span>
          </li>
        ))}
      </ul>

      {candidate.swapReason && (
        <p className="sl-card-note">
          <strong>Ingewisseld:</strong> {candidate.swapReason}
        </p>
      )}
      {candidate.decision === 'geen-match' && (
        <p className="sl-card-note">
          <strong>{rejectionLabel(candidate.decisionReason)}</strong>
          {candidate.decisionText && <> — {candidate.decisionText}</>}
        </p>
      )}
      {offer?.outcome === 'geweigerd' && offer.declineReason && (
        <p className="sl-card-note">
          <strong>Aanbieding geweigerd:</strong> {declineLabel(offer.declineReason)}
        </p>
      )}

      {(onSwap || onChoose || onReject) && (
        <div className="sl-card-actions">
          {onChoose && (
            <button
              type="button"
              className="button button-small button-primary"
              onClick={onChoose}
              disabled={busy}
            >
              Kiezen…{hidden}
            </button>
          )}
          {onReject && (
            <button
              type="button"
              className="button button-small"
              onClick={onReject}
              disabled={busy}
            >
              Geen match…{hidden}
            </button>
          )}
          {onSwap && (
            <button type="button" className="button button-small" onClick={onSwap} disabled={busy}>
              Wisselen…{hidden}
            </button>
          )}
        </div>
      )}
    </article>
  )
}
