import { isoToDutchDay } from '../../shared/domain/dates'
import type { clients } from '../db/schema'
import {
  COARSE_GROUP,
  FLOW,
  SUPPORT_INTENSITY,
  TARGET_GROUP,
  WIJK,
  type CoarseGroup,
  type ExportDetail,
  type Wijk,
} from '../../shared/domain/vocabulary'

/**
 * The client's own columns a corporation gets to see of a presented candidate (domain.md §5: only
 * what it needs to judge the match for its own dwelling), named here only: the loader selects
 * exactly these. A name, notes, the registration date, preferences and the scores are never even
 * read for an export.
 */
export const EXPORT_CLIENT_COLUMNS = {
  code: true,
  adults: true,
  children: true,
  /** Read only to derive the age band; the year itself is never written. */
  birthYear: true,
  /** Read to derive the coarse group; written as such only at the 'uitgebreid' level. */
  targetGroup: true,
  flow: true,
  supportIntensity: true,
  supportMonths: true,
  /** The begeleider the corporation can call (a professional's work contact). */
  supportContactName: true,
  supportContactPhone: true,
  supportContactEmail: true,
  minRooms: true,
  needsGroundFloorOrLift: true,
  needsWheelchair: true,
  needsLowStimulus: true,
} as const satisfies Partial<Record<keyof typeof clients.$inferSelect, true>>

/** A presented candidate as the export reads it: the dwelling and round, then the client's columns. */
export interface ExportCandidate extends Pick<
  typeof clients.$inferSelect,
  keyof typeof EXPORT_CLIENT_COLUMNS
> {
  dwellingId: number
  address: string
  wijk: Wijk
  rooms: number
  round: number
  /** When the client the corporation chose in this round declined the offer; null otherwise. */
  declinedOn: string | null
  position: number
  /** The registering provider: written only at the 'uitgebreid' level. */
  careProvider: string
  supportProvider: string | null
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
 * compare the file against this list. Few and narrow, so a page of A4 holds them at a readable
 * size: the dwelling is the heading of its block, the candidate and the support are one cell each.
 */
export const SHORTLIST_EXPORT_FIELDS = [
  { key: 'dwellingId', header: 'Woning-ID', width: 9, part: 'woning' },
  { key: 'position', header: 'Nr.', width: 4, part: 'kandidaat' },
  { key: 'code', header: 'Cliëntcode', width: 13, part: 'kandidaat' },
  { key: 'candidate', header: 'Kandidaat', width: 32, part: 'kandidaat' },
  { key: 'support', header: 'Begeleiding en contactpersoon', width: 34, part: 'kandidaat' },
  { key: 'decision', header: 'Besluit', width: 10, part: 'besluit' },
  { key: 'offeredOn', header: 'Datum aanbieding', width: 12, part: 'besluit' },
  { key: 'reason', header: 'Reden geen match', width: 20, part: 'besluit' },
  { key: 'motivation', header: 'Toelichting / motivatie', width: 26, part: 'besluit' },
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

/**
 * The coarse group a corporation sees by default: enough to picture the household and the kind of
 * move, without the diagnosis-like target group (forensische zorg, vrouwenopvang …).
 */
export function coarseGroup(c: ExportCandidate, today: Date): CoarseGroup {
  if (c.flow === 'instroom') return 'instroom'
  if (c.children > 0) return 'gezin'
  const age = today.getUTCFullYear() - c.birthYear
  return c.targetGroup === 'jongvolwassenen' || age < 27 ? 'jongeren' : 'uitstroom'
}

/** "1 volwassene · 25–34 jaar" / "Uitstroom" / "Behoeften: …", one line each. */
function candidateText(c: ExportCandidate, today: Date, detail: ExportDetail): string {
  const group =
    detail === 'uitgebreid'
      ? `${TARGET_GROUP.label(c.targetGroup)} (${FLOW.label(c.flow).toLowerCase()})`
      : COARSE_GROUP.label(coarseGroup(c, today))
  return [
    `${household(c.adults, c.children)} · ${ageBand(c.birthYear, today)} jaar`,
    group,
    `Behoeften: ${needs(c)}`,
  ].join('\n')
}

/** Who supports the tenant, how much and how long, and whom the corporation can call. */
function supportText(c: ExportCandidate, detail: ExportDetail): string {
  const provider = c.supportProvider ?? c.careProvider
  const how = [
    provider,
    // "intensief", not "intensief (> 6 uur per week)": the hours are the provider's business.
    c.supportIntensity
      ? SUPPORT_INTENSITY.label(c.supportIntensity)
          .replace(/\s*\(.*\)$/, '')
          .toLowerCase()
      : null,
    c.supportMonths ? `${c.supportMonths} maanden` : null,
  ].filter(Boolean)
  const lines = [how.join(' · ')]
  if (detail === 'uitgebreid' && c.careProvider !== provider)
    lines.push(`Aangemeld door ${c.careProvider}`)
  const contact = [c.supportContactName, c.supportContactPhone, c.supportContactEmail].filter(
    Boolean,
  )
  lines.push(
    contact.length > 0 ? `Contact: ${contact.join(' · ')}` : 'Contact: via Het Vierde Huis',
  )
  return lines.join('\n')
}

/** One candidate row of the export: exactly the allowlisted fields, the decision cells empty. */
export function exportRow(
  c: ExportCandidate,
  today: Date,
  detail: ExportDetail,
): Record<ExportFieldKey, ExportValue> {
  return {
    dwellingId: c.dwellingId,
    position: c.position,
    code: c.code,
    candidate: candidateText(c, today, detail),
    support: supportText(c, detail),
    decision: null,
    offeredOn: null,
    reason: null,
    motivation: null,
  }
}

/** The heading of a dwelling's block: "Kanaalstraat 1 · West · 2 kamers · ronde 1". */
export function dwellingHeading(c: ExportCandidate): string {
  return `${c.address} · ${WIJK.label(c.wijk)} · ${c.rooms} ${c.rooms === 1 ? 'kamer' : 'kamers'} · ronde ${c.round}`
}
