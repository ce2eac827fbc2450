import { isEligible, type EligibilityContext } from '../../src/main/domain/eligibility'
import type { ClientFacts, DwellingFacts } from '../../src/main/domain/facts'

/**
 * An independent check on the quarter assignment: plain augmenting-path maximum flow (Edmonds–Karp),
 * written here so the tests do not trust the solver they test.
 */
function maxFlow(nodes: number, edges: readonly [from: number, to: number, cap: number][]): number {
  const head = new Array<number>(nodes).fill(-1)
  const to: number[] = []
  const cap: number[] = []
  const next: number[] = []
  const add = (a: number, b: number, c: number) => {
    to.push(b)
    cap.push(c)
    next.push(head[a]!)
    head[a] = to.length - 1
  }
  for (const [a, b, c] of edges) {
    add(a, b, c)
    add(b, a, 0)
  }
  const source = 0
  const sink = nodes - 1
  let flow = 0
  for (;;) {
    const via = new Array<number>(nodes).fill(-1)
    const queue = [source]
    via[source] = -2
    for (let i = 0; i < queue.length && via[sink] === -1; i++) {
      for (let e = head[queue[i]!]!; e !== -1; e = next[e]!) {
        if (cap[e]! > 0 && via[to[e]!] === -1) {
          via[to[e]!] = e
          queue.push(to[e]!)
        }
      }
    }
    if (via[sink] === -1) return flow
    let push = Infinity
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) push = Math.min(push, cap[via[v]!]!)
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]! -= push
      cap[via[v]! ^ 1]! += push
    }
    flow += push
  }
}

export interface Eligibility {
  dwellings: number
  /** Per client: on how many more lists it may stand. */
  capacity: readonly number[]
  /** Eligible pairs as [dwelling, client] indices. */
  pairs: readonly [dwelling: number, client: number][]
}

/** The most places any assignment can fill when each dwelling takes at most `perDwelling`. */
export function maxPlaces(e: Eligibility, perDwelling: number): number {
  const client = (c: number) => 1 + e.dwellings + c
  const sink = 1 + e.dwellings + e.capacity.length
  return maxFlow(sink + 1, [
    ...Array.from(
      { length: e.dwellings },
      (_, d) => [0, 1 + d, perDwelling] as [number, number, number],
    ),
    ...e.pairs.map(([d, c]) => [1 + d, client(c), 1] as [number, number, number]),
    ...e.capacity.map((cap, c) => [client(c), sink, cap] as [number, number, number]),
  ])
}

/** The most dwellings any assignment can give at least one candidate: the same flow with one place each. */
export const maxCovered = (e: Eligibility) => maxPlaces(e, 1)

/** The eligibility graph of a batch, by the app's own rules. */
export function eligibilityGraph(
  dwellings: readonly DwellingFacts[],
  clients: readonly ClientFacts[],
  ctx: EligibilityContext,
): Eligibility {
  const pairs: [number, number][] = []
  dwellings.forEach((dwelling, d) =>
    clients.forEach((client, c) => {
      if (isEligible(client, dwelling, ctx)) pairs.push([d, c])
    }),
  )
  const capacity = clients.map((c) => Math.max(0, ctx.maxOpenShortlists - c.openShortlists))
  return { dwellings: dwellings.length, capacity, pairs }
}

/** What a batch achieved: dwellings with a candidate and places filled. */
export function achieved(lists: readonly { candidates: readonly unknown[] }[]) {
  return {
    covered: lists.filter((l) => l.candidates.length > 0).length,
    places: lists.reduce((sum, l) => sum + l.candidates.length, 0),
  }
}
