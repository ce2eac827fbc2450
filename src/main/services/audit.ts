import { and, asc, eq, sql } from 'drizzle-orm'
import type { TimelineEvent } from '../../shared/api/audit'
import type { DbOrTx } from '../db/connection'
import { isPostgres, jsonArrayHolds, jsonKeyEquals } from '../db/dialect'
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
    desk: source.actor.desk ?? null,
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

/**
 * Writes many audit rows in order, a batch's events, by one INSERT prepared once and run per row:
 * drizzle builds a multi-row INSERT anew from a parameter object per value, which cost more than
 * SQLite's own work.
 */
export async function auditMany(
  db: DbOrTx,
  source: AuditSource,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return
  if (entries.length === 1) return await audit(db, source, entries[0]!)
  if (isPostgres(db)) {
    // One multi-row INSERT per 500 rows: a round trip each, in order (ids follow the VALUES).
    for (let i = 0; i < entries.length; i += 500)
      await db.insert(auditEvents).values(entries.slice(i, i + 500).map((e) => auditRow(source, e)))
    return
  }
  const insert = db
    .insert(auditEvents)
    .values({
      at: sql.placeholder('at'),
      officer: sql.placeholder('officer'),
      osUser: sql.placeholder('osUser'),
      desk: sql.placeholder('desk'),
      action: sql.placeholder('action'),
      entityType: sql.placeholder('entityType'),
      entityId: sql.placeholder('entityId'),
      summary: sql.placeholder('summary'),
      details: sql.placeholder('details'),
    })
    .prepare()
  for (const entry of entries) insert.run(auditRow(source, entry))
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
      ? sql`(${auditEvents.entityType} = 'dwelling' AND (${jsonKeyEquals(db, auditEvents.details, 'clientId', entityId)}
          OR ${jsonArrayHolds(db, auditEvents.details, 'clients', entityId)}))`
      : sql`1 = 0`
  return await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      officer: auditEvents.officer,
      osUser: auditEvents.osUser,
      desk: auditEvents.desk,
      action: auditEvents.action,
      summary: auditEvents.summary,
    })
    .from(auditEvents)
    .where(sql`${own} OR ${mentioned}`)
    .orderBy(asc(auditEvents.id))
}
