import Database from 'better-sqlite3'
import type { SqliteStore, Store } from '../db/connection'
import { sqliteImageOfPostgres } from '../db/copy-from-postgres'
import { statementCachingDb } from '../demo/statement-cache'
import { StepQueue } from '../db/step-queue'

/**
 * A private in-memory copy of the database for one run: the real services write to it as they
 * would to the file, and nothing of it ever reaches the file. `serialize()` includes what is still
 * in the WAL, so the copy is the database as the app sees it.
 */
export function snapshot(sqlite: Database.Database): Buffer {
  const image = sqlite.serialize()
  // Header bytes 18–19 say "WAL"; an in-memory database cannot keep a WAL, so mark it as a
  // rollback-journal file, or SQLite refuses to read it (SQLITE_CANTOPEN).
  image[18] = 1
  image[19] = 1
  return image
}

export function memoryStore(image: Buffer, nativeBinding?: string): SqliteStore {
  const sqlite = new Database(image, nativeBinding ? { nativeBinding } : {})
  sqlite.pragma('foreign_keys = ON')
  return {
    dialect: 'sqlite',
    db: statementCachingDb(sqlite),
    queue: new StepQueue(),
    sqlite,
    file: ':memory:',
    migrationBackup: null,
    created: false,
    close: () => sqlite.close(),
  }
}

/**
 * Runs `work` on the SQLite store the model reads: the desk's own file, or in team mode an
 * in-memory copy of the team's PostgreSQL made for this job (and closed after it).
 */
export async function onSqlite<T>(
  store: Store,
  nativeBinding: string | undefined,
  work: (store: SqliteStore) => Promise<T>,
): Promise<T> {
  if (store.dialect === 'sqlite') return await work(store)
  const copy = memoryStore(await sqliteImageOfPostgres(store), nativeBinding)
  try {
    return await work(copy)
  } finally {
    copy.close()
  }
}
