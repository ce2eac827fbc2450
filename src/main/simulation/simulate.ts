import type { ModelSummary, QuarterBands, SimulationResult } from '../../shared/api/simulation'
import type { QuarterKey } from '../../shared/domain/quarter'
import type { Store } from '../db/connection'
import { onSqlite, snapshot } from './copy'
import { runExclusive } from '../db/step-queue'
import type { QuarterOutcome } from './measure'
import { observe, type Observed } from './observed'
import { runInWorkers, type PoolOptions } from './pool'
import { horizon } from './run'
import { band } from './sampling'
import type { Scenario } from './scenario'

export { DEFAULT_RUNS } from '../../shared/api/simulation'

/** Many runs per scenario (Monte Carlo) and, per quarter, the 10–50–90 % band across them. */

export interface SimulationOptions {
  /** The day the model starts; today by default. */
  startIso: string
  /** Quarters after the current one. */
  quarters: number
  runs: number
  seed: number
}

export interface RunEnvironment extends PoolOptions {
  /** Electron's build of better-sqlite3 when the app runs in Electron. */
  nativeBinding?: string | undefined
}

export async function simulate(
  liveStore: Store,
  scenarios: readonly Scenario[],
  options: SimulationOptions,
  environment: RunEnvironment = {},
): Promise<SimulationResult> {
  const started = performance.now()
  // The model and the copy in one turn on the live store: the job runs beside the officer's work,
  // and must neither read a step that is still open nor copy half of one. In team mode the turn is
  // the one REPEATABLE READ transaction that copies PostgreSQL into memory (copy.ts onSqlite).
  const { model, image } = await onSqlite(liveStore, environment.nativeBinding, (store) =>
    runExclusive(store, async () => ({
      model: await observe(store, options.startIso),
      image: snapshot(store.sqlite),
    })),
  )
  // Run r of every scenario shares its seed: the scenarios differ by their choice, not by luck.
  const tasks = scenarios.flatMap((_s, scenario) =>
    Array.from({ length: options.runs }, (_r, run) => ({
      index: scenario * options.runs + run,
      scenario,
      seed: options.seed + run,
    })),
  )
  const { nativeBinding, ...watch } = environment
  const input = {
    image,
    model,
    scenarios,
    quarters: options.quarters,
    nativeBinding,
  }
  const runs = await runInWorkers(input, tasks, watch)
  const keys = horizon(options.startIso, options.quarters)
  return {
    startIso: options.startIso,
    runs: options.runs,
    seed: options.seed,
    model: summarise(model),
    scenarios: scenarios.map((scenario, i) => ({
      scenario,
      quarters: aggregate(keys, runs.slice(i * options.runs, (i + 1) * options.runs)),
    })),
    seconds: (performance.now() - started) / 1000,
  }
}

export function aggregate(keys: QuarterKey[], runs: QuarterOutcome[][]): QuarterBands[] {
  return keys.map((quarter, i) => {
    const at = runs.map((r) => r[i]!)
    const pick = (f: (o: QuarterOutcome) => number | null) => band(at.map(f))
    const breakdown = (f: (o: QuarterOutcome) => Record<string, number>) => {
      const names = [...new Set(at.flatMap((o) => Object.keys(f(o))))].sort()
      return Object.fromEntries(names.map((n) => [n, band(at.map((o) => f(o)[n] ?? 0))]))
    }
    return {
      quarter,
      waitingList: pick((o) => o.waitingList),
      waitMedian: pick((o) => o.waitMedian),
      waitP90: pick((o) => o.waitP90),
      offeredWithin91: pick((o) => o.offeredWithin91),
      allocated: pick((o) => o.allocated),
      instroomShare: pick((o) => o.instroomShare),
      byWijk: breakdown((o) => o.byWijk),
      byTargetGroup: breakdown((o) => o.byTargetGroup),
      byCareProvider: breakdown((o) => o.byCareProvider),
    }
  })
}

function summarise(model: Observed): ModelSummary {
  const median = (values: number[]) => band(values).p50
  return {
    arrivalQuarters: model.arrivalQuarters,
    arrivalsPerQuarter: model.arrivalsPerQuarter,
    rejectAllShare: model.rejectAllShare,
    declineShare: model.declineShare,
    withdrawShare: model.withdrawShare,
    medianAnswerDays: median(model.answerDays),
    medianRegistrationToPresentationDays: median(model.registrationToPresentationDays),
    submissionRates: model.corporations.map((c) => ({
      corporation: c.name,
      rate: c.submissionRate,
    })),
    fallbacks: model.fallbacks,
  }
}
