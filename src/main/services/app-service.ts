import { count } from 'drizzle-orm'
import type { AppInfo } from '../../shared/api'
import { careProviders, clients, corporations, dwellings } from '../db/schema'
import type { ServiceContext } from './context'

export function appInfo(ctx: ServiceContext): AppInfo {
  const { db } = ctx.store
  const countOf = (
    table: typeof corporations | typeof careProviders | typeof clients | typeof dwellings,
  ) => db.select({ n: count() }).from(table).get()?.n ?? 0
  const counts = {
    corporations: countOf(corporations),
    careProviders: countOf(careProviders),
    clients: countOf(clients),
    dwellings: countOf(dwellings),
  }
  return {
    version: ctx.version,
    databaseFile: ctx.store.file,
    officer: ctx.actor.officer,
    osUser: ctx.actor.osUser,
    counts,
    isEmpty: Object.values(counts).every((n) => n === 0),
  }
}

/** The officer's name goes into every audit event from now on; the OS user stays beside it. */
export function setOfficer(ctx: ServiceContext, name: string): AppInfo {
  ctx.actor = { ...ctx.actor, officer: name }
  return appInfo(ctx)
}
