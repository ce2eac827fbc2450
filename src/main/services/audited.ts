import type { Tx } from '../db/connection'
import { runStep } from '../db/step-queue'
import { auditMany, type AuditEntry } from './audit'
import type { ServiceContext } from './context'

type Entries = AuditEntry | readonly AuditEntry[] | null
/** What a step records: its event(s), or a function of the step's result naming them (null: none). */
export type StepRecord<T> = Entries | ((result: T) => Entries)

/**
 * One workflow step: runs `change` in a transaction and writes the audit rows it names, stamped
 * with ctx.now() (the demo's history and the simulation run on their own clock), so the change and
 * its record commit together or not at all. Steps on a store run one after another through its
 * queue (step-queue.ts), so the body may await and still no other step's statements land inside
 * its transaction. A step run inside another step becomes a savepoint of it: a decision and the
 * round it empties then keep their events in the order they happened, and still commit as one.
 */
export async function audited<T>(
  ctx: ServiceContext,
  record: StepRecord<T>,
  change: (tx: Tx) => Promise<T> | T,
): Promise<T> {
  return await runStep(ctx.store, async (tx) => {
    const result = await change(tx)
    const entries = typeof record === 'function' ? record(result) : record
    if (entries)
      await auditMany(tx, ctx, Array.isArray(entries) ? entries : [entries as AuditEntry])
    return result
  })
}

/** An event that changes nothing else in the database (a backup made, a restore done). */
export async function recordEvent(ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await audited(ctx, entry, () => undefined)
}

/** The record of a step whose change answers with the events it made: `audited(ctx, eventsOf, …)`. */
export const eventsOf = (done: { events: readonly AuditEntry[] }): readonly AuditEntry[] =>
  done.events
