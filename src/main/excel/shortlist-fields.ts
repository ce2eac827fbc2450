import { isoToDutchDay } from '../../shared/domain/dates'
import {
  FLOW,
  SUPPORT_INTENSITY,
  TARGET_GROUP,
  WIJK,
  type Flow,
  type SupportIntensity,
  type TargetGroup,
  type Wijk,
} from '../../shared/domain/vocabulary'

/**
 * What a corporation gets to see of a presented candidate (domain.md §5: only what it needs to
 * judge the match for its own dwelling). The loader selects exactly these columns; a name, notes,
 * the registration date, preferences and the scores are never even read for an export.
 */
export interface ExportCandidate {
  dwellingId: number
  address: string
  wijk: Wijk
  rooms: number
  round: number
  /** When the client the corporation chose in this round declined the offer; null otherwise. */
  declinedOn: string | null
  position: number
  code: string
  adults: number
  children: number
  /** Read only to derive the age band; the year itself is never written. */
  birthYear: number
  targetGroup: TargetGroup
  flow: Flow
  careProvider: string
  supportProvider: string | null
  supportIntensity: SupportIntensity | null
  supportMonths: number | null
  minRooms: number
  needsGroundFloorOrLift: boolean
  needsWheelchair: boolean
  needsLowStimulus: boolean
}

export type ExportValue = string | number | null

export interface ExportField {
  key: string
  header: string
  width: number
  /** 'besluit' columns are the only cells the corporation can fill in. */
  part: 'woning' | 'kandidaat' | 'besluit'
}

/**
 * The allowlist: every column of the shortlist export, in order, defined once. The writer writes
 * these headers and nothing else; the answer reader finds its columns by these headers; the tests
 * compare the file against this list.
 */
export const SHORTLIST_EXPORT_FIELDS = [
  { key: 'dwellingId', header: 'Woning-ID', width: 10, part: 'woning' },
  { key: 'address', header: 'Adres', width: 28, part: 'woning' },
  { key: 'wijk', header: 'Wijk', width: 14, part: 'woning' },
  { key: 'rooms', header: 'Kamers', width: 8, part: 'woning' },
  { key: 'round', header: 'Ronde', width: 7, part: 'woning' },
  { key: 'position', header: 'Nr.', width: 5, part: 'kandidaat' },
  { key: 'code', header: 'Cliëntcode', width: 13, part: 'kandidaat' },
  { key: 'household', header: 'Huishouden', width: 22, part: 'kandidaat' },
  { key: 'ageBand', header: 'Leeftijd', width: 10, part: 'kandidaat' },
  { key: 'targetGroup', header: 'Doelgroep', width: 22, part: 'kandidaat' },
  { key: 'flow', header: 'In-/uitstroom', width: 12, part: 'kandidaat' },
  { key: 'careProvider', header: 'Zorgaanbieder', width: 20, part: 'kandidaat' },
  { key: 'supportProvider', header: 'Begeleiding door', width: 20, part: 'kandidaat' },
  { key: 'supportIntensity', header: 'Intensiteit begeleiding', width: 24, part: 'kandidaat' },
  { key: 'supportMonths', header: 'Begeleiding (maanden)', width: 12, part: 'kandidaat' },
  { key: 'needs', header: 'Behoeften', width: 28, part: 'kandidaat' },
  { key: 'afterDecline', header: 'Na weigering', width: 36, part: 'woning' },
  { key: 'decision', header: 'Besluit', width: 13, part: 'besluit' },
  { key: 'offeredOn', header: 'Datum aanbieding', width: 14, part: 'besluit' },
  { key: 'reason', header: 'Reden geen match', width: 32, part: 'besluit' },
  { key: 'motivation', header: 'Toelichting / motivatie', width: 40, part: 'besluit' },
] as const satisfies readonly ExportField[]

export type ExportFieldKey = (typeof SHORTLIST_EXPORT_FIELDS)[number]['key']

/** The two answers a corporation can give per candidate (the Besluit dropdown). */
export const DECISION_LABELS = { match: 'Match', noMatch: 'Geen match' } as const

export function headerOf(key: ExportFieldKey): string {
  return SHORTLIST_EXPORT_FIELDS.find((f) => f.key === key)!.header
}

/** "1 volwassene, 2 kinderen". */
export function household(adults: number, children: number): string {
  const grown = `${adults} ${adults === 1 ? 'volwassene' : 'volwassenen'}`
  if (children === 0) return grown
  return `${grown}, ${children} ${children === 1 ? 'kind' : 'kinderen'}`
}

/**
 * A ten-year band instead of the birth year, which with a client code could identify someone.
 * The age is this year minus the birth year: the birthday itself is not registered.
 */
export function ageBand(birthYear: number, today: Date): string {
  const age = today.getUTCFullYear() - birthYear
  if (age < 18) return '< 18'
  if (age < 25) return '18–24'
  if (age >= 65) return '65+'
  const from = Math.floor((age - 5) / 10) * 10 + 5
  return `${from}–${from + 9}`
}

export function needs(c: ExportCandidate): string {
  const list = [
    c.minRooms > 1 ? `minstens ${c.minRooms} kamers` : null,
    c.needsGroundFloorOrLift ? 'begane grond of lift' : null,
    c.needsWheelchair ? 'rolstoelwoning' : null,
    c.needsLowStimulus ? 'prikkelarme omgeving' : null,
  ].filter((need): need is string => need !== null)
  return list.length === 0 ? 'geen bijzondere' : list.join(', ')
}

/**
 * After a decline the next candidate is the corporation's choice, never automatic (Bijlage 5):
 * the reopened round says so, without naming the client who declined.
 */
export function afterDecline(declinedOn: string | null): string | null {
  if (declinedOn === null) return null
  return `De gekozen kandidaat weigerde de aanbieding op ${isoToDutchDay(declinedOn)}. Bevestig met ${DECISION_LABELS.match} wie de aanbieding nu krijgt, of zet ${DECISION_LABELS.noMatch}.`
}

/** One row of the export: exactly the allowlisted fields, the decision cells left empty. */
export function exportRow(c: ExportCandidate, today: Date): Record<ExportFieldKey, ExportValue> {
  return {
    dwellingId: c.dwellingId,
    address: c.address,
    wijk: WIJK.label(c.wijk),
    rooms: c.rooms,
    round: c.round,
    afterDecline: afterDecline(c.declinedOn),
    position: c.position,
    code: c.code,
    household: household(c.adults, c.children),
    ageBand: ageBand(c.birthYear, today),
    targetGroup: TARGET_GROUP.label(c.targetGroup),
    flow: FLOW.label(c.flow),
    careProvider: c.careProvider,
    supportProvider: c.supportProvider ?? c.careProvider,
    supportIntensity: c.supportIntensity ? SUPPORT_INTENSITY.label(c.supportIntensity) : null,
    supportMonths: c.supportMonths,
    needs: needs(c),
    decision: null,
    offeredOn: null,
    reason: null,
    motivation: null,
  }
}
