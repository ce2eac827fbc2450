import type { Band } from '../../shared/api/simulation'
import type { Random } from '../demo/random'
import { percentile } from '../reports/stats'

/** The draws the simulation makes from what was observed, and the bands it reports. Pure. */

/** Poisson(mean) by Knuth's method: the number of arrivals in a quarter around the observed mean. */
export function poisson(rnd: Random, mean: number): number {
  if (!(mean > 0)) return 0
  // Beyond ~500 exp(-mean) underflows; a normal approximation is exact enough there.
  if (mean > 500) return Math.max(0, Math.round(rnd.normal(mean, Math.sqrt(mean))))
  const limit = Math.exp(-mean)
  let k = 0
  let p = rnd.next()
  while (p > limit) {
    k += 1
    p *= rnd.next()
  }
  return k
}

/** Binomial(n, p): how many of a corporation's quota slots it actually fills. */
export function binomial(rnd: Random, n: number, p: number): number {
  let k = 0
  for (let i = 0; i < n; i++) if (rnd.chance(p)) k += 1
  return k
}

/** One value from what was observed (bootstrap); `fallback` when nothing was observed. */
export function resample<T>(rnd: Random, observed: readonly T[], fallback: T): T {
  return observed.length === 0 ? fallback : rnd.pick(observed)
}

/** The share of `part` among `whole` events, or `fallback` when there were none. */
export function observedShare(part: number, whole: number, fallback: number): number {
  return whole > 0 ? part / whole : fallback
}

/** The 10th, 50th and 90th percentile across runs (runs without a value, e.g. no offers, left out). */
export function band(values: readonly (number | null)[]): Band {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v))
  return {
    p10: percentile(known, 0.1),
    p50: percentile(known, 0.5),
    p90: percentile(known, 0.9),
  }
}

/** Whether `value` falls inside the band (inclusive); null when either is unknown. */
export function inBand(b: Band, value: number | null): boolean | null {
  if (value === null || b.p10 === null || b.p90 === null) return null
  return value >= b.p10 && value <= b.p90
}
