/**
 * Which store a program opens at start (docs/team-mode.md §1): the desk's SQLite file, or the
 * team's PostgreSQL when VIERDE_HUIS_DATABASE_URL is set (or, in the app, when this desk saved a
 * URL in Beheer → Database). The app, the host (`npm run serve`) and the CLI all choose here, so
 * they refuse the same mistakes with the same Dutch words.
 */
import { resolve } from 'node:path'
import { configuredDatabaseUrl, DATABASE_URL_VARIABLE, parseDatabaseUrl } from './db/pg-url'
import type { PgTarget } from './db/pg-url'
import type { DeskDatabaseSetting } from './desk-database'
import { openRuntime, openTeamRuntime, type Runtime, type RuntimeOptions } from './runtime'

export type StoreChoice =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'postgres'
      target: PgTarget
      /** Where the URL came from: the environment variable or this desk's saved choice. */
      source: 'variable' | 'desk'
    }

/**
 * The host's and the CLI's choice: `--db <file>` or the variable, exactly one of them. `file` is
 * the option as given (undefined when absent); a relative path is taken from the working folder.
 */
export function chooseStore(
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  flag = '--db',
): StoreChoice {
  const target = configuredDatabaseUrl(env)
  const hasFile = file !== undefined && file !== ''
  if (target && hasFile) {
    throw new Error(
      `Geef ${flag} <bestand> óf ${DATABASE_URL_VARIABLE} op, niet allebei: met ${flag} werkt ` +
        `u op een databasebestand van één bureau, met ${DATABASE_URL_VARIABLE} ` +
        `(nu ${target.display}) op de PostgreSQL van het team. Laat er één weg.`,
    )
  }
  if (target) return { kind: 'postgres', target, source: 'variable' }
  if (!hasFile) {
    throw new Error(
      `Geef het databasebestand op met ${flag} <bestand>, of zet voor teamgebruik ` +
        `${DATABASE_URL_VARIABLE}=postgres://gebruiker:wachtwoord@server:5432/database`,
    )
  }
  return { kind: 'sqlite', file: resolve(file) }
}

/**
 * The app's choice: the variable wins (an IT department can set it for every desk); otherwise the
 * URL saved in Beheer → Database on this desk; otherwise the desk's own file (`VIERDE_HUIS_DB` or
 * the default in userData). The variable together with VIERDE_HUIS_DB is refused as in the CLI.
 */
export function chooseAppStore(
  env: NodeJS.ProcessEnv,
  defaultFile: string,
  desk: DeskDatabaseSetting,
): StoreChoice {
  const file = env['VIERDE_HUIS_DB']
  if (configuredDatabaseUrl(env)) return chooseStore(file, env, 'VIERDE_HUIS_DB')
  const saved = desk.read()
  if (saved !== null && (file === undefined || file === '')) {
    return { kind: 'postgres', target: parseDatabaseUrl(saved), source: 'desk' }
  }
  return { kind: 'sqlite', file: resolve(file || defaultFile) }
}

/** Where a program works, for its first line: the file, or the server without the password. */
export function describeChoice(choice: StoreChoice): string {
  return choice.kind === 'sqlite'
    ? `database: ${choice.file}`
    : `teamdatabase: ${choice.target.display}`
}

/**
 * Opens the chosen store with the app's routes and services. `migrationsFolder` is SQLite's;
 * PostgreSQL's comes from `pgMigrationsFolder` (default: resources/migrations-pg).
 */
export async function openChosenRuntime(
  choice: StoreChoice,
  options: RuntimeOptions & { pgMigrationsFolder?: string } = {},
): Promise<Runtime> {
  const { pgMigrationsFolder, ...sqliteOptions } = options
  if (choice.kind === 'sqlite') return await openRuntime(choice.file, sqliteOptions)
  return await openTeamRuntime(choice.target, {
    ...(options.context ? { context: options.context } : {}),
    ...(options.startupTasks === undefined ? {} : { startupTasks: options.startupTasks }),
    ...(pgMigrationsFolder ? { migrationsFolder: pgMigrationsFolder } : {}),
  })
}
