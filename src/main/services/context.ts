import { userInfo } from 'node:os'
import type { Store } from '../db/connection'

/** Who is acting: the officer's own name (chosen in the app) and the operating-system account. */
export interface Actor {
  officer: string
  osUser: string
}

export interface ServiceContext {
  store: Store
  actor: Actor
  version: string
  /** Today's date; injectable so tests and the demo are deterministic. */
  now: () => Date
}

export function osUserName(): string {
  try {
    return userInfo().username
  } catch {
    return 'onbekend'
  }
}

export function createContext(
  store: Store,
  overrides: Partial<Omit<ServiceContext, 'store'>> = {},
): ServiceContext {
  const osUser = osUserName()
  return {
    store,
    actor: overrides.actor ?? { officer: osUser, osUser },
    version: overrides.version ?? '0.1.0',
    now: overrides.now ?? (() => new Date()),
  }
}
