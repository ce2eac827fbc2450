import { desc, eq } from 'drizzle-orm'
import type { AnswerLine } from '../../shared/api/exports'
import { api } from '../../shared/api'
import {
  SHORTLIST_STATUS,
  type RejectionReason,
  type ShortlistStatus,
} from '../../shared/domain/vocabulary'
import type { DbOrTx } from '../db/connection'
import { clients, dwellings, shortlistCandidates, shortlists } from '../db/schema'
import type { AnswerFileMeta, AnswerRow } from '../excel/answer-reader'
import { DECISION_LABELS } from '../excel/shortlist-fields'
import { offerDateProblem } from '../domain/offer-rules'
import { localIsoDate } from '../../shared/domain/dates'

type Rejection = { reason: RejectionReason; text: string | null }

/** One call to the workflow service, exactly as the Voordrachten screen would make it. */
export type AnswerStep =
  | { kind: 'choose'; clientId: number; code: string; offeredOn: string }
  | { kind: 'reject'; clientId: number; code: string; rejection: Rejection }
  | { kind: 'rejectAll'; rejection: Rejection; motivation: string }

/** A dwelling's answer judged against the store: either steps to apply, or a line to report. */
export type DwellingPlan =
  | { apply: true; dwellingId: number; shortlistId: number; line: AnswerLine; steps: AnswerStep[] }
  | { apply: false; line: AnswerLine }

const decided = (row: AnswerRow) =>
  row.decision !== null || row.reason !== null || row.motivation !== null || row.offeredOn !== null

/** Turns the contract's zod issues into one Dutch sentence for the report. */
function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues[0]?.message ?? 'Ongeldig antwoord'
}

/**
 * Why an answer comes too late, in the words of the current state: the round sent was decided
 * already ("Over ronde 1 is al besloten: kandidaat gekozen"), or a later round took its place
 * ("nu staat ronde 2 klaar als concept").
 */
function outdatedBecause(
  sentRound: number,
  sentStatus: ShortlistStatus,
  current: { round: number; status: ShortlistStatus },
): string {
  if (current.round === sentRound)
    return `Over ronde ${sentRound} is al besloten: ${SHORTLIST_STATUS.label(sentStatus).toLowerCase()}`
  const now =
    current.status === 'concept'
      ? `nu staat ronde ${current.round} klaar als concept`
      : `nu is ronde ${current.round} ${SHORTLIST_STATUS.label(current.status).toLowerCase()}`
  return `Ronde ${sentRound} is niet meer actueel (${now})`
}

/**
 * Judges one dwelling's rows. Unknown and outdated answers are reported, never applied; any doubt
 * about what the corporation meant (two matches, a reason without a decision) is an error for this
 * dwelling only. Rejections are checked with the same contract schemas the UI's calls pass.
 */
export function planDwelling(
  db: DbOrTx,
  meta: AnswerFileMeta,
  key: number | string | null,
  rows: AnswerRow[],
  today: string,
): DwellingPlan {
  const sent = typeof key === 'number' ? meta.rounds.get(key) : undefined
  const dwelling =
    typeof key === 'number'
      ? db.select().from(dwellings).where(eq(dwellings.id, key)).get()
      : undefined
  // Files in the block layout carry no address column: the report names the dwelling itself.
  const known = dwelling && dwelling.corporationId === meta.corporationId ? dwelling : undefined
  const address = rows.find((r) => r.address)?.address ?? known?.address ?? ''
  const base = {
    dwellingId: typeof key === 'number' ? key : null,
    address,
    round: null,
    actions: [],
  }
  const report = (outcome: AnswerLine['outcome'], message: string, round: number | null = null) =>
    ({ apply: false, line: { ...base, round, outcome, message } }) as const
  if (!sent || !dwelling || dwelling.corporationId !== meta.corporationId) {
    return report('unknown-dwelling', `Woning-ID ${key ?? '(leeg)'} hoort niet bij deze voordracht`)
  }
  const shortlist = db.select().from(shortlists).where(eq(shortlists.id, sent.shortlistId)).get()
  if (!shortlist || shortlist.dwellingId !== dwelling.id) {
    return report(
      'unknown-dwelling',
      'Deze ronde bestaat hier niet: komt het bestand uit een andere database?',
    )
  }
  const answered = rows.filter(decided)
  if (answered.length === 0) return report('no-answer', 'Geen besluit ingevuld', sent.round)

  const candidates = db
    .select({
      clientId: shortlistCandidates.clientId,
      code: clients.code,
      position: shortlistCandidates.position,
      decision: shortlistCandidates.decision,
    })
    .from(shortlistCandidates)
    .innerJoin(clients, eq(clients.id, shortlistCandidates.clientId))
    .where(eq(shortlistCandidates.shortlistId, shortlist.id))
    .all()
  const byCode = new Map(candidates.map((c) => [c.code.toUpperCase(), c]))
  const current = db
    .select({ round: shortlists.round, status: shortlists.status })
    .from(shortlists)
    .where(eq(shortlists.dwellingId, dwelling.id))
    .orderBy(desc(shortlists.round))
    .get() ?? { round: sent.round, status: shortlist.status }
  if (shortlist.status !== 'voorgedragen' || current.round !== sent.round) {
    const same = answered.every((r) => {
      const c = byCode.get(r.code.toUpperCase())
      return (
        c &&
        ((r.decision === 'match' && c.decision === 'gekozen') ||
          (r.decision === 'no-match' && c.decision === 'geen-match'))
      )
    })
    if (same) return report('already-applied', 'Dit antwoord is al verwerkt', sent.round)
    return report(
      'outdated',
      `${outdatedBecause(sent.round, shortlist.status, current)}; niets verwerkt`,
      sent.round,
    )
  }

  const error = (message: string) => report('error', message, sent.round)
  const steps: AnswerStep[] = []
  const matches: AnswerStep[] = []
  const seen = new Set<string>()
  for (const row of answered) {
    const where = `Rij ${row.row}${row.code ? ` (${row.code})` : ''}`
    const candidate = byCode.get(row.code.toUpperCase())
    if (!candidate) return error(`${where}: deze kandidaat staat niet op ronde ${sent.round}`)
    // A code moved to another row (sorted, copied) may carry another candidate's decision.
    if (row.position !== null && row.position !== candidate.position)
      return error(
        `${where}: deze kandidaat staat als nr. ${candidate.position} op de voordracht, niet als nr. ${row.position}; zet het besluit bij de juiste rij`,
      )
    if (seen.has(candidate.code))
      return error(`${where}: deze kandidaat staat twee keer in het bestand`)
    seen.add(candidate.code)
    if (row.decision === null) return error(`${where}: vul het besluit in (Match of Geen match)`)
    if (row.decision !== 'match' && row.decision !== 'no-match')
      return error(`${where}: "${row.decision}" is geen besluit; kies Match of Geen match`)
    const wanted = row.decision === 'match' ? 'gekozen' : 'geen-match'
    if (candidate.decision === wanted) continue
    if (candidate.decision !== 'open')
      return error(`${where}: over deze kandidaat is al anders besloten (${candidate.decision})`)
    if (row.decision === 'match') {
      // The same date rule as the screen: not after today, not before the round was presented.
      const offered = row.offeredOn ?? { iso: today }
      if ('error' in offered) return error(`${where}, Datum aanbieding: ${offered.error}`)
      const presentedOn = localIsoDate(new Date(shortlist.presentedAt ?? today))
      const problem = offerDateProblem(offered.iso, presentedOn, today)
      if (problem) return error(`${where}: ${problem}`)
      matches.push({
        kind: 'choose',
        clientId: candidate.clientId,
        code: candidate.code,
        offeredOn: offered.iso,
      })
      continue
    }
    if (row.offeredOn !== null)
      return error(`${where}: vul de datum aanbieding alleen in bij ${DECISION_LABELS.match}`)
    const checked = api.shortlists.rejectCandidate.input.safeParse({
      shortlistId: shortlist.id,
      clientId: candidate.clientId,
      rejection: { reason: row.reason ?? undefined, text: row.motivation },
    })
    if (!checked.success) return error(`${where}: ${firstIssue(checked)}`)
    steps.push({
      kind: 'reject',
      clientId: candidate.clientId,
      code: candidate.code,
      rejection: checked.data.rejection,
    })
  }
  if (matches.length > 1)
    return error(`${matches.length} kandidaten hebben Match; kies er hoogstens één per woning`)

  const stillOpen = candidates.filter(
    (c) =>
      c.decision === 'open' && !steps.some((s) => s.kind === 'reject' && s.clientId === c.clientId),
  )
  if (matches.length === 0 && stillOpen.length === 0 && steps.length > 0) {
    // Every candidate rejected: the round is closed with the corporation's motivation (Bijlage 5).
    // One reason for all: one "reject all", as in the UI. Different reasons: each candidate keeps
    // its own, and the last rejection closes the round with the motivation.
    const motivation = [...new Set(answered.map((r) => r.motivation).filter(Boolean))].join('; ')
    const rejections = steps.splice(0) as Extract<AnswerStep, { kind: 'reject' }>[]
    const last = rejections[rejections.length - 1]!
    const uniform = rejections.every((s) => s.rejection.reason === last.rejection.reason)
    const texts = [...new Set(rejections.map((s) => s.rejection.text).filter(Boolean))]
    const checked = api.shortlists.rejectAll.input.safeParse({
      shortlistId: shortlist.id,
      rejection: uniform
        ? { reason: last.rejection.reason, text: texts.join('; ') || null }
        : last.rejection,
      motivation,
    })
    if (!checked.success) {
      return error(
        `Alle kandidaten hebben Geen match: geef in de kolom Toelichting / motivatie aan waarom (${firstIssue(checked)})`,
      )
    }
    if (!uniform) steps.push(...rejections.slice(0, -1))
    steps.push({
      kind: 'rejectAll',
      rejection: checked.data.rejection,
      motivation: checked.data.motivation,
    })
  }
  steps.push(...matches)
  if (steps.length === 0)
    return report('already-applied', 'Dit antwoord is al verwerkt', sent.round)
  return {
    apply: true,
    dwellingId: dwelling.id,
    shortlistId: shortlist.id,
    steps,
    line: {
      ...base,
      address: address || dwelling.address,
      round: sent.round,
      outcome: 'applied',
      message: '',
    },
  }
}
