/**
 * Beheer → Database: the store in use, testing a PostgreSQL URL, and saving it for this desk's next
 * start (docs/team-mode.md §1). A password goes in with the URL the officer types and never comes
 * back out: every answer and every audit row shows the URL without it.
 */
import { hostname } from 'node:os'
import type { ConnectionTest, DatabaseInfo } from '../../shared/api/database'
import { ApiError } from '../../shared/api/endpoint'
import { testPgConnection } from '../db/pg-store'
import { DatabaseUrlError, parseDatabaseUrl, type PgTarget } from '../db/pg-url'
import { HOST_DESK_SETTING_TEXT, noDeskSetting } from '../desk-database'
import { recordEvent } from './audited'
import type { ServiceContext } from './context'

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** The PostgreSQL server's version without the distribution's build ("15.14 (Debian …)"). */
async function serverVersion(ctx: ServiceContext): Promise<string> {
  const { store } = ctx
  if (store.dialect === 'sqlite') {
    const version = store.sqlite.prepare('SELECT sqlite_version()').pluck().get() as string
    return `SQLite ${version}`
  }
  const { rows } = await store.pool.query<{ version: string }>(
    "SELECT current_setting('server_version') AS version",
  )
  return `PostgreSQL ${rows[0]!.version.split(' ')[0]!}`
}

const deskOf = (ctx: ServiceContext) => ctx.deskDatabase ?? noDeskSetting(HOST_DESK_SETTING_TEXT)

/** The saved URL as a target, or null; a file that cannot be read counts as nothing saved. */
function savedTarget(ctx: ServiceContext): PgTarget | null {
  try {
    const saved = deskOf(ctx).read()
    return saved === null ? null : parseDatabaseUrl(saved)
  } catch {
    return null
  }
}

export async function databaseInfo(ctx: ServiceContext): Promise<DatabaseInfo> {
  const { store } = ctx
  const desk = deskOf(ctx)
  const saved = savedTarget(ctx)
  const current = store.dialect === 'postgres' ? store.target.display : null
  let nextStart: string | null = null
  if (desk.canSave) {
    if (saved && saved.display !== current) nextStart = `PostgreSQL ${saved.display}`
    else if (!saved && current !== null) nextStart = 'het databasebestand van dit bureau'
  }
  return {
    store: store.dialect,
    location: store.dialect === 'sqlite' ? store.file : store.target.display,
    serverVersion: await serverVersion(ctx),
    nextStart,
    savedUrl: saved?.display ?? null,
    canSave: desk.canSave,
    where: desk.where,
  }
}

/** "Verbinding testen": a bad URL or a server that refuses is an answer, not an error. */
export async function testDatabaseUrl(url: string): Promise<ConnectionTest> {
  let target: PgTarget
  try {
    target = parseDatabaseUrl(url)
  } catch (error) {
    if (error instanceof DatabaseUrlError) {
      return { ok: false, message: error.message, serverVersion: null }
    }
    throw error
  }
  const report = await testPgConnection(target)
  return report.ok
    ? { ok: true, message: report.message, serverVersion: report.serverVersion }
    : { ok: false, message: report.message, serverVersion: null }
}

function refuseWhereNothingIsSaved(ctx: ServiceContext): void {
  const desk = deskOf(ctx)
  if (!desk.canSave) throw new ApiError('conflict', desk.where)
}

function write(ctx: ServiceContext, url: string | null): void {
  try {
    deskOf(ctx).write(url)
  } catch (error) {
    throw new ApiError('conflict', `De keuze kon niet worden bewaard: ${reason(error)}`)
  }
}

/**
 * Saves the URL for the next start, after testing it here and now: a URL that does not connect
 * (or whose user may not create the tables) is never saved, so a desk cannot lock itself out.
 */
export async function saveDatabaseUrl(ctx: ServiceContext, url: string): Promise<DatabaseInfo> {
  refuseWhereNothingIsSaved(ctx)
  let target: PgTarget
  try {
    target = parseDatabaseUrl(url)
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ApiError('invalid-input', error.message)
    throw error
  }
  const report = await testPgConnection(target)
  if (!report.ok) throw new ApiError('conflict', `Niet opgeslagen. ${report.message}`)
  write(ctx, target.url)
  await recordEvent(ctx, {
    action: 'database:choose',
    entityType: 'database',
    entityId: hostname(),
    summary: `Bureau ${hostname()} gebruikt vanaf de volgende start de teamdatabase ${target.display}`,
    details: { desk: hostname(), url: target.display, serverVersion: report.serverVersion },
  })
  return await databaseInfo(ctx)
}

/** Back to the desk's own file from the next start. */
export async function forgetDatabaseUrl(ctx: ServiceContext): Promise<DatabaseInfo> {
  refuseWhereNothingIsSaved(ctx)
  const before = savedTarget(ctx)
  write(ctx, null)
  if (before) {
    await recordEvent(ctx, {
      action: 'database:forget',
      entityType: 'database',
      entityId: hostname(),
      summary: `Bureau ${hostname()} gebruikt vanaf de volgende start weer zijn eigen databasebestand in plaats van ${before.display}`,
      details: { desk: hostname(), url: before.display },
    })
  }
  return await databaseInfo(ctx)
}
