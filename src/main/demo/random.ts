/**
 * A tiny seeded PRNG (mulberry32) so the demo data is the same on every machine for a given seed.
 * Not for anything security-related.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform float in [min, max). */
  between(min: number, max: number): number
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(list: readonly T[]): T
  /** Picks a value with probability proportional to its weight. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(list: readonly T[]): T[]
  /** Roughly normal (Irwin–Hall of six uniforms): good enough for ages and rents, no Math.log. */
  normal(mean: number, sd: number): number
}

/** FNV-1a: turns a label into a 32-bit number, to derive independent streams from one seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * A stream for one part of the data: adding a draw to the clients must not reshuffle the dwellings,
 * so each part gets its own stream derived from the seed and a label.
 */
export function createRandom(seed: number, label = ''): Random {
  let state = (seed ^ hashString(label)) >>> 0

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))

  return {
    next,
    between: (min, max) => min + next() * (max - min),
    int,
    chance: (p) => next() < p,
    pick<T>(list: readonly T[]): T {
      if (list.length === 0) throw new RangeError('pick: lege lijst')
      return list[int(0, list.length - 1)] as T
    },
    weighted<T>(pairs: readonly (readonly [T, number])[]): T {
      const total = pairs.reduce((sum, [, w]) => sum + w, 0)
      if (!(total > 0)) throw new RangeError('weighted: geen positieve gewichten')
      let r = next() * total
      for (const [value, w] of pairs) {
        r -= w
        if (r < 0) return value
      }
      // Floating-point rounding can leave r at a hair above zero: the last positive weight wins.
      return [...pairs].reverse().find(([, w]) => w > 0)![0]
    },
    shuffle<T>(list: readonly T[]): T[] {
      const out = [...list]
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i)
        ;[out[i], out[j]] = [out[j] as T, out[i] as T]
      }
      return out
    },
    normal(mean, sd) {
      let sum = 0
      for (let i = 0; i < 6; i++) sum += next()
      return mean + ((sum - 3) / Math.SQRT1_2) * sd
    },
  }
}
