import { AsyncLocalStorage } from 'node:async_hooks'
import type Database from 'better-sqlite3'
import type pg from 'pg'
import { errorCode } from './dialect'
import { BATCH_LOCK, PLACEMENT_KEY } from './lock-keys'

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
export type StepStore<H> =
  | { dialect: 'sqlite'; queue: StepQueue; sqlite: Database.Database; db: H }
  | { dialect: 'postgres'; pool: pg.Pool; db: H }

/** A PostgreSQL step: the pool client holding its transaction, and how many savepoints deep. */
interface PgSlot {
  pool: pg.Pool
  client: pg.PoolClient
  depth: number
}

const pgCurrent = new AsyncLocalStorage<PgSlot>()

type Queryable = Pick<pg.Pool, 'query'>

/**
 * The client drizzle's node-postgres database runs its queries on: inside a step the connection
 * holding that step's transaction, outside one the pool. So `ctx.store.db` inside a step reads the
 * step's own writes, as it does on SQLite's single connection, and a read outside a step never
 * sees another step's uncommitted rows (READ COMMITTED).
 */
export function pgQueryable(pool: pg.Pool): Queryable {
  return {
    query: ((...args: Parameters<pg.Pool['query']>) => {
      const slot = pgCurrent.getStore()
      const target: Queryable = slot?.pool === pool ? slot.client : pool
      return (target.query as (...a: unknown[]) => unknown)(...args)
    }) as pg.Pool['query'],
  }
}

/**
 * A PostgreSQL step: one pool client, `BEGIN` (READ COMMITTED), the body, `COMMIT`, or `ROLLBACK`
 * when it throws; a step inside a step is a savepoint, as on SQLite. Steps of other calls and other
 * desks run beside it on their own connections; the server keeps them apart, and the row locks the
 * workflow takes (docs/team-mode.md §4) order the ones that touch the same dwelling.
 */
async function runPgStep<H, T>(
  store: { pool: pg.Pool; db: H },
  body: (tx: H) => Promise<T> | T,
): Promise<T> {
  const open = pgCurrent.getStore()
  if (open?.pool === store.pool) {
    const savepoint = `step_${open.depth}`
    await open.client.query(`SAVEPOINT ${savepoint}`)
    open.depth += 1
    try {
      const result = await body(store.db)
      await open.client.query(`RELEASE SAVEPOINT ${savepoint}`)
      return result
    } catch (error) {
      await open.client.query(`ROLLBACK TO SAVEPOINT ${savepoint}`)
      await open.client.query(`RELEASE SAVEPOINT ${savepoint}`)
      throw error
    } finally {
      open.depth -= 1
    }
  }
  // Two steps that lock rows in different orders (a step on a dwelling that also closes another
  // dwelling's round) can deadlock: the server aborts one, which then runs again from the start.
  for (let attempt = 1; ; attempt++) {
    try {
      return await runPgTransaction(store, body)
    } catch (error) {
      if (attempt >= PG_RETRIES || !isRetryable(error)) throw error
    }
  }
}

/** How often a step aborted by a deadlock or a serialization failure is tried in all. */
const PG_RETRIES = 3

function isRetryable(error: unknown): boolean {
  const code = errorCode(error)
  return code === '40P01' || code === '40001'
}

async function runPgTransaction<H, T>(
  store: { pool: pg.Pool; db: H },
  body: (tx: H) => Promise<T> | T,
): Promise<T> {
  const client = await store.pool.connect()
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    const slot: PgSlot = { pool: store.pool, client, depth: 1 }
    try {
      const result = await pgCurrent.run(slot, () => body(store.db))
      // A new round reads the waiting list and the balance between care providers under the
      // placement lock, which any step may have changed. Committing under its shared form makes a
      // step wait while a new round is being made, and a new round wait for the steps about to
      // commit: the rounds are then exactly what the steps in their commit order give (the
      // serial replay of team-concurrency.test.ts). A step and a new round that each wait for the
      // other's rows and lock are a deadlock; the server aborts one, and it runs again.
      await client.query('SELECT pg_advisory_xact_lock_shared($1::int4, $2::int4)', [
        BATCH_LOCK,
        PLACEMENT_KEY,
      ])
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // A connection that cannot even roll back is not given back to the pool for reuse.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError))
      })
      throw error
    }
  } finally {
    client.release(broken)
  }
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
  if (store.dialect === 'postgres') return await runPgStep(store, body)
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

/**
 * Whether a step is open on `store` in the current unit of work: a step started now becomes a
 * savepoint of it, and commits only with it (audited.ts announces a change at the outermost step).
 */
export function inStep(store: StepStore<unknown>): boolean {
  if (store.dialect === 'postgres') return pgCurrent.getStore()?.pool === store.pool
  const slot = current.getStore()
  return slot?.held === true && slot.queue === store.queue && slot.depth > 0
}

/**
 * Runs `work` alone on the store's connection (a read that must not see an open step's rows). On
 * PostgreSQL every read already sees only committed rows and every step has its own connection:
 * the work runs at once.
 */
export async function runExclusive<T>(
  store: { dialect: 'sqlite' | 'postgres'; queue: StepQueue },
  work: () => Promise<T> | T,
): Promise<T> {
  if (store.dialect === 'postgres') return await work()
  return await store.queue.run(work)
}

/**
 * Starts work that outlives the call starting it (a background job) outside that call's unit, so
 * its own `runExclusive` and steps wait their turn instead of running as part of a unit that has
 * ended meanwhile.
 */
export function detached<T>(work: () => T): T {
  return current.exit(() => pgCurrent.exit(work))
}
