import type { ChangeNote } from '../../../shared/change-note'

/** What another desk did, in a few words: "Anna heeft een voordracht gedaan". */
const DONE: Record<string, string> = {
  'shortlist:present': 'een voordracht gedaan',
  'shortlists:presentAll': 'voordrachten gedaan',
  'shortlists:generate': 'voordrachten gemaakt',
  'shortlist:concept': 'een conceptvoordracht gemaakt',
  'shortlist:choose': 'de keuze van een corporatie vastgelegd',
  'shortlist:rejectCandidate': 'een kandidaat afgewezen',
  'shortlist:rejectAll': 'een voordracht afgewezen',
  'shortlist:swap': 'een kandidaat vervangen',
  'offer:accept': 'een aanbieding als geaccepteerd vastgelegd',
  'offer:decline': 'een aanbieding als geweigerd vastgelegd',
  'dwelling:withdraw': 'een woning ingetrokken',
  'dwelling:note': 'een notitie bij een woning gemaakt',
  'quarter:plan': 'een kwartaal ingepland',
  'answers:import': 'antwoorden van corporaties ingelezen',
}

export function describeChange(note: ChangeNote): string {
  const who = note.officer || (note.desk ? `bureau ${note.desk}` : 'een ander bureau')
  const what = (note.action && DONE[note.action]) ?? 'iets gewijzigd'
  return `Bijgewerkt: ${who} heeft ${what}.`
}

function timeOf(iso: string): string {
  const at = new Date(iso)
  return Number.isNaN(at.getTime())
    ? ''
    : at.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' })
}

/** A calm line under the header when another desk changed what this screen shows. */
export function OtherDeskHint({ note }: { note: ChangeNote | undefined }) {
  if (!note) return null
  const time = timeOf(note.at)
  return (
    <p
      role="status"
      className="other-desk-hint"
      title={note.desk ? `Bureau ${note.desk}${time ? `, ${time}` : ''}` : undefined}
    >
      {describeChange(note)}
      {time && <span className="muted"> {time}</span>}
    </p>
  )
}
