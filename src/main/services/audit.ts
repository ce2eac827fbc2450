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

/** Writes one audit row. Call it inside the same transaction as the change it records. */
export function audit(db: DbOrTx, actor: Actor, entry: AuditEntry, at = new Date()): void {
  db.insert(auditEvents)
    .values({
      at: at.toISOString(),
      officer: actor.officer,
      osUser: actor.osUser,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      summary: entry.summary,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .run()
}
