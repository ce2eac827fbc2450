/**
 * The score LP of assignment.ts, solved exactly as a min-cost flow for a few dwellings: source →
 * client (its room) → dwelling (one place per pair) → sink (a first place, then N − 1 further ones).
 * Successive shortest paths: each path adds one candidate at the least cost, so the flow stays the
 * cheapest for its size, and it stops when no path lowers the cost any more: the optimum. For a
 * handful of dwellings this is several times quicker than a call to HiGHS.
 *
 * Costs are whole numbers, so no tolerance is needed: a place is worth more than any sum of scores
 * (scores in hundredths of a point, as ranking.ts rounds them), a first place twice a further one.
 */

export interface ScoredPair {
  /** 0 … dwellings − 1 */
  dwelling: number
  /** An index into `capacity`. */
  client: number
  /** The pair's score in hundredths of a point (a whole number). */
  cents: number
}

export function solveScoreFlow(
  dwellings: number,
  places: number,
  capacity: readonly number[],
  pairs: readonly ScoredPair[],
): ScoredPair[] {
  // Nodes: 0 source, then the clients that occur, then the dwellings, then the sink.
  const clientNode = new Map<number, number>()
  for (const p of pairs)
    if (!clientNode.has(p.client)) clientNode.set(p.client, 1 + clientNode.size)
  const firstDwelling = 1 + clientNode.size
  const sink = firstDwelling + dwellings
  const nodes = sink + 1
  let spread = 1
  for (const p of pairs) spread = Math.max(spread, Math.abs(p.cents))
  const place = 2 * spread * (dwellings * places + 1)

  // Arcs in pairs (an arc and its reverse at index ^ 1), as adjacency lists.
  const to: number[] = []
  const room: number[] = []
  const cost: number[] = []
  const next: number[] = []
  const head = new Array<number>(nodes).fill(-1)
  const arc = (from: number, target: number, cap: number, c: number) => {
    for (const [a, b, r, k] of [
      [from, target, cap, c],
      [target, from, 0, -c],
    ] as const) {
      to.push(b)
      room.push(r)
      cost.push(k)
      next.push(head[a]!)
      head[a] = to.length - 1
    }
  }
  for (const [client, node] of clientNode) arc(0, node, Math.max(0, capacity[client]!), 0)
  const pairArc = pairs.map((p) => {
    arc(clientNode.get(p.client)!, firstDwelling + p.dwelling, 1, -p.cents)
    return to.length - 2
  })
  for (let d = 0; d < dwellings; d++) {
    arc(firstDwelling + d, sink, 1, -2 * place)
    if (places > 1) arc(firstDwelling + d, sink, places - 1, -place)
  }

  // Bellman–Ford by queue (costs are negative, and small graphs need no potentials).
  const distance = new Array<number>(nodes)
  const via = new Int32Array(nodes)
  const queued = new Uint8Array(nodes)
  for (;;) {
    distance.fill(Infinity)
    distance[0] = 0
    const queue = [0]
    queued.fill(0)
    queued[0] = 1
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!
      queued[u] = 0
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        if (room[e]! === 0) continue
        const v = to[e]!
        const d = distance[u]! + cost[e]!
        if (d < distance[v]!) {
          distance[v] = d
          via[v] = e
          if (!queued[v]) {
            queued[v] = 1
            queue.push(v)
          }
        }
      }
    }
    if (!(distance[sink]! < 0)) break
    for (let v = sink; v !== 0; v = to[via[v]! ^ 1]!) {
      room[via[v]!]!--
      room[via[v]! ^ 1]!++
    }
  }
  return pairs.filter((_p, i) => room[pairArc[i]!] === 0)
}
