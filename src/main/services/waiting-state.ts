import type Database from 'better-sqlite3'
import { localIsoDate } from '../../shared/domain/dates'
import type { ClientFacts, DwellingFacts } from '../domain/facts'
import { createBatchScorer, type RankingContext } from '../domain/ranking'
import type { ServiceContext } from './context'
import { openShortlistCounts } from '../repositories/shortlists'
import {
  loadClientFacts,
  rankingContext,
  rankingHistory,
  type RankingHistory,
} from './matching-facts'

/**
 * What the waiting state is built from, and which writes change it. The connection writes down
 * itself, with temporary triggers, which clients it changed and whether a table of the history or
 * of the open shortlists changed: so the state is brought up to date by reading those few rows,
 * also inside a workflow step's transaction (a new round for one dwelling), instead of reading the
 * whole waiting list again. A rolled-back transaction rolls its notes back with it.
 */
const HISTORY_WRITES: Record<string, string[]> = {
  allocations: ['INSERT', 'UPDATE', 'DELETE'],
  care_providers: ['INSERT', 'UPDATE', 'DELETE'],
  year_targets: ['INSERT', 'UPDATE', 'DELETE'],
  settings: ['INSERT', 'UPDATE', 'DELETE'],
  wijk_figures: ['INSERT', 'UPDATE', 'DELETE'],
  // Spreading counts allocations per wijk and complex (named, or street and number).
  dwellings: ['INSERT', 'DELETE', 'UPDATE OF wijk, complex, address'],
  // The providers' standing and the groups' recent share count allocations by these.
  clients: ['DELETE', 'UPDATE OF care_provider_id, target_group'],
}
const SHORTLIST_WRITES: Record<string, string[]> = {
  shortlists: ['INSERT', 'UPDATE', 'DELETE'],
  shortlist_candidates: ['INSERT', 'UPDATE', 'DELETE'],
}

function installNotes(sqlite: Database.Database): void {
  const statements = [
    'CREATE TEMP TABLE IF NOT EXISTS waiting_changed_clients (id INTEGER PRIMARY KEY)',
    'CREATE TEMP TABLE IF NOT EXISTS waiting_changed_parts (part TEXT PRIMARY KEY)',
    ...['INSERT', 'UPDATE', 'DELETE'].map(
      (event) =>
        `CREATE TEMP TRIGGER IF NOT EXISTS waiting_clients_${event.toLowerCase()} AFTER ${event} ON main.clients BEGIN ` +
        `INSERT OR IGNORE INTO waiting_changed_clients VALUES (${event === 'DELETE' ? 'old' : 'new'}.id); END`,
    ),
    ...(
      [
        ['history', HISTORY_WRITES],
        ['shortlists', SHORTLIST_WRITES],
      ] as const
    ).flatMap(([part, writes]) =>
      Object.entries(writes).flatMap(([table, events]) =>
        events.map(
          (event, i) =>
            `CREATE TEMP TRIGGER IF NOT EXISTS waiting_${part}_${table}_${i} AFTER ${event} ON main.${table} BEGIN ` +
            `INSERT OR IGNORE INTO waiting_changed_parts VALUES ('${part}'); END`,
        ),
      ),
    ),
  ]
  for (const statement of statements) sqlite.exec(statement)
}

export interface WaitingState {
  waiting: ClientFacts[]
  ranking: RankingContext
  history: RankingHistory
  /** Scores a pair; remembers each client's own parts (waiting time, group) between calls. */
  scoreTotal: (client: ClientFacts, dwelling: DwellingFacts) => number
}

interface Kept {
  day: string
  dataVersion: number
  byId: Map<number, ClientFacts>
  state: WaitingState
  notes: {
    clients: Database.Statement
    parts: Database.Statement
    dataVersion: Database.Statement
    clear: () => void
  }
}

const kept = new WeakMap<Database.Database, Kept>()

/** Above this many clients to read again, the whole waiting list is read instead. */
const CATCH_UP_LIMIT = 2000

async function build(
  ctx: ServiceContext,
  waiting: ClientFacts[],
  history: RankingHistory,
): Promise<WaitingState> {
  const ranking = await rankingContext(ctx, ctx.store.db, waiting, history)
  return { waiting, ranking, history, scoreTotal: createBatchScorer(ranking) }
}

async function fresh(ctx: ServiceContext): Promise<WaitingState> {
  const { db } = ctx.store
  return build(ctx, await loadClientFacts(db), await rankingHistory(ctx, db))
}

/** The kept state with this connection's own writes since then read in. */
async function caughtUp(
  ctx: ServiceContext,
  k: Kept,
): Promise<{ byId: Map<number, ClientFacts>; state: WaitingState }> {
  const { db } = ctx.store
  const changed = k.notes.clients.all() as number[]
  const parts = new Set(k.notes.parts.all() as string[])
  if (changed.length === 0 && parts.size === 0) return k
  const byId = new Map(k.byId)
  const reload = new Set(changed)
  const open = await openShortlistCounts(db)
  if (parts.has('shortlists') && reload.size <= CATCH_UP_LIMIT) {
    // Who stands on how many open lists moved: those whose count changed are read again.
    for (const [id, client] of byId)
      if ((open.get(id) ?? 0) !== client.openShortlists) reload.add(id)
  }
  // Many clients changed (an import, the yearly anonymisation, a batch): reading the whole list is
  // then as cheap, and their ids would not fit in one statement.
  if (reload.size > CATCH_UP_LIMIT) {
    const state = await fresh(ctx)
    return { byId: new Map(state.waiting.map((c) => [c.id, c])), state }
  }
  for (const id of reload) byId.delete(id)
  for (const client of await loadClientFacts(db, [...reload], open))
    if (client.status === 'wachtend') byId.set(client.id, client)
  const waiting = [...byId.values()].sort((a, b) => a.id - b.id)
  const history = parts.has('history') ? await rankingHistory(ctx, db) : k.state.history
  return { byId, state: await build(ctx, waiting, history) }
}

/**
 * The waiting list's facts and the ranking context, kept in memory between calls (one dwelling's
 * pool for each dwelling the officer opens; a new round after a rejection). This connection's own
 * writes are read in from its notes (above); a commit by another connection such as the CLI beside
 * the app (data_version) or another day loads everything again. Inside a transaction the state is
 * brought up to date but not kept: the transaction may yet be rolled back. Callers must not change
 * what they get.
 */
export async function waitingState(ctx: ServiceContext): Promise<WaitingState> {
  const { sqlite } = ctx.store
  const day = localIsoDate(ctx.now())
  const k = kept.get(sqlite)
  if (k && k.day === day && k.dataVersion === k.notes.dataVersion.get()) {
    const now = await caughtUp(ctx, k)
    if (now !== k && !sqlite.inTransaction) {
      k.notes.clear()
      k.byId = now.byId
      k.state = now.state
    }
    return now.state
  }
  // Notes can only be started outside a transaction: a rollback would take the triggers away.
  if (sqlite.inTransaction) return fresh(ctx)
  installNotes(sqlite)
  const notes = {
    clients: sqlite.prepare('SELECT id FROM temp.waiting_changed_clients').pluck(),
    parts: sqlite.prepare('SELECT part FROM temp.waiting_changed_parts').pluck(),
    dataVersion: sqlite.prepare('SELECT data_version FROM pragma_data_version').pluck(),
    clear: () =>
      sqlite.exec(
        'DELETE FROM temp.waiting_changed_clients; DELETE FROM temp.waiting_changed_parts',
      ),
  }
  notes.clear()
  const state = await fresh(ctx)
  kept.set(sqlite, {
    day,
    dataVersion: notes.dataVersion.get() as number,
    byId: new Map(state.waiting.map((c) => [c.id, c])),
    state,
    notes,
  })
  return state
}
