import type { WebContents } from 'electron'
import { CHANGE_CHANNEL, type ChangeNote } from '../shared/change-note'

/**
 * Electron: each committed step's note goes to the window (preload's `onChange`), as long as it
 * shows our own page; the loopback host streams the same notes as Server-Sent Events (host.ts).
 */
export function forwardChanges(
  changes: { subscribe(listener: (note: ChangeNote) => void): () => void },
  contents: WebContents,
  isOwnPage: (url: string) => boolean,
): void {
  const stop = changes.subscribe((note) => {
    if (!contents.isDestroyed() && isOwnPage(contents.getURL())) contents.send(CHANGE_CHANNEL, note)
  })
  contents.on('destroyed', stop)
}
