import { AsyncLocalStorage } from 'node:async_hooks'
import type Database from 'better-sqlite3'

/**
 * Who holds a store's connection now: one unit of work (an API call, a step) at a time. `depth` is
 * how many steps are open in it (0: none, 1: the transaction, more: savepoints); `held` turns false
 * when the unit ends, so work it started and left running (a background job) queues like any other.
 */
interface Slot {
  queue: StepQueue
  held: boolean
  depth: number
}

const current = new AsyncLocalStorage<Slot>()

/**
 * One in-process queue per SQLite store (a promise chain). better-sqlite3 runs a statement on the
 * one connection synchronously, but a step's body now awaits between its statements; without the
 * queue another caller's statements would land inside the open transaction, or read its
 * uncommitted rows. Work inside a unit that holds the queue runs at once (re-entrant).
 */
export class StepQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const slot = current.getStore()
    if (slot?.held && slot.queue === this) return Promise.resolve().then(work)
    const next = this.tail.then(() => {
      const own: Slot = { queue: this, held: true, depth: 0 }
      return current.run(own, async () => {
        try {
          return await work()
        } finally {
          own.held = false
        }
      })
    })
    // The next unit starts after this one whatever its outcome; the caller gets the outcome.
    this.tail = next.catch(() => undefined)
    return next
  }
}

/** What a step needs of a store: its queue, its connection and the handle its body gets. */
export interface StepStore<H> {
  queue: StepQueue
  sqlite: Database.Database
  db: H
}

/**
 * Runs `body` as one transaction on the store: `BEGIN IMMEDIATE`, the body, `COMMIT`, or `ROLLBACK`
 * when it throws, before the queue lets the next unit start. A step inside a step is a savepoint
 * of it: rolled back alone when it throws, committed with the outer step.
 */
export async function runStep<H, T>(
  store: StepStore<H>,
  body: (tx: H) => Promise<T> | T,
): Promise<T> {
  return await store.queue.run(async () => {
    const slot = current.getStore()!
    const { sqlite } = store
    // Inside a step, or inside a transaction its caller opened on the connection (a test or a
    // benchmark that rolls everything back), the step is a savepoint.
    const savepoint = slot.depth > 0 || sqlite.inTransaction ? `step_${slot.depth}` : null
    sqlite.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN IMMEDIATE')
    slot.depth += 1
    try {
      const result = await body(store.db)
      sqlite.exec(savepoint ? `RELEASE ${savepoint}` : 'COMMIT')
      return result
    } catch (error) {
      // SQLite itself ends the transaction on some errors (disk full, I/O): then nothing is left.
      if (sqlite.inTransaction) {
        if (savepoint) sqlite.exec(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`)
        else sqlite.exec('ROLLBACK')
      }
      throw error
    } finally {
      slot.depth -= 1
    }
  })
}

/** Runs `work` alone on the store's connection (a read that must not see an open step's rows). */
export async function runExclusive<T>(
  store: { queue: StepQueue },
  work: () => Promise<T> | T,
): Promise<T> {
  return await store.queue.run(work)
}

/**
 * Starts work that outlives the call starting it (a background job) outside that call's unit, so
 * its own `runExclusive` and steps wait their turn instead of running as part of a unit that has
 * ended meanwhile.
 */
export function detached<T>(work: () => T): T {
  return current.exit(work)
}
