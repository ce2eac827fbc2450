import { CHANGE_EVENTS_PATH, isChangeNote, type ChangeNote } from '../../../shared/change-note'

/**
 * Every committed step's note (docs/team-mode.md §6), from this desk and, in team mode, from the
 * others: inside Electron through the preload bridge, in a browser as Server-Sent Events from the
 * loopback host (the browser reconnects by itself when the stream drops). Returns the unsubscribe.
 */
export function subscribeChanges(listener: (note: ChangeNote) => void): () => void {
  if (window.api) return window.api.onChange(listener)
  if (typeof EventSource === 'undefined') return () => {}
  const source = new EventSource(CHANGE_EVENTS_PATH)
  source.onmessage = (event: MessageEvent<string>) => {
    let note: unknown
    try {
      note = JSON.parse(event.data)
    } catch {
      return
    }
    if (isChangeNote(note)) listener(note)
  }
  return () => source.close()
}
