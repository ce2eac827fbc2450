import type { WaitStats } from '../../shared/api/report-figures'
import { WAITING_TARGET_DAYS } from '../domain/ranking'

/** Small statistics for the report, pure so the dashboard and the tests can trust them alike. */

/**
 * The p-th percentile (0–1) with linear interpolation between the closest ranks: what Excel's
 * PERCENTILE.INC and MEDIAN give, so a manager who recomputes it in Excel finds the same number.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = p * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  const lower = sorted[low]!
  return lower + (sorted[high]! - lower) * (rank - low)
}

export const median = (values: readonly number[]) => percentile(values, 0.5)

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, v) => a + v, 0) / values.length
}

/** part / whole, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number | null): number | null {
  return whole ? part / whole : null
}

export function waitStats(days: readonly number[]): WaitStats {
  return {
    count: days.length,
    mean: mean(days),
    median: median(days),
    p75: percentile(days, 0.75),
    within91: ratio(days.filter((d) => d <= WAITING_TARGET_DAYS).length, days.length),
  }
}

/** Month-sized buckets around the three-month ambition; 91 days is the edge of the third. */
export const WAIT_BUCKETS: readonly { label: string; fromDays: number; toDays: number | null }[] = [
  { label: '0–30 dagen', fromDays: 0, toDays: 30 },
  { label: '31–61 dagen', fromDays: 31, toDays: 61 },
  { label: '62–91 dagen', fromDays: 62, toDays: 91 },
  { label: '92–182 dagen (3–6 mnd)', fromDays: 92, toDays: 182 },
  { label: '183–365 dagen (6–12 mnd)', fromDays: 183, toDays: 365 },
  { label: 'meer dan een jaar', fromDays: 366, toDays: null },
]

export function bucketise(days: readonly number[]) {
  return WAIT_BUCKETS.map((bucket) => {
    // Negative waits cannot happen in the workflow; should one slip in, it counts in the first bucket.
    const count = days.filter(
      (d) =>
        (d >= bucket.fromDays || bucket.fromDays === 0) &&
        (bucket.toDays === null || d <= bucket.toDays),
    ).length
    return { ...bucket, count, share: ratio(count, days.length) }
  })
}

/** Groups values by a key, keeping the first-seen order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}
