/**
 * Largest-remainder (Hamilton) apportionment: splits a whole number over weights so the parts are
 * whole, each within one of its exact share, and they add up to the total exactly — the quarterly
 * quota per corporation must sum to the quarter's share of the taakstelling, not to 95 or 98.
 *
 * Ties in the remainder go to the lower index, so the same input always gives the same split.
 * A zero weight never receives anything. All weights zero with a positive total is an error:
 * there is nothing to divide by.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(`largestRemainder: totaal moet een geheel getal ≥ 0 zijn, niet ${total}`)
  }
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new RangeError('largestRemainder: gewichten moeten eindige getallen ≥ 0 zijn')
  }
  const sum = weights.reduce((a, w) => a + w, 0)
  if (total === 0) return weights.map(() => 0)
  if (sum === 0) throw new RangeError('largestRemainder: alle gewichten zijn 0')

  const exact = weights.map((w) => (total * w) / sum)
  const parts = exact.map((x) => Math.floor(x))
  let left = total - parts.reduce((a, p) => a + p, 0)

  // Remainders that differ only by floating-point noise count as equal, so ties stay by index.
  const EPS = 1e-9
  const order = exact
    .map((x, index) => ({ index, remainder: x - Math.floor(x), weight: weights[index] ?? 0 }))
    .filter((e) => e.weight > 0)
    .sort((a, b) =>
      Math.abs(a.remainder - b.remainder) < EPS ? a.index - b.index : b.remainder - a.remainder,
    )
  for (const { index } of order) {
    if (left <= 0) break
    parts[index] = (parts[index] ?? 0) + 1
    left--
  }
  return parts
}
