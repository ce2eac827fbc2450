import type { ModelSummary, QuarterBands, SimulationResult } from '../../shared/api/simulation'
import type { QuarterKey } from '../../shared/domain/quarter'
import type { Store } from '../db/connection'
import { snapshot } from './copy'
import type { QuarterOutcome } from './measure'
import { observe, type Observed } from './observed'
import { horizon, runSteps } from './run'
import { band } from './sampling'
import type { Scenario } from './scenario'
import { drain, type Steps } from './steps'

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

/** Reported after every run. */
export interface Progress {
  done: number
  total: number
}

export function simulate(
  store: Store,
  scenarios: readonly Scenario[],
  options: SimulationOptions,
  onProgress?: (progress: Progress) => void,
): SimulationResult {
  return drain(simulationSteps(store, scenarios, options), onProgress)
}

export function* simulationSteps(
  store: Store,
  scenarios: readonly Scenario[],
  options: SimulationOptions,
): Steps<SimulationResult, Progress> {
  const started = performance.now()
  const model = observe(store, options.startIso)
  const image = snapshot(store.sqlite)
  const total = scenarios.length * options.runs
  let done = 0
  const results = []
  for (const scenario of scenarios) {
    const runs: QuarterOutcome[][] = []
    for (let run = 0; run < options.runs; run++) {
      // Run r of every scenario shares its seed: the scenarios differ by their choice, not by luck.
      const input = { image, model, scenario, seed: options.seed + run, quarters: options.quarters }
      runs.push(yield* runSteps(input))
      done += 1
      yield { done, total }
    }
    results.push({
      scenario,
      quarters: aggregate(horizon(options.startIso, options.quarters), runs),
    })
  }
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
