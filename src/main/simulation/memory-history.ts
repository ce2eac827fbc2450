import type { Placement } from './memory-state'

/**
 * Placements counted per key (wijk, complex, care provider, target group) over a window "lease
 * starting on or after `from`", kept up to date as placements come and the day moves on, instead
 * of counted afresh at every batch: the memory world's ranking history (memory-world.ts). The
 * counts are whole numbers, so they are exactly what a count over all placements gives.
 */
export class PlacementWindow<K> {
  private from = ''
  /** Index in the shared startsOn order of the first placement inside the window. */
  first = 0
  readonly counts = new Map<K, number>()
  total = 0
  /** Goes up with every change of the counts: what is worked out from them can be kept till then. */
  version = 0

  constructor(private readonly keyOf: (p: Placement) => K) {}

  private count(p: Placement, sign: 1 | -1) {
    const key = this.keyOf(p)
    const n = (this.counts.get(key) ?? 0) + sign
    if (n === 0) this.counts.delete(key)
    else this.counts.set(key, n)
    this.total += sign
    this.version += 1
  }

  /**
   * A placement was inserted in the shared order (after every equal startsOn): inside the window
   * it lands at or after `first`, before it at or before `first`, which then moves up one.
   */
  added(p: Placement) {
    if (p.startsOn >= this.from) this.count(p, 1)
    else this.first += 1
  }

  /** Moves the window's start to `from`; an earlier start (wider window) counts all again. */
  moveTo(from: string, byStart: readonly Placement[]) {
    if (from < this.from) {
      this.from = ''
      this.first = 0
      this.counts.clear()
      this.total = 0
      for (const p of byStart) this.count(p, 1)
    }
    this.from = from
    while (this.first < byStart.length && byStart[this.first]!.startsOn < from)
      this.count(byStart[this.first++]!, -1)
  }
}

/** The run's placements in lease-start order, with windows over them. */
export class PlacementHistory {
  private readonly byStart: Placement[] = []
  private seen = 0
  private readonly windows: PlacementWindow<unknown>[] = []

  window<K>(keyOf: (p: Placement) => K): PlacementWindow<K> {
    const w = new PlacementWindow(keyOf)
    w.moveTo('', this.byStart)
    this.windows.push(w as PlacementWindow<unknown>)
    return w
  }

  /** Takes in the placements appended to `all` since the last call. */
  update(all: readonly Placement[]) {
    for (; this.seen < all.length; this.seen++) {
      const p = all[this.seen]!
      let lo = 0
      let hi = this.byStart.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (this.byStart[mid]!.startsOn <= p.startsOn) lo = mid + 1
        else hi = mid
      }
      this.byStart.splice(lo, 0, p)
      for (const w of this.windows) w.added(p)
    }
  }

  moveTo<K>(w: PlacementWindow<K>, from: string) {
    w.moveTo(from, this.byStart)
  }
}

/** One value kept until its key changes. */
export function keptUntil<V>(): (key: string, make: () => V) => V {
  let kept: { key: string; value: V } | undefined
  return (key, make) => {
    if (kept?.key !== key) kept = { key, value: make() }
    return kept.value
  }
}
