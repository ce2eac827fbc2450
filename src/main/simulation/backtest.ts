import type { BacktestResult, Comparison } from '../../shared/api/simulation'
import { parseQuarter, quarterBounds } from '../../shared/domain/quarter'
import type { SqliteStore, Store } from '../db/connection'
import { addDays } from '../demo/calendar'
import { memoryStore, onSqlite, snapshot } from './copy'
import { runExclusive } from '../db/step-queue'
import { measureQuarters, type QuarterOutcome } from './measure'
import { observe } from './observed'
import { runInWorkers } from './pool'
import { horizon } from './run'
import { band, inBand } from './sampling'
import { CURRENT_COURSE } from './scenario'
import type { RunEnvironment } from './simulate'

/**
 * The backtest: put the database back to how it stood on `startIso`, let the model play the
 * quarters that followed, and set the bands beside what really happened. The arrivals are what was
 * known on the start day (the four quarters before it); the answer times, rejection and decline
 * rates and the dwelling mix are read from the replayed history itself, since the demo has none
 * earlier: this checks the mechanics against the record, it is not a forecast made blind.
 */

export interface BacktestOptions {
  startIso: string
  /** Quarters after the one of `startIso`. */
  quarters: number
  runs: number
  seed: number
}

export async function backtest(
  liveStore: Store,
  options: BacktestOptions,
  environment: RunEnvironment = {},
): Promise<BacktestResult> {
  const started = performance.now()
  const keys = horizon(options.startIso, options.quarters)
  const endIso = quarterBounds(parseQuarter(keys.at(-1)!)).endsOn
  const { nativeBinding, ...watch } = environment
  // What happened, the model and the copy in one turn on the live store: the job runs beside the
  // officer's work, and must neither read a step that is still open nor copy half of one (in team
  // mode: one REPEATABLE READ copy of PostgreSQL, see copy.ts onSqlite).
  const { actual, model, image } = await onSqlite(liveStore, nativeBinding, (store) =>
    runExclusive(store, async () => {
      const actual = measureQuarters(store, keys)
      // Arrivals as they were known on the start day (the four quarters before it); the rest of the
      // inputs only exist in the history being replayed (see above).
      const then = await observe(store, options.startIso)
      const model = {
        ...(await observe(store, addDays(endIso, 1))),
        startIso: options.startIso,
        arrivalQuarters: then.arrivalQuarters,
        arrivalsPerQuarter: then.arrivalsPerQuarter,
        clientTemplates: then.clientTemplates,
      }
      return { actual, model, image: rewound(store, options.startIso, nativeBinding) }
    }),
  )
  const input = {
    image,
    model,
    scenarios: [CURRENT_COURSE],
    quarters: options.quarters,
    nativeBinding,
  }
  const tasks = Array.from({ length: options.runs }, (_r, run) => ({
    index: run,
    scenario: 0,
    seed: options.seed + run,
  }))
  const runs: QuarterOutcome[][] = await runInWorkers(input, tasks, watch)
  const compare = (values: (number | null)[], real: number | null): Comparison => {
    const predicted = band(values)
    return {
      predicted,
      actual: real,
      inBand: inBand(predicted, real),
      offBy: real === null || predicted.p50 === null ? null : real - predicted.p50,
    }
  }
  return {
    startIso: options.startIso,
    runs: options.runs,
    lines: keys.map((quarter, i) => ({
      quarter,
      waitingList: compare(
        runs.map((r) => r[i]!.waitingList),
        actual[i]!.waitingList,
      ),
      waitMedian: compare(
        runs.map((r) => r[i]!.waitMedian),
        actual[i]!.waitMedian,
      ),
    })),
    seconds: (performance.now() - started) / 1000,
  }
}

/**
 * The database as it stood on `startIso`: what was registered, submitted, presented, offered or
 * let from that day on is taken out of a copy, and clients whose status changed since wait again.
 */
function rewound(store: SqliteStore, startIso: string, nativeBinding?: string): Buffer {
  const copy = memoryStore(snapshot(store.sqlite), nativeBinding)
  try {
    const run = (sql: string) => copy.sqlite.prepare(sql).run({ start: startIso })
    copy.sqlite.transaction(() => {
      const later = `SELECT id FROM dwellings WHERE submitted_on >= @start`
      run(`DELETE FROM allocations WHERE starts_on >= @start OR dwelling_id IN (${later})`)
      run(`DELETE FROM offers WHERE offered_on >= @start OR dwelling_id IN (${later})`)
      run(
        `DELETE FROM shortlist_candidates WHERE shortlist_id IN
           (SELECT id FROM shortlists WHERE created_at >= @start OR dwelling_id IN (${later}))`,
      )
      run(`DELETE FROM shortlists WHERE created_at >= @start OR dwelling_id IN (${later})`)
      run(`DELETE FROM dwellings WHERE submitted_on >= @start`)
      run(`DELETE FROM clients WHERE registered_on >= @start`)
      run(
        `UPDATE clients SET status = 'wachtend', status_since = registered_on
         WHERE status_since >= @start`,
      )
      run(`DELETE FROM audit_events WHERE at >= @start`)
    })()
    return snapshot(copy.sqlite)
  } finally {
    copy.close()
  }
}
