import { hostname, userInfo } from 'node:os'
import type { Store } from '../db/connection'
import type { DeskDatabaseSetting } from '../desk-database'

/**
 * Who is acting: the officer's own name (chosen in the app), the operating-system account and the
 * desk (host name): in team mode several desks share one database, and the audit trail says which.
 */
export interface Actor {
  officer: string
  osUser: string
  /** Filled by createContext when the caller leaves it out (this machine's host name). */
  desk?: string
}

/**
 * What owns the store: a restore must close the database, put another file in its place and open
 * it again, and only the runtime that opened it can do that (with the lock still held).
 */
export interface StoreOwner {
  migrationsFolder: string
  /** Electron's build of better-sqlite3, for opening a backup to check it. */
  nativeBinding?: string
  /** Closes the store, runs `replace` while no connection is open, and opens the file again. */
  reopen(replace: (file: string) => void): void
}

/** `S`: the store kind, when the caller knows it (a test on a file, the simulation's copies). */
export interface ServiceContext<S extends Store = Store> {
  store: S
  /** Absent when a store was opened without a runtime (some tests): restore is then refused. */
  owner?: StoreOwner
  actor: Actor
  version: string
  /** Today's date; injectable so tests and the demo are deterministic. */
  now: () => Date
  /** Where this desk keeps its choice of store (Beheer → Database); absent: nothing is saved here. */
  deskDatabase?: DeskDatabaseSetting
}

export function osUserName(): string {
  try {
    return userInfo().username
  } catch {
    return 'onbekend'
  }
}

/** This machine's name, as the audit trail records the desk. */
export function deskName(): string {
  try {
    return hostname() || 'onbekend'
  } catch {
    return 'onbekend'
  }
}

export function createContext<S extends Store>(
  store: S,
  overrides: Partial<Omit<ServiceContext, 'store'>> = {},
): ServiceContext<S> {
  const osUser = osUserName()
  return {
    store,
    actor: { desk: deskName(), ...(overrides.actor ?? { officer: osUser, osUser }) },
    version: overrides.version ?? '0.1.0',
    now: overrides.now ?? (() => new Date()),
    ...(overrides.owner ? { owner: overrides.owner } : {}),
    ...(overrides.deskDatabase ? { deskDatabase: overrides.deskDatabase } : {}),
  }
}
