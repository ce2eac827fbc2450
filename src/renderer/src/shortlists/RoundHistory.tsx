import type { Offer, Shortlist } from '../../../shared/api'
import { SHORTLIST_STATUS, TARGET_GROUP } from '../../../shared/domain/vocabulary'
import { countOf } from '../format'
import { formatDay } from '../format'
import { declineLabel, formatPoints, rejectionLabel } from './words'

function decisionText(
  candidate: Shortlist['candidates'][number],
  round: Shortlist,
  offers: readonly Offer[],
): string {
  if (candidate.decision === 'gekozen') {
    const offer = offers.find((o) => o.clientId === candidate.clientId)
    if (offer?.outcome === 'geweigerd') return 'Gekozen, aanbieding geweigerd'
    if (offer?.outcome === 'geaccepteerd') return 'Gekozen, aanbieding geaccepteerd'
    return 'Gekozen'
  }
  if (candidate.decision === 'geen-match') return 'Geen match'
  if (round.status === 'gekozen') return 'Reserve'
  return round.status === 'vervallen' ? 'Vervallen' : 'Niet beoordeeld'
}

function reasonText(candidate: Shortlist['candidates'][number], offers: readonly Offer[]): string {
  if (candidate.decision === 'geen-match')
    return [rejectionLabel(candidate.decisionReason), candidate.decisionText]
      .filter(Boolean)
      .join(' — ')
  const offer = offers.find((o) => o.clientId === candidate.clientId && o.outcome === 'geweigerd')
  return offer ? declineLabel(offer.declineReason) : ''
}

/** Closed rounds, newest first, folded: what was presented, what the corporation decided and why. */
export function RoundHistory({
  rounds,
  offers,
}: {
  rounds: Shortlist[]
  offers: readonly Offer[]
}) {
  if (rounds.length === 0) return null
  return (
    <section className="sl-panel" aria-labelledby="sl-history-title">
      <h3 id="sl-history-title">Eerdere rondes</h3>
      {rounds.map((round) => (
        <details key={round.id} className="sl-round">
          <summary>
            <span className="sl-round-name">Ronde {round.round}</span>{' '}
            <span className="muted">
              {SHORTLIST_STATUS.label(round.status)}
              {round.presentedAt && ` · voorgedragen ${formatDay(round.presentedAt)}`}
              {round.decidedAt && ` · besloten ${formatDay(round.decidedAt)}`} ·{' '}
              {countOf(round.candidates.length, 'kandidaat', 'kandidaten')}
            </span>
          </summary>
          {round.rejectionMotivation && (
            <p className="sl-motivation">
              <strong>Motivatie van de corporatie:</strong> {round.rejectionMotivation}
            </p>
          )}
          <table className="sl-table">
            <caption className="visually-hidden">Kandidaten van ronde {round.round}</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Zorgaanbieder</th>
                <th scope="col">Doelgroep</th>
                <th scope="col" className="numeric">
                  Score
                </th>
                <th scope="col">Besluit</th>
                <th scope="col">Reden</th>
              </tr>
            </thead>
            <tbody>
              {round.candidates.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="sl-code">
                    {c.code}
                  </th>
                  <td>{c.careProvider}</td>
                  <td>{TARGET_GROUP.label(c.targetGroup)}</td>
                  <td className="numeric">{formatPoints(c.score)}</td>
                  <td>{decisionText(c, round, offers)}</td>
                  <td>{reasonText(c, offers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  )
}
