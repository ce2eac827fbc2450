import type { Candidate, Offer, Shortlist } from '../../../shared/api'
import { SHORTLIST_STATUS, type RoundStep } from '../../../shared/domain/vocabulary'
import { countOf } from '../format'
import { CandidateCard } from './CandidateCard'
import { formatDay } from '../format'
import { can } from './words'

interface CurrentRoundProps {
  round: Shortlist
  offers: readonly Offer[]
  corporation: string
  busy: boolean
  onPresent: () => void
  onRejectAll: () => void
  onSwap: (candidate: Candidate) => void
  onChoose: (candidate: Candidate) => void
  onReject: (candidate: Candidate) => void
}

function hint(round: Shortlist, offers: readonly Offer[], corporation: string): string {
  if (round.status === 'concept')
    return `Controleer de kandidaten en wissel zo nodig. Draag de voordracht daarna voor aan ${corporation}; daarna ligt hij vast.`
  const declined = offers.find(
    (o) => o.outcome === 'geweigerd' && round.candidates.some((c) => c.clientId === o.clientId),
  )
  if (round.status === 'voorgedragen' && declined)
    return `${declined.code} weigerde de aanbieding. De volgende kandidaat krijgt die niet vanzelf: leg vast wie ${corporation} nu kiest, of per kandidaat “geen match”, of wijs de rest af.`
  if (round.status === 'voorgedragen')
    return `Wacht op ${corporation}: leg de gekozen kandidaat vast, of per kandidaat “geen match”, of wijs de hele voordracht af.`
  return 'De corporatie heeft gekozen. De andere kandidaten blijven reserve: wordt de aanbieding geweigerd, dan bevestigt de corporatie wie de volgende is.'
}

/** The round being worked on, with its candidates and the actions its state allows. */
export function CurrentRound({
  round,
  offers,
  corporation,
  busy,
  onPresent,
  onRejectAll,
  onSwap,
  onChoose,
  onReject,
}: CurrentRoundProps) {
  const allows = (step: RoundStep) => can(round.next, step)
  return (
    <section className="sl-round-current" aria-labelledby="sl-round-title">
      <div className="sl-round-head">
        <div>
          <h3 id="sl-round-title">
            Ronde {round.round} · {SHORTLIST_STATUS.label(round.status)}
          </h3>
          <p className="muted">
            Gekozen uit {countOf(round.eligiblePoolSize, 'kandidaat', 'kandidaten')} in aanmerking
            {round.presentedAt && ` · voorgedragen op ${formatDay(round.presentedAt)}`}
          </p>
        </div>
        <div className="sl-actions">
          {allows('present') && (
            <button
              type="button"
              className="button button-primary"
              onClick={onPresent}
              disabled={busy}
            >
              Voordragen
            </button>
          )}
          {allows('rejectAll') && (
            <button type="button" className="button" onClick={onRejectAll} disabled={busy}>
              Hele voordracht afwijzen…
            </button>
          )}
        </div>
      </div>
      <p className="sl-hint">{hint(round, offers, corporation)}</p>
      <div className="sl-cards">
        {round.candidates.map((candidate) => {
          const open = candidate.decision === 'open'
          return (
            <CandidateCard
              key={candidate.id}
              candidate={candidate}
              round={round}
              offer={offers.find((o) => o.clientId === candidate.clientId)}
              busy={busy}
              onSwap={allows('swap') && open ? () => onSwap(candidate) : undefined}
              onChoose={allows('choose') && open ? () => onChoose(candidate) : undefined}
              onReject={allows('reject') && open ? () => onReject(candidate) : undefined}
            />
          )
        })}
      </div>
    </section>
  )
}
