import { useCallback, useMemo } from 'react'
import type { ClientRow } from '../../../shared/api'
import type { ClientStatus } from '../../../shared/domain/vocabulary'
import { client } from '../api/client'
import { useApi } from './use-api'

/**
 * The Kandidaten grid's rows for a status ('' for all). The waiting clients come first: the screen
 * opens on them, and they are a tenth of the register after ten years. Then every client is loaded
 * once in the background, and another status is a filter in the grid over rows it already has
 * (instead of asking the service for 49,333 rows again at each choice).
 */
export function useClientRows(status: ClientStatus | '') {
  const waiting = useApi(() => client.clients.list({ status: 'wachtend' }), [])
  const waitingLoaded = waiting.data !== undefined
  const everyone = useApi(
    () => (waitingLoaded ? client.clients.list({}) : Promise.resolve(undefined)),
    [waitingLoaded],
  )
  // Until everyone is in, only the waiting status can be shown.
  const rows = everyone.data ?? (status === 'wachtend' ? waiting.data : undefined)
  const filter = useMemo(
    () => (status === '' ? undefined : (row: ClientRow) => row.status === status),
    [status],
  )
  const total = useMemo(
    () => (rows === undefined || filter === undefined ? rows?.length : rows.filter(filter).length),
    [rows, filter],
  )
  const { reload: reloadWaiting } = waiting
  const { reload: reloadEveryone } = everyone
  const reload = useCallback(() => {
    reloadWaiting()
    reloadEveryone()
  }, [reloadWaiting, reloadEveryone])
  return {
    rows,
    /** How many rows have this status: the count beside the grid. */
    total,
    /** The status as a filter in the grid; undefined for all statuses. */
    filter,
    loading: rows === undefined || waiting.loading || everyone.loading,
    error: waiting.error ?? everyone.error,
    reload,
  }
}
