import { useEffect } from 'react'
import { hrefOf, SECTIONS } from '../routes'

/**
 * Alt+1..6 jump to the sections. Matches on `event.code` (the physical key), because on macOS
 * Alt+1 types "¡" and `event.key` would never be "1".
 */
export function useSectionShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      const match = /^Digit([1-9])$/.exec(event.code)
      const section = match ? SECTIONS[Number(match[1]) - 1] : undefined
      if (!section) return
      event.preventDefault()
      window.location.hash = hrefOf(section.path)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
