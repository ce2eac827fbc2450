import { largestRemainder } from './quota'

export interface StockHolder {
  id: number
  socialStock: number
}

/**
 * Each corporation's quota for one quarter of a year: the yearly target split pro rata to the
 * social stock (Bijlage 5: "naar rato van de omvang"), then each corporation's year split over the
 * four quarters. Both splits use the largest remainder, so the quotas of all corporations over the
 * four quarters add up to the target exactly.
 */
export function baseQuotas(target: number, holders: readonly StockHolder[], quarterNumber: 1 | 2 | 3 | 4): Map<number, number> {
  const quotas = new Map<number, number>()
  if (holders.length === 0 || holders.every((h) => h.socialStock === 0)) {
    for (const h of holders) quotas.set(h.id, 0)
    return quotas
  }
  const yearly = largestRemainder(
    target,
    holders.map((h) => h.socialStock),
  )
  holders.forEach((holder, index) => {
    const perQuarter = largestRemainder(yearly[index] ?? 0, [1, 1, 1, 1])
    quotas.set(holder.id, perQuarter[quarterNumber - 1] ?? 0)
  })
  return quotas
}

/** What a corporation still owes from last quarter: never negative, a surplus is not carried. */
export function shortfall(quota: number, submitted: number): number {
  return Math.max(0, quota - submitted)
}
