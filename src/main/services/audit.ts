import { and, asc, eq, sql } from 'drizzle-orm'
import type { TimelineEvent } from '../../shared/api/audit'
import type { DbOrTx } from '../db/connection'
import { auditEvents } from '../db/schema'
import type { Actor } from './context'

export interface AuditEntry {
  action: string
  entityType: string
  entityId?: string | number | null
  /** A Dutch sentence for the timeline; never a client's name or other personal details. */
  summary: string
  details?: Record<string, unknown>
}

/** Who acts and when: a service context, whose clock tests and the demo's simulation can set. */
export interface AuditSource {
  actor: Actor
  now: () => Date
}

function auditRow(source: AuditSource, entry: AuditEntry) {
  return {
    at: source.now().toISOString(),
    officer: source.actor.officer,
    osUser: source.actor.osUser,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    summary: entry.summary,
    details: entry.details ? JSON.stringify(entry.details) : null,
  }
}

/**
 * Writes one audit row inside the caller's transaction: for a part of a step that records its own
 * event (a new round, a client taken off a list). A step itself uses `audited`.
 */
export async function audit(db: DbOrTx, source: AuditSource, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values(auditRow(source, entry))
}

/** Rows per INSERT: well under SQLite's limit on bound parameters (8 a row). */
const AUDIT_CHUNK = 500

/** Writes many audit rows in as few statements as possible, in order: a batch's events. */
export async function auditMany(
  db: DbOrTx,
  source: AuditSource,
  entries: readonly AuditEntry[],
): Promise<void> {
  const rows = entries.map((entry) => auditRow(source, entry))
  for (let i = 0; i < rows.length; i += AUDIT_CHUNK)
    await db.insert(auditEvents).values(rows.slice(i, i + AUDIT_CHUNK))
}

/**
 * The history of one dwelling or client, oldest first. A client's timeline also holds the dwelling
 * events that name them (presented, chosen, offered), found through the client id in the details.
 */
export async function timeline(
  db: DbOrTx,
  entityType: 'dwelling' | 'client',
  entityId: number,
): Promise<TimelineEvent[]> {
  const own = and(
    eq(auditEvents.entityType, entityType),
    eq(auditEvents.entityId, String(entityId)),
  )
  const mentioned =
    entityType === 'client'
      ? sql`(${auditEvents.entityType} = 'dwelling' AND (json_extract(${auditEvents.details}, '$.clientId') = ${entityId}
          OR EXISTS (SELECT 1 FROM json_each(${auditEvents.details}, '$.clients') WHERE value = ${entityId})))`
      : sql`0`
  return await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      officer: auditEvents.officer,
      osUser: auditEvents.osUser,
      action: auditEvents.action,
      summary: auditEvents.summary,
    })
    .from(auditEvents)
    .where(sql`${own} OR ${mentioned}`)
    .orderBy(asc(auditEvents.id))
}
