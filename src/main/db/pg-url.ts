/**
 * Where team mode's PostgreSQL is: the one place that reads VIERDE_HUIS_DATABASE_URL and checks a
 * URL before anything connects with it, so every caller (app, host, CLI, Beheer → Database) gives
 * the same Dutch message for the same mistake.
 */
export const DATABASE_URL_VARIABLE = 'VIERDE_HUIS_DATABASE_URL'

const EXAMPLE = 'postgres://gebruiker:wachtwoord@server:5432/database'

export interface PgTarget {
  /** The URL as given: it goes to the driver unchanged (sslmode and other parameters included). */
  url: string
  host: string
  port: number
  database: string
  user: string
  /** The URL without its password, for messages and logs. */
  display: string
}

export class DatabaseUrlError extends Error {
  constructor(readonly problem: string) {
    super(`${problem}. Verwacht: ${EXAMPLE}`)
    this.name = 'DatabaseUrlError'
  }
}

/** Checks a PostgreSQL URL; throws a DatabaseUrlError that says in Dutch what is wrong. */
export function parseDatabaseUrl(text: string): PgTarget {
  const trimmed = text.trim()
  let parsed: URL
  try {
    parsed = new URL(trimmed)
  } catch {
    throw new DatabaseUrlError(`"${redact(trimmed)}" is geen geldige database-URL`)
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseUrlError(
      `De database-URL moet met postgres:// beginnen, niet met ${parsed.protocol}//`,
    )
  }
  const host = parsed.hostname
  if (host === '') throw new DatabaseUrlError('In de database-URL ontbreekt de server')
  const port = parsed.port === '' ? 5432 : Number(parsed.port)
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''))
  if (database === '' || database.includes('/')) {
    throw new DatabaseUrlError('In de database-URL ontbreekt de naam van de database (na de /)')
  }
  const user = decodeURIComponent(parsed.username)
  if (user === '') throw new DatabaseUrlError('In de database-URL ontbreekt de gebruiker')
  return { url: trimmed, host, port, database, user, display: redact(trimmed) }
}

/**
 * The configured PostgreSQL, or null when the variable is unset: then the app uses its SQLite file,
 * as a single desk always has.
 */
export function configuredDatabaseUrl(env: NodeJS.ProcessEnv = process.env): PgTarget | null {
  const value = env[DATABASE_URL_VARIABLE]
  if (value === undefined || value.trim() === '') return null
  try {
    return parseDatabaseUrl(value)
  } catch (error) {
    if (error instanceof DatabaseUrlError) {
      throw new DatabaseUrlError(`${DATABASE_URL_VARIABLE}: ${error.problem}`)
    }
    throw error
  }
}

/**
 * The URL with its password left out altogether (not masked): what a command such as pg_dump can
 * be given as it is, asking for the password itself (or reading it from ~/.pgpass or PGPASSWORD).
 */
export function urlWithoutPassword(target: PgTarget): string {
  return target.url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1@')
}

function redact(text: string): string {
  return text.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@')
}
