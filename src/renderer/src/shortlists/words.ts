import type { BoardRow, Candidate, DwellingMatching, Shortlist } from '../../../shared/api'
import {
  DECLINE_REASON,
  REJECTION_REASON,
  type DeclineReason,
  type RejectionReason,
} from '../../../shared/domain/vocabulary'
import { countOf } from '../format'

/**
 * Where a dwelling stands in the work, as the officer thinks of it: "in voordracht" splits into a
 * concept to review and a shortlist waiting for the corporation.
 */
export const STAGES = [
  { key: 'ingediend', label: 'Ingediend' },
  { key: 'concept', label: 'Concept' },
  { key: 'voorgedragen', label: 'Voorgedragen' },
  { key: 'aangeboden', label: 'Aangeboden' },
  { key: 'verhuurd', label: 'Verhuurd' },
  { key: 'ingetrokken', label: 'Ingetrokken' },
] as const
export type Stage = (typeof STAGES)[number]['key']

export function stageOf(row: Pick<BoardRow, 'status' | 'shortlistStatus'>): Stage {
  if (row.status === 'in-voordracht')
    return row.shortlistStatus === 'voorgedragen' ? 'voorgedragen' : 'concept'
  return row.status
}

const pointsFormat = new Intl.NumberFormat('nl-NL', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})

/** Whether the workflow rules allow this step now: they come with the dwelling's matching state. */
export function can<K extends string>(
  steps: readonly { key: K; allowed: boolean }[],
  key: NoInfer<K>,
): boolean {
  return steps.some((step) => step.key === key && step.allowed)
}

/** Score points always with two decimals, so a column of them lines up: "2,60". */
export function formatPoints(points: number): string {
  return pointsFormat.format(points)
}

/** Today as yyyy-mm-dd in local time (toISOString would give yesterday just after midnight). */
export function todayIso(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The corporation's reason for "geen match"; 'ingetrokken' is set when a provider withdrew the client. */
export function rejectionLabel(reason: string | null): string {
  if (!reason) return ''
  if (reason === 'ingetrokken') return 'Kandidaat ingetrokken of in de wacht gezet'
  return shortReason(REJECTION_REASON.labels[reason as RejectionReason] ?? reason)
}

/** Offers store the decline as "reason" or "reason: text"; show the label and the text. */
export function declineLabel(stored: string | null): string {
  if (!stored) return ''
  const [key = '', ...rest] = stored.split(': ')
  const label = DECLINE_REASON.labels[key as DeclineReason]
  if (!label) return stored
  const text = rest.join(': ')
  return text ? `${shortReason(label)} — ${text}` : shortReason(label)
}

/** A reason list's labels without the "(toelichting verplicht)" note, once a reason has been chosen. */
export function shortReason(label: string): string {
  return label.replace(/ \(toelichting verplicht\)$/, '')
}

/**
 * The round being worked on: concept, presented, or chosen while its offer runs. Null when none is
 * open, also once the dwelling is let or withdrawn (the chosen round then joins the history).
 */
export function activeRound(matching: DwellingMatching): Shortlist | null {
  const latest = matching.rounds[0]
  if (!latest || matching.status === 'verhuurd' || matching.status === 'ingetrokken') return null
  return latest.status === 'concept' ||
    latest.status === 'voorgedragen' ||
    latest.status === 'gekozen'
    ? latest
    : null
}

export function openCandidates(round: Shortlist): Candidate[] {
  return round.candidates.filter((c) => c.decision === 'open')
}

/**
 * What happened to the dwelling after a step that may start a new round or pass the offer on:
 * one sentence for the status message.
 */
export function afterStep(before: DwellingMatching | undefined, after: DwellingMatching): string {
  const openOffer = after.offers.find((o) => o.outcome === 'open')
  const previousOffer = before?.offers.find((o) => o.outcome === 'open')
  if (openOffer && openOffer.id !== previousOffer?.id)
    return `De eenmalige aanbieding gaat nu naar ${openOffer.code}.`
  const latest = after.rounds[0]
  if (latest?.status === 'voorgedragen' && before?.rounds[0]?.status === 'gekozen')
    return `Ronde ${latest.round} gaat terug naar de corporatie: die bevestigt wie de aanbieding nu krijgt.`
  const previousRound = before?.rounds[0]?.round ?? 0
  if (latest && latest.round > previousRound && latest.status === 'concept')
    return `Ronde ${latest.round} staat klaar als concept met ${countOf(latest.candidates.length, 'nieuwe kandidaat', 'nieuwe kandidaten')}.`
  if (latest && latest.status === 'afgewezen')
    return 'Er komt nu niemand anders in aanmerking; de woning wacht op nieuwe aanmeldingen.'
  return ''
}
