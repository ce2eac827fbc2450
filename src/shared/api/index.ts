import { appApi } from './app'
import { auditApi } from './audit'
import { backupsApi } from './backups'
import type { Endpoint } from './endpoint'
import { clientsApi } from './clients'
import { deadlinesApi } from './deadlines'
import { dwellingsApi } from './dwellings'
import { exportsApi } from './exports'
import { importsApi } from './imports'
import { partnersApi } from './partners'
import { planningApi } from './planning'
import { presentingApi } from './presenting'
import { privacyApi } from './privacy'
import { reportsApi } from './reports'
import { shortlistsApi } from './shortlists'
import { simulationApi } from './simulation'
import { spreadingApi } from './spreading'

/** Every call the renderer can make. The client, preload allowlist, IPC and HTTP host derive from this. */
export const api = {
  ...appApi,
  ...partnersApi,
  ...planningApi,
  ...clientsApi,
  ...dwellingsApi,
  ...importsApi,
  ...shortlistsApi,
  ...presentingApi,
  ...deadlinesApi,
  ...spreadingApi,
  ...auditApi,
  ...backupsApi,
  ...privacyApi,
  ...exportsApi,
  ...reportsApi,
  ...simulationApi,
} as const
export type Api = typeof api
export type ApiName = keyof Api

export const endpoints: readonly Endpoint[] = Object.values(api)

/** Channel names must be unique: two endpoints on one channel would silently shadow each other. */
export function assertUniqueChannels(list: readonly Endpoint[]): void {
  const seen = new Set<string>()
  for (const { channel } of list) {
    if (seen.has(channel)) throw new Error(`Dubbel kanaal in het API-contract: ${channel}`)
    seen.add(channel)
  }
}
assertUniqueChannels(endpoints)

export const CHANNELS: readonly string[] = endpoints.map((e) => e.channel)

export * from './endpoint'
export * from './app'
export * from './partners'
export * from './planning'
export * from './clients'
export * from './dwellings'
export * from './imports'
export * from './shortlists'
export * from './presenting'
export * from './deadlines'
export * from './spreading'
export * from './audit'
export * from './backups'
export * from './privacy'
export * from './exports'
export * from './reports'
export * from './simulation'
