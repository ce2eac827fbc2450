import { resolve } from 'node:path'

/**
 * Inside Electron the backup folder is set only through the system's folder picker, never by a
 * string the page makes up: the window bridge turns this on and records each folder the officer
 * picked, and `backups:setFolder` then accepts only such a folder, once. The browser host runs in
 * its own process and never turns it on; there a typed path gets the folder checks alone.
 */
const picked = new Set<string>()
let pickerOnly = false

export function requirePickedFolders(): void {
  pickerOnly = true
}

export function recordPickedFolder(folder: string): void {
  picked.add(resolve(folder))
}

/** True when the folder may be set: any folder outside Electron, else one just picked (used up). */
export function takePickedFolder(folder: string): boolean {
  return !pickerOnly || picked.delete(resolve(folder))
}
