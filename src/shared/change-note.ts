/**
 * A change note: a workflow step was committed, on this desk or on another one sharing the team's
 * PostgreSQL (docs/team-mode.md §6). The screens that follow other desks refetch what they show
 * when one arrives; the main process drops what it keeps in memory for speed.
 */
export interface ChangeNote {
  /** The step's first audit action ("shortlist:present"), or null for a step that records none. */
  action: string | null
  /** What it was about: the audit row's entity type and id ("dwelling", "12"), when it names one. */
  entity: string | null
  id: string | null
  /** Who acted: the officer's own name, and the desk (host name). */
  officer: string
  desk: string
  /** When the step was committed (ISO). */
  at: string
  /**
   * True when the step ran in this program (the desk's own window or another tab of its host):
   * the screen refetches but shows no hint.
   */
  own: boolean
  /**
   * True when notes may have been missed (the listener lost its connection and is back): every
   * screen and every cache treats everything as changed.
   */
  everything?: boolean
}

/** Electron: the main process sends each note to the window on this channel (preload → renderer). */
export const CHANGE_CHANNEL = 'changes:note'

/** The loopback host: a stream of notes as Server-Sent Events (GET, same origin only). */
export const CHANGE_EVENTS_PATH = '/events/changes'

/** Whether `value` has the shape of a note (what arrives over IPC or HTTP is checked before use). */
export function isChangeNote(value: unknown): value is ChangeNote {
  if (typeof value !== 'object' || value === null) return false
  const note = value as Record<string, unknown>
  const textOrNull = (v: unknown) => v === null || typeof v === 'string'
  return (
    textOrNull(note['action']) &&
    textOrNull(note['entity']) &&
    textOrNull(note['id']) &&
    typeof note['officer'] === 'string' &&
    typeof note['desk'] === 'string' &&
    typeof note['at'] === 'string' &&
    typeof note['own'] === 'boolean'
  )
}
