import type { GenerateSummary } from '../../../shared/api'
import { countOf, formatNumber } from '../format'

interface GenerateSummaryViewProps {
  summary: GenerateSummary
  quarterName: string
  onOpen: (dwellingId: number) => void
  onClose: () => void
}

type ShortDwelling = GenerateSummary['tooFewEligible'][number]

/** Dwellings with fewer candidates than a full list, by address, with how many were eligible. */
function ShortList({
  dwellings,
  intro,
  onOpen,
}: {
  dwellings: ShortDwelling[]
  intro: string
  onOpen: (dwellingId: number) => void
}) {
  if (dwellings.length === 0) return null
  return (
    <>
      <p>{intro}</p>
      <ul className="sl-summary-list">
        {dwellings.map((d) => (
          <li key={d.dwellingId}>
            <button type="button" className="button-link" onClick={() => onOpen(d.dwellingId)}>
              {d.address}
            </button>{' '}
            <span className="muted">
              ({countOf(d.candidates, 'kandidaat', 'kandidaten')}, {formatNumber(d.eligible)} in
              aanmerking)
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}

/** What "Voordrachten maken" did, and which dwellings got fewer candidates than a full list, and why. */
export function GenerateSummaryView({
  summary,
  quarterName,
  onOpen,
  onClose,
}: GenerateSummaryViewProps) {
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
      <ShortList
        dwellings={summary.tooFewEligible}
        onOpen={onOpen}
        intro={`Te weinig in aanmerking: bij ${countOf(summary.tooFewEligible.length, 'woning', 'woningen')} kwamen minder kandidaten in aanmerking dan een voordracht telt.`}
      />
      <ShortList
        dwellings={summary.neededElsewhere}
        onOpen={onOpen}
        intro={`Kandidaten elders nodig: bij ${countOf(summary.neededElsewhere.length, 'woning', 'woningen')} kwamen genoeg kandidaten in aanmerking, maar een deel was nodig voor woningen waar minder kandidaten in aanmerking kwamen.`}
      />
    </div>
  )
}
