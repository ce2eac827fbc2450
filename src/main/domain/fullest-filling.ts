/**
 * The first two tiers of the assignment (assignment.ts): as many dwellings with a candidate as
 * possible, then as many places filled as possible. Both are a maximum flow (clients → dwellings,
 * each client up to its room, each dwelling up to N), so plain augmenting paths find them, starting
 * from a quick filling; no LP is needed. Indices, not ids.
 *
 * Why two passes, in this order: a path that fills one more place moves clients along a chain of
 * dwellings, and every dwelling on the chain keeps as many as it had, so the second pass never
 * uncovers a dwelling the first one covered. Hence the result is maximal in both tiers at once.
 */

export interface Filling {
  /** Per dwelling, the clients on its list. */
  picks: Set<number>[]
  /** Per client, on how many more lists it may still stand. */
  room: number[]
}

/**
 * Grows `filling` (in place) until no dwelling can get a candidate and then no place can be filled
 * without emptying another: the maximum in both tiers (max-flow/min-cut).
 */
export function fillFullest(
  pools: readonly { clients: readonly number[] }[],
  places: number,
  filling: Filling,
): void {
  const { picks, room } = filling
  // Per client, the dwellings whose list it is on.
  const on = new Map<number, number[]>()
  picks.forEach((set, d) => {
    for (const client of set) {
      const lists = on.get(client)
      if (lists) lists.push(d)
      else on.set(client, [d])
    }
  })
  const move = (client: number, from: number | null, to: number) => {
    if (from === null) room[client]!--
    else {
      picks[from]!.delete(client)
      const lists = on.get(client)!
      lists.splice(lists.indexOf(from), 1)
    }
    picks[to]!.add(client)
    const lists = on.get(client)
    if (lists) lists.push(to)
    else on.set(client, [to])
  }

  /**
   * One more client for dwelling `start`: a chain in which each dwelling takes a client that
   * leaves the next one, ending at a client with room left or, when `spare` says so, at a
   * dwelling that can give one up. Breadth first, so chains are short. True when it found one.
   */
  const augment = (start: number, spare: (d: number) => boolean): boolean => {
    // For each dwelling reached: the dwelling it gives a client to, and that client.
    const via = new Map<number, [to: number, client: number]>([[start, [-1, -1]]])
    const queue = [start]
    for (let i = 0; i < queue.length; i++) {
      const d = queue[i]!
      for (const client of pools[d]!.clients) {
        if (picks[d]!.has(client)) continue
        let from: number | null | undefined
        if (room[client]! > 0) from = null
        else
          for (const holder of on.get(client) ?? []) {
            if (via.has(holder)) continue
            if (spare(holder)) {
              from = holder
              break
            }
            via.set(holder, [d, client])
            queue.push(holder)
          }
        if (from === undefined) continue
        // Walk the chain back to `start`: each dwelling takes the client the one before gives up.
        move(client, from, d)
        for (let at = d; at !== start;) {
          const [to, passed] = via.get(at)!
          move(passed, at, to)
          at = to
        }
        return true
      }
    }
    return false
  }

  const wants = (d: number) => picks[d]!.size < Math.min(places, pools[d]!.clients.length)
  // Coverage first: a dwelling with two or more can give one up and stay covered.
  for (let d = 0; d < picks.length; d++)
    if (picks[d]!.size === 0 && wants(d)) augment(d, (holder) => picks[holder]!.size >= 2)
  // Then places: chains end only at a client with room, so every dwelling keeps its count.
  for (let grew = true; grew;) {
    grew = false
    for (let d = 0; d < picks.length; d++) while (wants(d) && augment(d, () => false)) grew = true
  }
}
