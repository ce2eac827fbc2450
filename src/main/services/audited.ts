import type { Tx } from '../db/connection'
import { auditMany, type AuditEntry } from './audit'
import type { ServiceContext } from './context'

type Entries = AuditEntry | readonly AuditEntry[] | null
/** What a step records: its event(s), or a function of the step's result naming them (null: none). */
export type StepRecord<T> = Entries | ((result: T) => Entries)

/**
 * One workflow step: runs `change` in a transaction and writes the audit rows it names, stamped
 * with ctx.now() (the demo's history and the simulation run on their own clock), so the change and
 * its record commit together or not at all. A step run inside another step's transaction becomes a
 * savepoint of it (better-sqlite3 nests transactions so): a decision and the round it empties then
 * keep their events in the order they happened, and still commit as one.
 */
export function audited<T>(
  ctx: ServiceContext,
  record: StepRecord<T>,
  change: (tx: Tx) => T,
  // 'immediate' takes the write lock before the change reads: the app and the CLI may share the file.
  behavior?: 'immediate',
): T {
  return ctx.store.db.transaction(
    (tx) => {
      const result = change(tx)
      const entries = typeof record === 'function' ? record(result) : record
      if (entries) auditMany(tx, ctx, Array.isArray(entries) ? entries : [entries as AuditEntry])
      return result
    },
    behavior ? { behavior } : undefined,
  )
}

/** An event that changes nothing else in the database (a backup made, a restore done). */
export function recordEvent(ctx: ServiceContext, entry: AuditEntry): void {
  audited(ctx, entry, () => undefined)
}

/** The record of a step whose change answers with the events it made: `audited(ctx, eventsOf, …)`. */
export const eventsOf = (done: { events: readonly AuditEntry[] }): readonly AuditEntry[] =>
  done.events
