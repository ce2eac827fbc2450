import { describe, expect, it } from 'vitest'
import { createRandom } from '../../src/main/demo/random'
import { fillFullest, type Filling } from '../../src/main/domain/fullest-filling'
import { maxCovered, maxPlaces, type Eligibility } from '../support/max-flow'

/**
 * The fullest filling against the independent maximum flow of tests/support: from an empty start
 * and from a valid but poor one (lists filled at random), on random pools where a few clients fit
 * almost everywhere and most fit a few dwellings, as in a real batch.
 */
function instance(seed: number) {
  const rnd = createRandom(seed, 'fullest-filling')
  const dwellings = rnd.int(2, 25)
  const clients = rnd.int(1, 40)
  const places = rnd.int(1, 4)
  const capacity = Array.from({ length: clients }, () => rnd.int(0, 3))
  const reach = Array.from({ length: clients }, () => (rnd.chance(0.15) ? 0.8 : 0.12))
  const pools = Array.from({ length: dwellings }, () => ({
    clients: Array.from({ length: clients }, (_c, c) => c).filter((c) => rnd.chance(reach[c]!)),
  }))
  return { rnd, pools, places, capacity }
}

function randomStart({ rnd, pools, places, capacity }: ReturnType<typeof instance>): Filling {
  const room = [...capacity]
  const picks = pools.map((pool) => {
    const set = new Set<number>()
    for (const client of pool.clients)
      if (set.size < places && room[client]! > 0 && rnd.chance(0.4)) {
        set.add(client)
        room[client]!--
      }
    return set
  })
  return { picks, room }
}

describe('the fullest filling', () => {
  it('covers as many dwellings and fills as many places as any assignment, from any start', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const problem = instance(seed)
      const { pools, places, capacity } = problem
      const graph: Eligibility = {
        dwellings: pools.length,
        capacity,
        pairs: pools.flatMap((pool, d) => pool.clients.map((c) => [d, c] as [number, number])),
      }
      const best = { covered: maxCovered(graph), places: maxPlaces(graph, places) }
      const starts: Filling[] = [
        { picks: pools.map(() => new Set()), room: [...capacity] },
        randomStart(problem),
      ]
      for (const filling of starts) {
        fillFullest(pools, places, filling)
        const { picks, room } = filling
        const reached = {
          covered: picks.filter((set) => set.size > 0).length,
          places: picks.reduce((sum, set) => sum + set.size, 0),
        }
        expect(reached, `seed ${seed}`).toEqual(best)
        // A valid filling: eligible pairs only, at most N a list, no client over its room.
        picks.forEach((set, d) => {
          expect(set.size).toBeLessThanOrEqual(places)
          for (const client of set) expect(pools[d]!.clients).toContain(client)
        })
        capacity.forEach((cap, client) => {
          const lists = picks.filter((set) => set.has(client)).length
          expect(room[client]).toBe(cap - lists)
          expect(room[client]).toBeGreaterThanOrEqual(0)
        })
      }
    }
  })

  it('keeps a filling that is already fullest as it is', () => {
    const pools = [{ clients: [0, 1] }, { clients: [1, 2] }]
    const filling = { picks: [new Set([0]), new Set([2])], room: [0, 1, 0] }
    fillFullest(pools, 1, filling)
    expect(filling.picks).toEqual([new Set([0]), new Set([2])])
  })

  it('moves a client to cover a dwelling only it fits, when another can take its place', () => {
    // Client 0 fits both; client 1 only the first. A greedy start gave 0 to the first dwelling.
    const pools = [{ clients: [0, 1] }, { clients: [0] }]
    const filling = { picks: [new Set([0]), new Set<number>()], room: [0, 1] }
    fillFullest(pools, 1, filling)
    expect(filling.picks).toEqual([new Set([1]), new Set([0])])
    expect(filling.room).toEqual([0, 0])
  })
})
