import { largestRemainder } from './quota'

/**
 * Each corporation's quota for one quarter: the yearly target over the four quarters (385 →
 * 97, 96, 96, 96), then the quarter's number over the corporations pro rata to their social stock
 * (Bijlage 5: "naar rato van de omvang"). Both splits use the largest remainder, so the quotas of
 * a quarter add up to its share exactly and the four quarters to the target.
 * Returns one quota per stock, in the same order.
 */
export function quotasForQuarter(
  target: number,
  stocks: readonly number[],
  quarterNumber: number,
): number[] {
  const quarterTotal = largestRemainder(target, [1, 1, 1, 1])[quarterNumber - 1] ?? 0
  if (stocks.every((stock) => stock === 0)) return stocks.map(() => 0)
  return largestRemainder(quarterTotal, stocks)
}

/** What a corporation still owes from last quarter: never negative, a surplus is not carried. */
export function shortfall(quota: number, submitted: number): number {
  return Math.max(0, quota - submitted)
}
