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

/**
 * Runs `fn` (a call on `client`) when `deps` change, when `reload()` is called, and whenever the
 * store changed as a whole (see DataVersionProvider), so no page can show stale data after that.
 * The previous data stays while reloading, so grids do not flash empty.
 */
export function useApi<T>(fn: () => Promise<T>, deps: DependencyList): ApiState<T> {
  const { version } = useDataVersion()
  const [reloads, setReloads] = useState(0)
  const [state, setState] = useState<Omit<ApiState<T>, 'reload'>>({
    data: undefined,
    error: undefined,
    loading: true,
  })

  useEffect(() => {
    // A slower earlier answer must not overwrite a later one (e.g. switching quarters quickly).
    let current = true
    setState((s) => (s.loading ? s : { ...s, loading: true }))
    fn().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState((s) => ({ ...s, error: dutchMessage(error), loading: false })),
    )
    return () => {
      current = false
    }
    // Callers pass the inputs of `fn` as deps, exactly like useEffect; fn itself is new every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version, reloads])

  const reload = useCallback(() => setReloads((n) => n + 1), [])
  return { ...state, reload }
}
