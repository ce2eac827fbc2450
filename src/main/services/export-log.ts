import { desc } from 'drizzle-orm'
import type { ExportLogRow } from '../../shared/api/exports'
import { exportLog } from '../db/schema'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import type { ServiceContext } from './context'

/** To a corporation, to management, or (right of access) to the client it is about. */
export type ExportKind =
  'shortlists' | 'report-quarter' | 'report-year' | 'client-data' | 'reminder'

export interface ExportRecord {
  kind: ExportKind
  /** A corporation's name, or "management" for the reports. */
  recipient: string
  fileName: string
  /** A Dutch sentence for the audit trail. */
  summary: string
  /** Ids and counts only: the log and the audit trail never hold personal data. */
  details: Record<string, unknown>
  /** What the export is about, when that is one record: its audit event lands on its timeline. */
  subject?: { entityType: string; entityId: number }
}

/**
 * Records a file leaving the app: one export_log row (what Beheer lists) and its audit event, in
 * one step, so neither exists without the other.
 */
export async function recordExport(ctx: ServiceContext, record: ExportRecord): Promise<number> {
  const exported = (id: number): AuditEntry => ({
    action: `export:${record.kind}`,
    entityType: record.subject?.entityType ?? 'export',
    entityId: record.subject?.entityId ?? id,
    summary: record.summary,
    details: { ...record.details, fileName: record.fileName, recipient: record.recipient },
  })
  return await audited(ctx, exported, async (tx) => {
    const { id } = (
      await tx
        .insert(exportLog)
        .values({
          at: ctx.now().toISOString(),
          officer: ctx.actor.officer,
          osUser: ctx.actor.osUser,
          desk: ctx.actor.desk ?? null,
          kind: record.kind,
          recipient: record.recipient,
          fileName: record.fileName,
          details: JSON.stringify(record.details),
        })
        .returning({ id: exportLog.id })
    )[0]!
    return id
  })
}

/** Newest first; Beheer shows the recent ones, the rest stays in the database. */
const LIST_LIMIT = 1000

export async function listExportLog(ctx: ServiceContext): Promise<ExportLogRow[]> {
  return (
    await ctx.store.db
      .select()
      .from(exportLog)
      .orderBy(desc(exportLog.at), desc(exportLog.id))
      .limit(LIST_LIMIT)
  ).map((row) => ({
    id: row.id,
    at: row.at,
    officer: row.officer,
    osUser: row.osUser,
    desk: row.desk,
    kind: row.kind,
    recipient: row.recipient,
    fileName: row.fileName,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
  }))
}
