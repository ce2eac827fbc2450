import { useCallback, useEffect, useState, type DependencyList } from 'react'
import { dutchMessage } from '../errors'
import { useDataVersion } from './data-version'

export interface ApiState<T> {
  data: T | undefined
  /** Dutch, ready to show. */
  error: string | undefined
  loading: boolean
  reload: () => void
}

interface Settled<T> {
  /** The request this answer belongs to: while it differs from the current one, we are loading. */
  request: readonly unknown[]
  data: T | undefined
  error: string | undefined
}

function sameRequest(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]))
}

/**
 * Runs `fn` (a call on `client`) when `deps` change, when `reload()` is called, and whenever the
 * store changed as a whole (see DataVersionProvider), so no page can show stale data after that.
 * The previous data stays while reloading, so grids do not flash empty.
 */
export function useApi<T>(fn: () => Promise<T>, deps: DependencyList): ApiState<T> {
  const { version } = useDataVersion()
  const [reloads, setReloads] = useState(0)
  const request = [...deps, version, reloads]
  const [settled, setSettled] = useState<Settled<T>>({
    request: [],
    data: undefined,
    error: undefined,
  })

  useEffect(() => {
    // A slower earlier answer must not overwrite a later one (e.g. switching quarters quickly).
    let current = true
    fn().then(
      (data) => current && setSettled({ request, data, error: undefined }),
      (error: unknown) =>
        current && setSettled((s) => ({ request, data: s.data, error: dutchMessage(error) })),
    )
    return () => {
      current = false
    }
    // Callers pass the inputs of `fn` as deps, exactly like useEffect; fn itself is new every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, request)

  const reload = useCallback(() => setReloads((n) => n + 1), [])
  // Derived rather than set in the effect: no extra render, and never "loaded" with a stale answer.
  const loading = !sameRequest(settled.request, request)
  return { data: settled.data, error: settled.error, loading, reload }
}
