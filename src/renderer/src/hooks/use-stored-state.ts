import { useCallback, useState } from 'react'

/**
 * useState that survives leaving the page: `session` for the app's run (which dwelling was open),
 * `local` across runs (a panel folded away). A value that cannot be read or written (storage
 * full, blocked, or from an older version) falls back to `initial`: it is a convenience, never data.
 */
export function useStoredState<T>(
  key: string,
  initial: T,
  where: 'session' | 'local',
): [T, (value: T) => void] {
  const storage = where === 'session' ? sessionStorage : localStorage
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = storage.getItem(key)
      return stored === null ? initial : (JSON.parse(stored) as T)
    } catch {
      return initial
    }
  })
  const store = useCallback(
    (next: T) => {
      setValue(next)
      try {
        if (next === undefined) storage.removeItem(key)
        else storage.setItem(key, JSON.stringify(next))
      } catch {
        // Not remembered; the screen still works.
      }
    },
    [key, storage],
  )
  return [value, store]
}
