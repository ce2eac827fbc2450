import { useEffect, useState } from 'react'
import { pathFromHash } from '../routes'

/**
 * Hash routing: every page has its own URL (#/woningen) that survives a reload and works both in
 * Electron (file:// has no server to answer deep links) and through the loopback host.
 */
export function useHashRoute(): string {
  const [path, setPath] = useState(() => pathFromHash(window.location.hash))
  useEffect(() => {
    const onChange = () => setPath(pathFromHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return path
}
