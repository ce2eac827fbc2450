import type { Offer } from '../../../shared/api'
import { OFFER_OUTCOME } from '../../../shared/domain/vocabulary'
import { formatDate } from '../format'
import { can, declineLabel } from './words'

interface OfferPanelProps {
  offers: readonly Offer[]
  busy: boolean
  onAccept: (offer: Offer) => void
  onDecline: (offer: Offer) => void
}

/** The one-time offer: the open one with its two outcomes, and earlier ones with theirs. */
export function OfferPanel({ offers, busy, onAccept, onDecline }: OfferPanelProps) {
  if (offers.length === 0) return null
  const open = offers.find((o) => o.outcome === 'open')
  const closed = offers.filter((o) => o.outcome !== 'open')
  return (
    <section className="sl-offer" aria-labelledby="sl-offer-title">
      <h3 id="sl-offer-title">Eenmalige aanbieding</h3>
      {open && (
        <div className="sl-offer-open">
          <p>
            <strong className="sl-code">{open.code}</strong> heeft sinds{' '}
            {formatDate(open.offeredOn)} een eenmalige aanbieding voor deze woning. Leg de reactie
            vast zodra die bekend is.
          </p>
          <div className="sl-actions">
            {can(open.next, 'accept') && (
              <button
                type="button"
                className="button button-primary"
                onClick={() => onAccept(open)}
                disabled={busy}
              >
                Aanbieding geaccepteerd…
              </button>
            )}
            {can(open.next, 'decline') && (
              <button
                type="button"
                className="button"
                onClick={() => onDecline(open)}
                disabled={busy}
              >
                Aanbieding geweigerd…
              </button>
            )}
          </div>
        </div>
      )}
      {closed.length > 0 && (
        <ul className="sl-offer-list">
          {closed.map((offer) => (
            <li key={offer.id}>
              <span className="sl-code">{offer.code}</span>: aangeboden op{' '}
              {formatDate(offer.offeredOn)}, {OFFER_OUTCOME.label(offer.outcome).toLowerCase()}
              {offer.respondedOn && ` op ${formatDate(offer.respondedOn)}`}
              {offer.declineReason && ` (${declineLabel(offer.declineReason)})`}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
