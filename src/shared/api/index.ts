import { appApi } from './app'
import { auditApi } from './audit'
import { backupsApi } from './backups'
import { databaseApi } from './database'
import type { Endpoint } from './endpoint'
import { clientsApi } from './clients'
import { deadlinesApi } from './deadlines'
import { dwellingsApi } from './dwellings'
import { exportsApi } from './exports'
import { offersApi } from './offers'
import { partnersApi } from './partners'
import { planningApi } from './planning'
import { presentingApi } from './presenting'
import { privacyApi } from './privacy'
import { reportsApi } from './reports'
import { shortlistsApi } from './shortlists'
import { simulationApi } from './simulation'
import { spreadingApi } from './spreading'

/**
 * Every call the renderer can make, by domain: `api.dwellings.list`. Each domain's endpoints live in
 * src/shared/api/<domain>.ts and its handlers in src/main/api/domains/<domain>.ts. The client,
 * preload allowlist, IPC and HTTP host derive from this; the channel strings are what crosses.
 */
export const api = {
  app: appApi,
  partners: partnersApi,
  planning: planningApi,
  spreading: spreadingApi,
  clients: clientsApi,
  dwellings: dwellingsApi,
  shortlists: shortlistsApi,
  presenting: presentingApi,
  offers: offersApi,
  deadlines: deadlinesApi,
  audit: auditApi,
  backups: backupsApi,
  database: databaseApi,
  privacy: privacyApi,
  exports: exportsApi,
  reports: reportsApi,
  simulation: simulationApi,
} as const satisfies Contract

/** The shape of a contract: endpoints by name, by domain. */
export type Contract = Readonly<Record<string, Readonly<Record<string, Endpoint>>>>
export type Api = typeof api
export type DomainName = keyof Api

/** Every endpoint with where it lives in the contract, for code that walks them all. */
export function endpointsOf(
  contract: Contract,
): { domain: string; name: string; endpoint: Endpoint }[] {
  return Object.entries(contract).flatMap(([domain, named]) =>
    Object.entries(named).map(([name, endpoint]) => ({ domain, name, endpoint })),
  )
}

export const endpoints: readonly Endpoint[] = endpointsOf(api).map((e) => e.endpoint)

export const CHANNELS: readonly string[] = endpoints.map((e) => e.channel)

export * from './endpoint'
export * from './app'
export * from './partners'
export * from './planning'
export * from './clients'
export * from './dwellings'
export * from './imports'
export * from './shortlists'
export * from './offers'
export * from './presenting'
export * from './deadlines'
export * from './spreading'
export * from './audit'
export * from './backups'
export * from './database'
export * from './privacy'
export * from './exports'
export * from './reports'
export * from './simulation'
