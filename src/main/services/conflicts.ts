import { and, desc, eq, type SQL } from 'drizzle-orm'
import { ApiError } from '../../shared/api/endpoint'
import { localIsoDate } from '../../shared/domain/dates'
import type { DbOrTx } from '../db/connection'
import { jsonKeyEquals, type LockHolder } from '../db/dialect'
import { auditEvents } from '../db/schema'
import { refusal, type StepRule } from '../domain/workflow'
import type { AuditSource } from './audit'

/**
 * Conflicts between officers (docs/team-mode.md §4). A workflow step locks its dwelling, reads the
 * state and checks the transition; when the check fails, the state was most likely changed by
 * another officer since the screen showed it (on another desk, or a moment ago on this one). The
 * message then says what changed, by whom and when, from the newest audit row of that round, offer
 * or dwelling — "Deze voordracht is zojuist voorgedragen door Anna (10:42)" — followed by the
 * rule's own reason. The Dutch words for each action are here, and only here.
 */

/** What the refused step was about: its dwelling, and the round or offer on it. */
export type ConflictSubject =
  | { dwellingId: number; shortlistId: number }
  | { dwellingId: number; offerId: number }
  | { dwellingId: number }

/** `when` is "zojuist" (today) or "al"; `who` the officer. */
type Phrase = (when: string, who: string) => string

/** The changes another officer can make that refuse a step now; other actions say nothing extra. */
const CHANGED: Record<string, Phrase> = {
  'shortlist:present': (when, who) => `Deze voordracht is ${when} voorgedragen door ${who}`,
  'shortlist:choose': (when, who) =>
    `Op deze voordracht is ${when} de keuze van de corporatie vastgelegd door ${who}`,
  'shortlist:rejectCandidate': (when, who) =>
    `Op deze voordracht is ${when} een kandidaat afgewezen door ${who}`,
  'shortlist:rejectAll': (when, who) => `Deze voordracht is ${when} afgewezen door ${who}`,
  'shortlist:swap': (when, who) =>
    `Op deze voordracht is ${when} een kandidaat gewisseld door ${who}`,
  'shortlist:clientWithdrawn': (when, who) =>
    `Van deze voordracht is ${when} een kandidaat gehaald door ${who}`,
  'offer:awaitNext': (when, who) =>
    `Deze voordracht is ${when} na een weigering teruggelegd bij de corporatie door ${who}`,
  'offer:accept': (when, who) =>
    `Op deze aanbieding is ${when} de acceptatie vastgelegd door ${who}`,
  'offer:decline': (when, who) =>
    `Op deze aanbieding is ${when} de weigering vastgelegd door ${who}`,
  'dwelling:withdraw': (when, who) => `Deze woning is ${when} ingetrokken door ${who}`,
  'shortlists:presentAll': (when, who) => `De voordrachten zijn ${when} voorgedragen door ${who}`,
  'shortlists:generate': (when, who) => `De voordrachten zijn ${when} gemaakt door ${who}`,
}

/** What else changes a dwelling as a whole: said only when the step concerned the dwelling. */
const CHANGED_DWELLING: Record<string, Phrase> = {
  'shortlist:concept': (when, who) =>
    `Voor deze woning is ${when} een conceptvoordracht gemaakt door ${who}`,
  'dwelling:update': (when, who) => `Deze woning is ${when} gewijzigd door ${who}`,
}

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
]

const clock = (moment: Date) =>
  `${String(moment.getHours()).padStart(2, '0')}:${String(moment.getMinutes()).padStart(2, '0')}`

/** "10:42" today, "1 december 2026, 10:42" another day (local time, like the timeline). */
export function momentWords(at: string | Date, now: Date): { today: boolean; words: string } {
  const moment = new Date(at)
  if (Number.isNaN(moment.getTime())) return { today: false, words: String(at) }
  const today = localIsoDate(moment) === localIsoDate(now)
  return {
    today,
    words: today
      ? clock(moment)
      : `${moment.getDate()} ${MONTHS[moment.getMonth()]} ${moment.getFullYear()}, ${clock(moment)}`,
  }
}

interface LastChange {
  action: string
  officer: string
  at: string
}

/** The newest audit row of the subject: of its round or offer when it names one, else of the dwelling. */
async function lastChange(db: DbOrTx, subject: ConflictSubject): Promise<LastChange | undefined> {
  const onDwelling = and(
    eq(auditEvents.entityType, 'dwelling'),
    eq(auditEvents.entityId, String(subject.dwellingId)),
  )!
  const newest = async (where: SQL) =>
    (
      await db
        .select({ action: auditEvents.action, officer: auditEvents.officer, at: auditEvents.at })
        .from(auditEvents)
        .where(where)
        .orderBy(desc(auditEvents.id))
        .limit(1)
    )[0]
  if ('shortlistId' in subject)
    return await newest(
      and(onDwelling, jsonKeyEquals(db, auditEvents.details, 'shortlistId', subject.shortlistId))!,
    )
  if ('offerId' in subject)
    return await newest(
      and(onDwelling, jsonKeyEquals(db, auditEvents.details, 'offerId', subject.offerId))!,
    )
  return await newest(onDwelling)
}

/** "Deze voordracht is zojuist voorgedragen door Anna (10:42)", or null for an action not listed. */
export function changedBy(change: LastChange, now: Date, ofDwelling = false): string | null {
  const phrase =
    CHANGED[change.action] ?? (ofDwelling ? CHANGED_DWELLING[change.action] : undefined)
  if (!phrase) return null
  const moment = momentWords(change.at, now)
  return `${phrase(moment.today ? 'zojuist' : 'al', change.officer)} (${moment.words})`
}

/**
 * The refusal of a step whose state is no longer what it needs: what changed, by whom and when
 * (when the newest audit row of the subject says so), then `reason`.
 */
export async function conflictError(
  db: DbOrTx,
  source: Pick<AuditSource, 'now'>,
  subject: ConflictSubject,
  reason: string,
): Promise<ApiError> {
  const change = await lastChange(db, subject)
  const ofDwelling = !('shortlistId' in subject) && !('offerId' in subject)
  const headline = change ? changedBy(change, source.now(), ofDwelling) : null
  return new ApiError('conflict', headline ? `${headline}. ${reason}` : reason)
}

/**
 * A quarter-wide step refused because there is nothing left to do: who did it last (the newest
 * presentAll or generate of the quarter, when it was the step named), then `reason`.
 */
export async function quarterConflict(
  db: DbOrTx,
  source: Pick<AuditSource, 'now'>,
  quarter: string,
  action: 'shortlists:presentAll' | 'shortlists:generate',
  reason: string,
): Promise<ApiError> {
  const change = (
    await db
      .select({ action: auditEvents.action, officer: auditEvents.officer, at: auditEvents.at })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityType, 'quarter'),
          eq(auditEvents.entityId, quarter),
          eq(auditEvents.action, action),
        ),
      )
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0]
  const headline = change ? changedBy(change, source.now()) : null
  return new ApiError('conflict', headline ? `${headline}. ${reason}` : reason)
}

/** `requireStep` for a dwelling's round, offer or the dwelling itself, naming the last change. */
export async function requireStepOn<K extends string, S>(
  db: DbOrTx,
  source: Pick<AuditSource, 'now'>,
  subject: ConflictSubject,
  rules: readonly StepRule<K, S>[],
  key: K,
  state: S,
): Promise<void> {
  const why = refusal(rules, key, state)
  if (why) throw await conflictError(db, source, subject, why)
}

/**
 * How a desk's PostgreSQL session names itself (pg_stat_activity.application_name): the officer
 * and the desk, so a lock's holder can be named. At most 63 bytes are kept by the server.
 */
export function sessionName(actor: { officer: string; desk?: string }): string {
  return `vierde-huis: ${actor.officer}${actor.desk ? `@${actor.desk}` : ''}`.slice(0, 63)
}

/** The officer and desk a PostgreSQL session named itself after: "vierde-huis: Anna@bureau-3". */
export function holderWords(holder: LockHolder, now: Date): string | null {
  const named = holder.applicationName?.match(/^vierde-huis(?: \([^)]*\))?:\s*(.+)$/)?.[1]?.trim()
  const who = named ? named.replace(/@(.+)$/, ' op $1') : null
  const since = holder.since ? `sinds ${momentWords(holder.since, now).words}` : null
  const parts = [who, since].filter((p): p is string => Boolean(p))
  return parts.length ? parts.join(', ') : null
}

/** The quarter's batch is running on another desk: refused (docs/team-mode.md §5). */
export function batchBusy(quarter: string, holder: LockHolder, now: Date): ApiError {
  const who = holderWords(holder, now)
  return new ApiError(
    'conflict',
    `De voordrachten voor ${quarter} worden al gemaakt op een ander bureau${who ? ` (${who})` : ''}. Probeer het over een paar minuten opnieuw.`,
  )
}

/** The records a free-field form edits, as the audit trail names them. */
export type FormRecord = 'client' | 'dwelling' | 'corporation' | 'careProvider'

const FORM_NOUN: Record<FormRecord, string> = {
  client: 'Deze kandidaat',
  dwelling: 'Deze woning',
  corporation: 'Deze corporatie',
  careProvider: 'Deze zorgaanbieder',
}

/**
 * The free-field forms' rule (docs/team-mode.md §4): a form sends back the version (`updated_at`)
 * it was filled in from, and its save is refused when the record changed since — by another desk,
 * or by a workflow step on this one — instead of silently putting the old values back. Call it in
 * the step, after the row is locked and its current version read. The officer's input stays in the
 * form; the message names the change when the record's newest audit row is that change.
 */
export async function requireVersion(
  db: DbOrTx,
  source: Pick<AuditSource, 'now'>,
  record: { type: FormRecord; id: number },
  shown: string | undefined,
  current: string,
): Promise<void> {
  if (shown === undefined || shown === current) return
  const change = (
    await db
      .select({ officer: auditEvents.officer, at: auditEvents.at })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityType, record.type), eq(auditEvents.entityId, String(record.id))),
      )
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0]
  // Older than the version the form showed: that audit row is not the change that refuses the save.
  const by =
    change && change.at >= shown
      ? ` door ${change.officer} (${momentWords(change.at, source.now()).words})`
      : ''
  throw new ApiError(
    'conflict',
    `${FORM_NOUN[record.type]} is gewijzigd${by} nadat u dit formulier opende. Uw wijzigingen ` +
      'zijn niet opgeslagen en staan nog in het formulier: sluit het en open het opnieuw om de ' +
      'nieuwe gegevens te zien.',
  )
}
