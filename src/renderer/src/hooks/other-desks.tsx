import { useEffect, useRef, useState } from 'react'
import type { ChangeNote } from '../../../shared/change-note'
import { subscribeChanges } from '../api/changes'
import { useDataVersion } from './data-version'

/**
 * The screens that refetch what they show when another desk changed something. Forms (Beheer) are
 * left alone, so nobody's typing is replaced; every page fetches afresh when it is opened anyway.
 */
const FOLLOWING: ReadonlySet<string> = new Set(['overzicht', 'voordrachten'])

/** Notes arriving within this time are one refetch (a batch, several desks at once). */
const GATHER_MS = 300
/** How long the hint stays. */
const HINT_MS = 12_000

/**
 * Follows other desks on the screen at `path`: a refetch of everything on it a moment after a
 * note (the data already shown stays until the new answer is there: no flicker, and selection,
 * scroll and open dialogs stay), and the latest note as a hint. This desk's own steps are left
 * out: the screen that made the step already refetched.
 */
export function useOtherDesks(path: string): ChangeNote | undefined {
  const { refreshAll } = useDataVersion()
  // A hint belongs to the screen it was shown on.
  const [hint, setHint] = useState<{ note: ChangeNote; path: string }>()
  const current = useRef(path)
  useEffect(() => {
    current.current = path
  }, [path])

  useEffect(() => {
    let gather: ReturnType<typeof setTimeout> | undefined
    let fade: ReturnType<typeof setTimeout> | undefined
    const stop = subscribeChanges((note) => {
      if (note.own && !note.everything) return
      if (!FOLLOWING.has(current.current)) return
      // At most one refetch per GATHER_MS, and never postponed for good by a steady stream.
      gather ??= setTimeout(() => {
        gather = undefined
        refreshAll()
      }, GATHER_MS)
      if (note.everything) return
      setHint({ note, path: current.current })
      clearTimeout(fade)
      fade = setTimeout(() => setHint(undefined), HINT_MS)
    })
    return () => {
      stop()
      clearTimeout(gather)
      clearTimeout(fade)
    }
  }, [refreshAll])

  return hint?.path === path ? hint.note : undefined
}
