import { describe, expect, it } from 'vitest'
import { hasPair, pairKey } from '../../src/main/domain/facts'

describe('pairs of a dwelling and a client', () => {
  it('are found by their numbers as by their key', () => {
    const pairs = new Set([pairKey(7, 3), pairKey(12, 30), pairKey(7, 40)])
    for (const [dwelling, client] of [
      [7, 3],
      [7, 40],
      [12, 30],
      [12, 3],
      [7, 30],
      [1, 23],
      [72, 3],
    ] as const)
      expect(hasPair(pairs, dwelling, client)).toBe(pairs.has(pairKey(dwelling, client)))
  })

  it('sees a pair added to the set after an earlier question', () => {
    const pairs = new Set([pairKey(1, 2)])
    expect(hasPair(pairs, 2, 1)).toBe(false)
    pairs.add(pairKey(2, 1))
    expect(hasPair(pairs, 2, 1)).toBe(true)
  })
})
