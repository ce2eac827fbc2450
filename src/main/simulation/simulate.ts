import type { QuarterKey } from '../../shared/domain/quarter'
import type { Store } from '../db/connection'
import { snapshot } from './copy'
import type { QuarterOutcome } from './measure'
import { observe, type Observed } from './observed'
import { horizon, simulateRun } from './run'
import { band, type Band } from './sampling'
import type { Scenario } from './scenario'

/** Many runs per scenario (Monte Carlo) and, per quarter, the 10–50–90 % band across them. */

/**
 * Runs per scenario unless asked otherwise. Not the 200 hoped for: one run of nine quarters of the
 * real engine on the demo data costs several seconds (see `npm run bench:simulation`).
 */
export const DEFAULT_RUNS = 4

export interface SimulationOptions {
  /** The day the model starts; today by default. */
  startIso: string
  /** Quarters after the current one. */
  quarters: number
  runs: number
  seed: number
  /** Called after every run; return nothing. */
  onProgress?: (done: number, total: number) => void
  /** Checked between runs: true stops the simulation (it then throws SimulationCancelled). */
  cancelled?: () => boolean
}

export class SimulationCancelled extends Error {
  constructor() {
    super('De simulatie is afgebroken')
  }
}

export interface QuarterBands {
  quarter: QuarterKey
  waitingList: Band
  waitMedian: Band
  waitP90: Band
  offeredWithin91: Band
  allocated: Band
  instroomShare: Band
  byWijk: Record<string, Band>
  byTargetGroup: Record<string, Band>
  byCareProvider: Record<string, Band>
}

export interface ScenarioResult {
  scenario: Scenario
  quarters: QuarterBands[]
}

export interface SimulationResult {
  startIso: string
  runs: number
  seed: number
  model: ModelSummary
  scenarios: ScenarioResult[]
  seconds: number
}

/** The observed inputs in a few numbers, for the page and the workbook. */
export interface ModelSummary {
  arrivalQuarters: string[]
  arrivalsPerQuarter: number
  rejectAllShare: number
  declineShare: number
  withdrawShare: number
  medianAnswerDays: number | null
  medianRegistrationToPresentationDays: number | null
  submissionRates: { corporation: string; rate: number }[]
  fallbacks: string[]
}

export function simulate(
  store: Store,
  scenarios: readonly Scenario[],
  options: SimulationOptions,
): SimulationResult {
  const started = performance.now()
  const model = observe(store, options.startIso)
  const image = snapshot(store.sqlite)
  const total = scenarios.length * options.runs
  let done = 0
  const results = scenarios.map((scenario) => {
    const runs: QuarterOutcome[][] = []
    for (let run = 0; run < options.runs; run++) {
      if (options.cancelled?.()) throw new SimulationCancelled()
      // Run r of every scenario shares its seed: the scenarios differ by their choice, not by luck.
      runs.push(
        simulateRun({
          image,
          model,
          scenario,
          seed: options.seed + run,
          quarters: options.quarters,
        }),
      )
      done += 1
      options.onProgress?.(done, total)
    }
    return { scenario, quarters: aggregate(horizon(options.startIso, options.quarters), runs) }
  })
  return {
    startIso: options.startIso,
    runs: options.runs,
    seed: options.seed,
    model: summarise(model),
    scenarios: results,
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
