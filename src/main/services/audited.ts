import { sql } from 'drizzle-orm'
import { changeFeed, PG_CHANNEL, type WireNote } from '../db/change-feed'
import type { Tx } from '../db/connection'
import { selectRows } from '../db/dialect'
import { inStep, runStep } from '../db/step-queue'
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
  // The outermost step announces the change (docs/team-mode.md §6); a nested one commits with it.
  const outermost = !inStep(ctx.store)
  let note: WireNote | undefined
  const result = await runStep(ctx.store, async (tx) => {
    const result = await change(tx)
    const entries = typeof record === 'function' ? record(result) : record
    const list = entries ? (Array.isArray(entries) ? entries : [entries as AuditEntry]) : []
    if (list.length > 0) await auditMany(tx, ctx, list)
    if (outermost) note = await announce(ctx, tx, list[0])
    return result
  })
  if (note) changeFeed(ctx.store).committed(note)
  return result
}

/**
 * The step's change note. On PostgreSQL it is also sent to every desk inside the transaction:
 * the server delivers it on commit and drops it on rollback. Published here after the commit.
 */
async function announce(
  ctx: ServiceContext,
  tx: Tx,
  first: AuditEntry | undefined,
): Promise<WireNote> {
  const note = changeFeed(ctx.store).note(
    {
      action: first?.action ?? null,
      entity: first?.entityType ?? null,
      id: first?.entityId == null ? null : String(first.entityId),
    },
    ctx.actor.officer,
  )
  if (ctx.store.dialect === 'postgres')
    await selectRows(tx, sql`SELECT pg_notify(${PG_CHANNEL}, ${JSON.stringify(note)})`)
  return note
}

/** An event that changes nothing else in the database (a backup made, a restore done). */
export async function recordEvent(ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await audited(ctx, entry, () => undefined)
}

/** The record of a step whose change answers with the events it made: `audited(ctx, eventsOf, …)`. */
export const eventsOf = (done: { events: readonly AuditEntry[] }): readonly AuditEntry[] =>
  done.events
