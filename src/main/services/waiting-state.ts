import type Database from 'better-sqlite3'
import { localIsoDate, utcMidnight } from '../../shared/domain/dates'
import type { TargetGroup } from '../../shared/domain/vocabulary'
import { changeFeed } from '../db/change-feed'
import type { PgStore } from '../db/pg-store'
import { inStep } from '../db/step-queue'
import type { ClientFacts, DwellingFacts } from '../domain/facts'
import {
  countInGroup,
  createBatchScorer,
  groupTotals,
  type GroupTotal,
  type RankingContext,
} from '../domain/ranking'
import type { ServiceContext } from './context'
import {
  loadClientFacts,
  rankingContext,
  rankingHistory,
  type RankingHistory,
} from './matching-facts'

/**
 * What the waiting state is built from, and which writes change it. The connection writes down
 * itself, with temporary triggers, which clients it changed and whether a table of the history
 * changed: so the state is brought up to date by reading those few rows, also inside a workflow
 * step's transaction (a new round for one dwelling), instead of reading the whole waiting list
 * again. A rolled-back transaction rolls its notes back with it.
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

const noteClients = (select: string) =>
  `BEGIN INSERT OR IGNORE INTO waiting_changed_clients ${select}; END`

/**
 * A client's count of open shortlists (a fact of the waiting list) moves with a candidate written,
 * decided or moved, and with a round opened or closed: those clients are noted as changed.
 */
const OPEN_LIST_WRITES: [string, string][] = [
  ['AFTER INSERT ON main.shortlist_candidates', noteClients('VALUES (new.client_id)')],
  ['AFTER DELETE ON main.shortlist_candidates', noteClients('VALUES (old.client_id)')],
  [
    'AFTER UPDATE OF client_id, decision, shortlist_id ON main.shortlist_candidates',
    noteClients('VALUES (old.client_id), (new.client_id)'),
  ],
  [
    'AFTER UPDATE OF status ON main.shortlists',
    noteClients('SELECT client_id FROM shortlist_candidates WHERE shortlist_id = new.id'),
  ],
  [
    'BEFORE DELETE ON main.shortlists',
    noteClients('SELECT client_id FROM shortlist_candidates WHERE shortlist_id = old.id'),
  ],
]

function installNotes(sqlite: Database.Database): void {
  const statements = [
    'CREATE TEMP TABLE IF NOT EXISTS waiting_changed_clients (id INTEGER PRIMARY KEY)',
    'CREATE TEMP TABLE IF NOT EXISTS waiting_changed_parts (part TEXT PRIMARY KEY)',
    ...['INSERT', 'UPDATE', 'DELETE'].map(
      (event) =>
        `CREATE TEMP TRIGGER IF NOT EXISTS waiting_clients_${event.toLowerCase()} AFTER ${event} ON main.clients ` +
        noteClients(`VALUES (${event === 'DELETE' ? 'old' : 'new'}.id)`),
    ),
    ...OPEN_LIST_WRITES.map(
      ([when, action], i) =>
        `CREATE TEMP TRIGGER IF NOT EXISTS waiting_open_lists_${i} ${when} ${action}`,
    ),
    ...Object.entries(HISTORY_WRITES).flatMap(([table, events]) =>
      events.map(
        (event, i) =>
          `CREATE TEMP TRIGGER IF NOT EXISTS waiting_history_${table}_${i} AFTER ${event} ON main.${table} BEGIN ` +
          `INSERT OR IGNORE INTO waiting_changed_parts VALUES ('history'); END`,
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

/** The state with the group totals it was ranked by, updated per changed client. */
interface Counted {
  state: WaitingState
  totals: Map<TargetGroup, GroupTotal>
}

interface Kept extends Counted {
  day: string
  dataVersion: number
  notes: {
    clients: Database.Statement
    history: Database.Statement
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
  totals: Map<TargetGroup, GroupTotal>,
): Promise<Counted> {
  const ranking = await rankingContext(ctx, ctx.store.db, waiting, history, totals)
  return { state: { waiting, ranking, history, scoreTotal: createBatchScorer(ranking) }, totals }
}

async function fresh(ctx: ServiceContext): Promise<Counted> {
  const { db } = ctx.store
  const waiting = await loadClientFacts(db)
  return build(ctx, waiting, await rankingHistory(ctx, db), groupTotals(ctx.now(), waiting))
}

/** Two lists in id order merged into one. */
function mergeById(a: readonly ClientFacts[], b: readonly ClientFacts[]): ClientFacts[] {
  const merged: ClientFacts[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j === b.length || (i < a.length && a[i]!.id < b[j]!.id)) merged.push(a[i++]!)
    else merged.push(b[j++]!)
  }
  return merged
}

/**
 * The kept state with this connection's own writes since then read in: the changed clients leave
 * the list and the group totals, and those of them still waiting come back as they are now.
 */
async function caughtUp(ctx: ServiceContext, k: Kept): Promise<Counted> {
  const { db } = ctx.store
  const changed = k.notes.clients.all() as number[]
  const historyChanged = k.notes.history.get() !== undefined
  if (changed.length === 0 && !historyChanged) return k
  // Many clients changed (an import, the yearly anonymisation, a batch): reading the whole list is
  // then as cheap, and their ids would not fit in one statement.
  if (changed.length > CATCH_UP_LIMIT) return fresh(ctx)
  const reload = new Set(changed)
  const todayUtc = utcMidnight(ctx.now())
  const totals = new Map([...k.totals].map(([group, t]) => [group, { ...t }]))
  const staying: ClientFacts[] = []
  for (const client of k.state.waiting) {
    if (reload.has(client.id)) countInGroup(totals, client, todayUtc, -1)
    else staying.push(client)
  }
  const back = (await loadClientFacts(db, changed))
    .filter((client) => client.status === 'wachtend')
    .sort((a, b) => a.id - b.id)
  for (const client of back) countInGroup(totals, client, todayUtc, 1)
  const history = historyChanged ? await rankingHistory(ctx, db) : k.state.history
  return build(ctx, mergeById(staying, back), history, totals)
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
  if (ctx.store.dialect === 'postgres') return await teamState(ctx, ctx.store)
  const { sqlite } = ctx.store
  const day = localIsoDate(ctx.now())
  const k = kept.get(sqlite)
  if (k && k.day === day && k.dataVersion === k.notes.dataVersion.get()) {
    const now = await caughtUp(ctx, k)
    if (now !== k && !sqlite.inTransaction) {
      k.notes.clear()
      k.state = now.state
      k.totals = now.totals
    }
    return now.state
  }
  // Notes can only be started outside a transaction: a rollback would take the triggers away.
  if (sqlite.inTransaction) return (await fresh(ctx)).state
  installNotes(sqlite)
  const notes = {
    clients: sqlite.prepare('SELECT id FROM temp.waiting_changed_clients').pluck(),
    history: sqlite.prepare('SELECT part FROM temp.waiting_changed_parts').pluck(),
    dataVersion: sqlite.prepare('SELECT data_version FROM pragma_data_version').pluck(),
    clear: () =>
      sqlite.exec(
        'DELETE FROM temp.waiting_changed_clients; DELETE FROM temp.waiting_changed_parts',
      ),
  }
  notes.clear()
  const counted = await fresh(ctx)
  kept.set(sqlite, { day, dataVersion: notes.dataVersion.get() as number, ...counted, notes })
  return counted.state
}

/** Team mode's kept state: what it was counted from is named by the feed's generation then. */
interface KeptTeam {
  day: string
  generation: number
  state: WaitingState
}

const keptTeam = new WeakMap<PgStore['pool'], KeptTeam>()

/**
 * Team mode: every desk's committed step reaches this program as a change note (change-feed.ts,
 * pg-listener.ts), which bumps the feed's generation; so the state is kept between calls while the
 * generation stays the same, and counted afresh after any desk's step. Not kept while the listener
 * is down (a note could be missed) nor inside a step (its own uncommitted writes count there, and
 * a rollback would take them back): then it is counted afresh, as every call did before.
 */
async function teamState(ctx: ServiceContext, store: PgStore): Promise<WaitingState> {
  const feed = changeFeed(store)
  if (!feed.complete || inStep(store)) return (await fresh(ctx)).state
  const day = localIsoDate(ctx.now())
  const k = keptTeam.get(store.pool)
  if (k && k.day === day && k.generation === feed.generation) return k.state
  // Read before counting: a note arriving meanwhile makes this count stale, and the next call counts.
  const generation = feed.generation
  const { state } = await fresh(ctx)
  keptTeam.set(store.pool, { day, generation, state })
  return state
}
