import { useState } from 'react'
import { dutchMessage } from '../errors'

interface Outcome {
  message?: string
  error?: string
}

/**
 * A one-click action through the API (make a backup, present a round, download a workbook): busy
 * while it runs, so its button can say so and not be pressed twice; then a success message or the
 * error in Dutch, one or the other, for the caller to show with SuccessMessage and ErrorAlert.
 */
export function useAction() {
  const [running, setRunning] = useState<unknown>()
  const [outcome, setOutcome] = useState<Outcome>({})

  /**
   * Runs `work`; a string it answers is the success message (work that says more, e.g. through
   * `show`, answers nothing). `what` tells which of several like buttons is busy. Answers whether
   * the work succeeded.
   */
  async function run(work: () => Promise<string | void>, what: unknown = true): Promise<boolean> {
    setRunning(what)
    setOutcome({})
    try {
      const message = await work()
      if (message) setOutcome({ message })
      return true
    } catch (err) {
      setOutcome({ error: dutchMessage(err) })
      return false
    } finally {
      setRunning(undefined)
    }
  }

  return {
    busy: running !== undefined,
    /** The `what` of the running work, e.g. the corporation whose reminder is being made. */
    running,
    message: outcome.message,
    error: outcome.error,
    run,
    /** A message from elsewhere on the same screen, e.g. a dialog that finished. */
    show: (message: string) => setOutcome({ message }),
    fail: (error: string) => setOutcome({ error }),
    clear: () => setOutcome({}),
  }
}
