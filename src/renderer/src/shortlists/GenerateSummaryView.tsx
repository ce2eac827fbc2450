import type { GenerateSummary } from '../../../shared/api'
import { countOf, formatNumber } from '../format'

interface GenerateSummaryViewProps {
  summary: GenerateSummary
  quarterName: string
  onOpen: (dwellingId: number) => void
  onClose: () => void
}

/** What "Voordrachten maken" did, and which dwellings got too few candidates (by address). */
export function GenerateSummaryView({
  summary,
  quarterName,
  onOpen,
  onClose,
}: GenerateSummaryViewProps) {
  const short = summary.tooFewEligible
  return (
    <div className="sl-summary" role="status">
      <div className="sl-summary-head">
        <p>
          <strong>
            {summary.shortlistsMade === 0
              ? 'Geen nieuwe voordrachten gemaakt'
              : `${countOf(summary.shortlistsMade, 'conceptvoordracht', 'conceptvoordrachten')} gemaakt`}
          </strong>{' '}
          voor {countOf(summary.dwellings, 'open woning', 'open woningen')} in {quarterName}.
          {summary.dwellings === 0 &&
            ' Alle woningen van dit kwartaal hebben al een voordracht of zijn afgehandeld.'}
        </p>
        <button type="button" className="button button-small" onClick={onClose}>
          Sluiten
        </button>
      </div>
      {short.length > 0 && (
        <>
          <p>
            Te weinig vrije kandidaten voor een volledige voordracht bij{' '}
            {countOf(short.length, 'woning', 'woningen')}. Tussen haakjes staat hoeveel kandidaten
            in aanmerking kwamen voordat andere woningen van dit kwartaal hun kandidaten kregen.
          </p>
          <ul className="sl-summary-list">
            {short.map((d) => (
              <li key={d.dwellingId}>
                <button type="button" className="button-link" onClick={() => onOpen(d.dwellingId)}>
                  {d.address}
                </button>{' '}
                <span className="muted">({formatNumber(d.eligible)} in aanmerking)</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
