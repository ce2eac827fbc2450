/**
 * Change notes (docs/team-mode.md §6): every committed step says so, and the screens and the
 * in-memory caches follow. One feed per store, found by the store's queue (which a restore's
 * reopened SQLite store keeps). On SQLite the step wrapper publishes the note itself after the
 * commit; on PostgreSQL the step also sends it with `pg_notify` inside its transaction, so every
 * desk's listener (pg-listener.ts) gets it when, and only when, the step commits.
 */
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { ChangeNote } from '../../shared/change-note'
import type { StepQueue } from './step-queue'

/** The PostgreSQL channel every desk listens on. */
export const PG_CHANNEL = 'vierde_huis'

/** A note as it travels between desks: the note without `own`, with the program it came from. */
export interface WireNote extends Omit<ChangeNote, 'own' | 'everything'> {
  /** The feed (one program's store) that committed the step. */
  origin: string
}

type Listener = (note: ChangeNote) => void

/** pg_notify takes at most 8000 bytes; names and ids stay far below this. */
const MAX_TEXT = 200
const clip = (text: string | null): string | null =>
  text === null ? null : text.slice(0, MAX_TEXT)

let deskName: string | undefined
/** This computer's name, as the notes and the audit rows name the desk. */
export function deskOf(): string {
  deskName ??= (() => {
    try {
      return hostname()
    } catch {
      return 'onbekend'
    }
  })()
  return deskName
}

export class ChangeFeed {
  /** Tells this program's own notes apart from other desks' when they come back from the server. */
  readonly origin = randomUUID()
  /**
   * Goes up with every commit that may have changed what a cache holds: this program's own steps,
   * another desk's note, a reconnect after which notes may have been missed. A cache remembers the
   * generation it was built at, and is used again only while the generation is still that.
   */
  generation = 0
  /**
   * Whether every commit that matters reaches this feed. On SQLite always (this program is the
   * only writer; another program's commit is seen by SQLite's data_version). On PostgreSQL only
   * while the listener is connected: until then, and after it drops, caches must count afresh.
   */
  complete: boolean
  private readonly listeners = new Set<Listener>()

  constructor(complete: boolean) {
    this.complete = complete
  }

  /** `listener` gets every note from now on; the function returned stops that. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The note a step of this program sends (`pg_notify` on PostgreSQL, see audited.ts). */
  note(
    entry: { action: string | null; entity: string | null; id: string | null },
    officer: string,
  ): WireNote {
    return {
      action: clip(entry.action),
      entity: clip(entry.entity),
      id: clip(entry.id),
      officer: clip(officer) ?? '',
      desk: clip(deskOf()) ?? '',
      at: new Date().toISOString(),
      origin: this.origin,
    }
  }

  /** This program committed a step. */
  committed(note: WireNote): void {
    this.generation += 1
    this.publish(note, true)
  }

  /** A note from the server. This program's own came back too: it was already published. */
  received(note: WireNote): void {
    if (note.origin === this.origin) return
    this.generation += 1
    this.publish(note, false)
  }

  /** The listener is connected (again): notes may have been missed, so everything counts as changed. */
  connected(): void {
    this.complete = true
    this.generation += 1
    const now = new Date().toISOString()
    this.emit({
      action: null,
      entity: null,
      id: null,
      officer: '',
      desk: '',
      at: now,
      own: false,
      everything: true,
    })
  }

  /** The listener lost its connection: from now on nothing may be trusted to be up to date. */
  disconnected(): void {
    this.complete = false
    this.generation += 1
  }

  private publish(wire: WireNote, own: boolean): void {
    const { origin: _origin, ...note } = wire
    this.emit({ ...note, own })
  }

  private emit(note: ChangeNote): void {
    for (const listener of this.listeners) {
      try {
        listener(note)
      } catch (error) {
        // A window that went away, a closed stream: the others still get the note.
        console.warn('Wijzigingsmelding niet doorgegeven:', error)
      }
    }
  }
}

const feeds = new WeakMap<StepQueue, ChangeFeed>()

/** The store's feed, made on first use: complete on SQLite, waiting for its listener on PostgreSQL. */
export function changeFeed(store: {
  dialect: 'sqlite' | 'postgres'
  queue: StepQueue
}): ChangeFeed {
  let feed = feeds.get(store.queue)
  if (!feed) {
    feed = new ChangeFeed(store.dialect === 'sqlite')
    feeds.set(store.queue, feed)
  }
  return feed
}

/** A payload from the server as a note, or null when it is not one of ours. */
export function parseWireNote(payload: string | undefined): WireNote | null {
  if (!payload) return null
  let value: unknown
  try {
    value = JSON.parse(payload)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  const textOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string'
  if (
    !textOrNull(v['action']) ||
    !textOrNull(v['entity']) ||
    !textOrNull(v['id']) ||
    typeof v['officer'] !== 'string' ||
    typeof v['desk'] !== 'string' ||
    typeof v['at'] !== 'string' ||
    typeof v['origin'] !== 'string'
  )
    return null
  return {
    action: v['action'],
    entity: v['entity'],
    id: v['id'],
    officer: v['officer'],
    desk: v['desk'],
    at: v['at'],
    origin: v['origin'],
  }
}
