/**
 * The simulation is written as generators that yield between steps, so the same code runs to the
 * end at once (CLI, tests) or in slices that leave the main process free to answer (jobs.ts).
 */
export type Steps<R, Y = never> = Generator<Y | undefined, R, void>

/** Runs the steps to the end; `onYield` sees what they report on the way. */
export function drain<R, Y>(steps: Steps<R, Y>, onYield?: (value: Y) => void): R {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    if (next.value !== undefined) onYield?.(next.value)
  }
}
