import { count } from 'drizzle-orm'
import type { AppInfo } from '../../shared/api'
import { careProviders, clients, corporations, dwellings } from '../db/schema'
import type { ServiceContext } from './context'

export async function appInfo(ctx: ServiceContext): Promise<AppInfo> {
  const { db } = ctx.store
  const countOf = async (
    table: typeof corporations | typeof careProviders | typeof clients | typeof dwellings,
  ) => (await db.select({ n: count() }).from(table).limit(1))[0]?.n ?? 0
  const counts = {
    corporations: await countOf(corporations),
    careProviders: await countOf(careProviders),
    clients: await countOf(clients),
    dwellings: await countOf(dwellings),
  }
  return {
    version: ctx.version,
    databaseFile: ctx.store.dialect === 'sqlite' ? ctx.store.file : ctx.store.target.display,
    store: ctx.store.dialect,
    officer: ctx.actor.officer,
    osUser: ctx.actor.osUser,
    counts,
    isEmpty: Object.values(counts).every((n) => n === 0),
  }
}

/** The officer's name goes into every audit event from now on; the OS user stays beside it. */
export async function setOfficer(ctx: ServiceContext, name: string): Promise<AppInfo> {
  ctx.actor = { ...ctx.actor, officer: name }
  // The server shows who is connected (and who holds the quarter's batch) by this name.
  if (ctx.store.dialect === 'postgres') ctx.store.setOfficer(name)
  return await appInfo(ctx)
}
