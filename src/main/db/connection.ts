import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { configuredBackupDir, makeBackup } from './backups'
import { ensureIdentity } from './identity'
import { checkIntegrity, DatabaseDamagedError, isDamageError } from './integrity'
import type { PgStore } from './pg-store'
import * as schema from './schema'
import { StepQueue } from './step-queue'

/**
 * The query builder the services write in. Its types are SQLite's; a PostgreSQL store's `db` is
 * drizzle's node-postgres database over the same table definitions, which renders the same
 * builders in its dialect at run time (the few differences live in dialect.ts). The repository and
 * service tests run against both stores, which is what holds that promise.
 */
export type Db = BetterSQLite3Database<typeof schema>
/**
 * A step's handle: the same connection, inside the transaction the step queue opened (see
 * step-queue.ts). Its own name says where a write belongs: services pass it to repositories.
 */
export type Tx = Db
export type DbOrTx = Db

/** The desk's SQLite file, or the team's PostgreSQL (pg-store.ts). */
export type Store = SqliteStore | PgStore

export interface SqliteStore {
  dialect: 'sqlite'
  db: Db
  /** Steps and exclusive reads on this connection, one at a time (see step-queue.ts). */
  queue: StepQueue
  /** The raw connection, for pragmas, backups and the rare statement drizzle cannot express. */
  sqlite: Database.Database
  file: string
  /** The backup made before migrations ran, if any. */
  migrationBackup: string | null
  /** True when this open created the file: there is nothing to back up yet. */
  created: boolean
  close(): void
}

export interface OpenOptions {
  migrationsFolder?: string
  /** Electron loads its own build of the native module (see scripts/electron-native.mjs). */
  nativeBinding?: string
  /** Where the pre-migration backup goes; defaults to the configured backup folder (see backups.ts). */
  backupDir?: string
  /** The queue of the store this one replaces (a restore reopens the file): waiting work stays in line. */
  queue?: StepQueue
}

/** A store's SQLite side, for the file mechanics (backups, pragmas) team mode leaves to the server. */
export function sqliteStore(store: Store): SqliteStore {
  if (store.dialect === 'sqlite') return store
  throw new Error(
    'In teamgebruik maakt de beheerder van de PostgreSQL-server de reservekopieën; ' +
      'deze handeling hoort bij een databasebestand op één bureau.',
  )
}

/** Finds `resources/<name>` from this module, whether it runs from src/ (tsx, vitest) or out/ (Electron). */
export function resourcePath(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(dir, 'resources', name)
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`Map resources/${name} niet gevonden`)
    dir = parent
  }
}

interface Journal {
  entries: { tag: string }[]
}

function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): number {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as Journal
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get()
  if (!hasTable) return journal.entries.length
  const applied = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
    n: number
  }
  return journal.entries.length - applied.n
}

/**
 * Closes after `PRAGMA optimize`: SQLite refreshes the statistics of the tables whose queries this
 * session would have planned better with them (cheap; nothing when nothing changed). A failure there
 * must not keep the file open.
 */
function closeOptimised(sqlite: Database.Database): void {
  // Closing twice is harmless (a test or a restore may close first): optimise only while open.
  if (!sqlite.open) return
  try {
    sqlite.pragma('optimize')
  } finally {
    sqlite.close()
  }
}

/**
 * Opens (or creates) the database: WAL, foreign keys on, and every committed migration applied.
 * An existing file with pending migrations is first copied aside, so a failed upgrade loses nothing.
 */
export function openStore(file: string, options: OpenOptions = {}): SqliteStore {
  const migrationsFolder = options.migrationsFolder ?? resourcePath('migrations')
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const existed = file !== ':memory:' && existsSync(file) && statSync(file).size > 0

  const sqlite = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  try {
    sqlite.pragma('journal_mode = WAL')
    // FULL: a commit is on disk (WAL synced) before the officer sees "opgeslagen", so the last
    // changes survive a power cut; NORMAL could lose them. Cost: scripts/bench-sync.ts.
    sqlite.pragma('synchronous = FULL')
    // Deleted and overwritten content is zeroed, so erased personal data is not left readable
    // in free pages of the file (AVG; see privacy-service.ts).
    sqlite.pragma('secure_delete = ON')
    sqlite.pragma('foreign_keys = ON')
    // Another process may hold the write lock for a moment (the CLI beside the app): wait, don't fail.
    sqlite.pragma('busy_timeout = 5000')

    // A damaged file is neither migrated nor used: the officer gets the way out (restore) instead.
    const problems = existed ? checkIntegrity(sqlite) : []
    if (problems.length > 0) throw new DatabaseDamagedError(file, problems)

    let migrationBackup: string | null = null
    if (existed && pendingMigrations(sqlite, migrationsFolder) > 0) {
      const dir = options.backupDir ?? configuredBackupDir(sqlite, file)
      migrationBackup = makeBackup(sqlite, file, dir, 'voor-migratie').path
    }
    const db = drizzle(sqlite, { schema })
    migrate(db, { migrationsFolder })
    ensureIdentity(sqlite)
    return {
      dialect: 'sqlite',
      db,
      queue: options.queue ?? new StepQueue(),
      sqlite,
      file,
      migrationBackup,
      created: !existed,
      close: () => closeOptimised(sqlite),
    }
  } catch (error) {
    sqlite.close()
    if (isDamageError(error)) {
      throw new DatabaseDamagedError(file, [error instanceof Error ? error.message : String(error)])
    }
    throw error
  }
}
