/**
 * Team mode's store: a pool on the organisation's PostgreSQL, migrated at start. Every desk runs
 * the same migrations when it starts; an advisory lock makes the second desk wait until the first
 * has finished, and then find nothing left to do.
 */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { hostname } from 'node:os'
import pg from 'pg'
import { resourcePath, type Db } from './connection'
import * as pgSchema from './pg-schema'
import type { PgTarget } from './pg-url'
import { pgQueryable, StepQueue } from './step-queue'

export type PgDb = NodePgDatabase<typeof pgSchema>

export interface PgStore {
  dialect: 'postgres'
  /**
   * The services' query builder, rendered for PostgreSQL: drizzle's node-postgres database over
   * the shared table definitions, on a client that is the open step's connection inside a step
   * and the pool outside one (step-queue.ts).
   */
  db: Db
  /** The same pool typed with PostgreSQL's own tables: the copy from SQLite writes through it. */
  pgDb: PgDb
  /** Team mode needs no queue (the server isolates transactions); kept so callers need no branch. */
  queue: StepQueue
  pool: pg.Pool
  target: PgTarget
  /** Migrations this start applied: 0 when another desk (or an earlier start) already had. */
  migrationsApplied: number
  /**
   * The officer this desk's connections name in `pg_stat_activity.application_name` (see
   * applicationName); set again when the officer changes their name, taking effect on each
   * connection the next time the pool hands it out.
   */
  setOfficer(officer: string): void
  close(): Promise<void>
}

/**
 * Counts and sums are bigint or numeric in PostgreSQL, which pg hands over as text (they could
 * exceed 2^53). Ours never come near that: read them as numbers, as SQLite gives them. drizzle
 * falls back to pg's global parsers, so this is set once for the process.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))

/**
 * The key of the session-level advisory lock held while migrating. Any fixed 64-bit number would
 * do, as long as nothing else on the server uses it; these are 'VHMIGRAT' in ASCII.
 */
const MIGRATION_LOCK = 0x56484d4947524154n

export { BATCH_LOCK, PLACEMENT_KEY } from './lock-keys'

/** The table drizzle's pg migrator records each applied migration in. */
const MIGRATIONS_TABLE = 'drizzle.__drizzle_migrations'

/** How long a desk waits for a server that does not answer, before it says so. */
const CONNECT_TIMEOUT_MS = 5_000

/** PostgreSQL keeps 63 bytes of application_name (NAMEDATALEN - 1) and cuts the rest. */
const APPLICATION_NAME_BYTES = 63

/**
 * How a desk names its connections on the server: `vierde-huis: <officer>@<desk>`, the desk being
 * the computer's host name. `pg_stat_activity` then says who holds a lock (the quarter batch's
 * refusal names them) and the IT department sees which desk a connection belongs to. Cut to what
 * PostgreSQL keeps, on a character boundary, so the officer's name stays readable.
 */
export function applicationName(officer: string, desk: string = hostname()): string {
  // Only printable ASCII survives in application_name; anything else the server turns into '?'.
  const clean = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '?')
      .trim()
  const name = `vierde-huis: ${clean(officer) || 'onbekend'}@${clean(desk) || 'onbekend'}`
  return name.length > APPLICATION_NAME_BYTES ? name.slice(0, APPLICATION_NAME_BYTES) : name
}

export function createPool(
  target: PgTarget,
  max = 10,
  name: string = applicationName('onbekend'),
): pg.Pool & { deskName: string } {
  const pool = Object.assign(
    new pg.Pool({
      connectionString: target.url,
      max,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: name,
    }),
    { deskName: name },
  )
  // A changed name (the officer set theirs) reaches each connection when it is next handed out:
  // the SET is queued on the client before whatever the caller sends, so the step runs under it.
  const named = new WeakMap<pg.PoolClient, string>()
  pool.on('acquire', (client) => {
    const current = named.get(client) ?? name
    if (current === pool.deskName) return
    named.set(client, pool.deskName)
    client
      .query("SELECT set_config('application_name', $1, false)", [pool.deskName])
      .catch(() => named.delete(client))
  })
  // An idle connection the server drops (restart, network) must not take the app down with it;
  // the pool replaces it, and the next query reports a real failure to the officer.
  pool.on('error', (error) => console.warn(`PostgreSQL: ${describePgError(error, target)}`))
  return pool
}

async function appliedMigrations(client: pg.PoolClient): Promise<number> {
  const exists = await client.query<{ found: boolean }>(
    `SELECT to_regclass('${MIGRATIONS_TABLE}') IS NOT NULL AS found`,
  )
  if (!exists.rows[0]!.found) return 0
  const result = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${MIGRATIONS_TABLE}`,
  )
  return result.rows[0]!.n
}

/**
 * Applies the pending migrations under the advisory lock, on one connection (the lock belongs to
 * the session that took it). Returns how many this call applied.
 */
export async function migratePg(
  pool: pg.Pool,
  migrationsFolder = resourcePath('migrations-pg'),
): Promise<number> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      const before = await appliedMigrations(client)
      await migrate(drizzle({ client }), { migrationsFolder })
      return (await appliedMigrations(client)) - before
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
}

/** Opens team mode's store: a pool, and the schema brought up to date under the migration lock. */
export async function openPgStore(
  target: PgTarget,
  options: { migrationsFolder?: string; poolSize?: number; officer?: string } = {},
): Promise<PgStore> {
  const pool = createPool(target, options.poolSize, applicationName(options.officer ?? 'onbekend'))
  try {
    const migrationsApplied = await migratePg(pool, options.migrationsFolder)
    return {
      dialect: 'postgres',
      db: drizzle({ client: pgQueryable(pool) as pg.Pool }) as unknown as Db,
      pgDb: drizzle({ client: pool, schema: pgSchema }),
      queue: new StepQueue(),
      pool,
      target,
      migrationsApplied,
      setOfficer: (officer) => {
        pool.deskName = applicationName(officer)
      },
      close: () => pool.end(),
    }
  } catch (error) {
    await pool.end()
    throw new Error(describePgError(error, target), { cause: error })
  }
}

export type ConnectionReport =
  { ok: true; message: string; serverVersion: string } | { ok: false; message: string }

/**
 * Beheer → Database's "Verbinding testen": connects once, as the app would, and says in Dutch what
 * works or what is wrong (server, password, database, rights), without changing anything.
 */
export async function testPgConnection(target: PgTarget): Promise<ConnectionReport> {
  const client = new pg.Client({
    connectionString: target.url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'vierde-huis (verbindingstest)',
  })
  try {
    await client.connect()
    const { rows } = await client.query<{ version: string; may_create: boolean }>(
      `SELECT current_setting('server_version') AS version,
              has_schema_privilege('public', 'CREATE')
                AND has_database_privilege(current_database(), 'CREATE') AS may_create`,
    )
    // Debian and others append their build ("15.18 (Debian 15.18-0+deb12u1)"): the number says enough.
    const version = rows[0]!.version.split(' ')[0]!
    const mayCreate = rows[0]!.may_create
    if (!mayCreate) {
      return {
        ok: false,
        message:
          `Verbonden met PostgreSQL ${version}, maar gebruiker "${target.user}" mag in database ` +
          `"${target.database}" geen tabellen maken; dat is nodig om de database bij te werken. ` +
          `De beheerder geeft dat recht met GRANT CREATE ON DATABASE "${target.database}" TO ` +
          `"${target.user}" en GRANT CREATE ON SCHEMA public TO "${target.user}", of maakt die ` +
          `gebruiker eigenaar van de database.`,
      }
    }
    return {
      ok: true,
      serverVersion: version,
      message: `Verbonden met PostgreSQL ${version} op ${target.host}:${target.port}, database "${target.database}", als "${target.user}".`,
    }
  } catch (error) {
    return { ok: false, message: describePgError(error, target) }
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** A driver or server error as the officer (or the IT department) can act on it, in Dutch. */
export function describePgError(error: unknown, target: PgTarget): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string }
  const server = `${target.host}:${target.port}`
  switch (code) {
    case 'ECONNREFUSED':
      return `De PostgreSQL-server op ${server} weigert de verbinding. Draait de server, en klopt de poort?`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `De server "${target.host}" is niet gevonden. Klopt de naam in de database-URL?`
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `De server ${server} is niet bereikbaar. Staat hij aan, en laat het netwerk (firewall, VPN) de verbinding toe?`
    case '28P01':
      return `Het wachtwoord van gebruiker "${target.user}" klopt niet (server ${server}).`
    case '28000':
      return `De server ${server} laat gebruiker "${target.user}" niet toe tot database "${target.database}": ${message ?? ''}`
    case '3D000':
      return `Database "${target.database}" bestaat niet op ${server}. Laat de beheerder hem aanmaken (createdb).`
    case '42501':
      return `Gebruiker "${target.user}" heeft niet de nodige rechten in database "${target.database}": ${message ?? ''}`
  }
  if (message && /timeout/i.test(message)) {
    return `De server ${server} antwoordt niet binnen ${CONNECT_TIMEOUT_MS / 1000} seconden. Staat hij aan, en laat het netwerk de verbinding toe?`
  }
  return `PostgreSQL op ${server}: ${message ?? String(error)}`
}
