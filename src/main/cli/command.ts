import { existsSync } from 'node:fs'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { urlWithoutPassword } from '../db/pg-url'
import { TEAM_BACKUP_REFUSAL } from '../services/backup-service'
import { chooseStore, type StoreChoice } from '../store-choice'

export interface Command {
  name: string
  usage: string
  description: string
  /** Returns the exit code; throws with a Dutch message on failure. */
  run(args: string[], io: CommandIo): number | Promise<number>
}

/** The two streams a command writes to: the process's own from the shell, captured ones in tests. */
export interface Streams {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
}

/** How a command prints: results on stdout, problems and progress on stderr. */
export interface CommandIo {
  log(line: string): void
  error(line: string): void
  /** Rewrites the current stderr line (end it with `error('')`). */
  progress(text: string): void
}

export function commandIo({ stdout, stderr }: Streams): CommandIo {
  return {
    log: (line) => stdout.write(`${line}\n`),
    error: (line) => stderr.write(`${line}\n`),
    progress: (text) => stderr.write(`\r${text}`),
  }
}

/** parseArgs with Dutch messages for the mistakes people make most. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const unknown = /Unknown option '([^']+)'/.exec(message)
    if (unknown) throw new Error(`Onbekende optie: ${unknown[1]}`)
    throw new Error(`Ongeldige opties: ${message}`)
  }
}

export function requireOption(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`Geef ${flag} <waarde> op`)
  return value
}

/**
 * How CLI commands open the database: under the lock (a command must not write beside the app),
 * named so a refusal says who holds it; without the daily start-up tasks, which belong to the app.
 */
export const CLI_RUNTIME = {
  program: 'de opdrachtregel (npm run cli)',
  startupTasks: false,
} as const

/**
 * The store a command works on: `--db <bestand>`, or the team's PostgreSQL when
 * VIERDE_HUIS_DATABASE_URL is set; both given, or neither, is refused (store-choice.ts). A file
 * that does not exist is refused too: a command never creates an empty database by a typo.
 */
export function commandStore(db: string | undefined, env: NodeJS.ProcessEnv = process.env) {
  const choice = chooseStore(db, env)
  if (choice.kind === 'sqlite' && !existsSync(choice.file))
    throw new Error(`Database ${choice.file} bestaat niet`)
  return choice
}

/** The file `--out` must never overwrite: the database itself, when it is a file. */
export function databaseFileOf(choice: StoreChoice): string | undefined {
  return choice.kind === 'sqlite' ? choice.file : undefined
}

/** The file-only commands (backup, backups, restore) in team mode: what to do instead. */
export function refuseTeamBackup(choice: StoreChoice): asserts choice is StoreChoice & {
  kind: 'sqlite'
} {
  if (choice.kind === 'postgres') {
    throw new Error(
      `${TEAM_BACKUP_REFUSAL}: de app maakt in teamgebruik geen reservekopieën en zet geen bestand ` +
        `terug. Een reservekopie maakt de beheerder met pg_dump --format=custom ` +
        `--file=vierde-huis.dump ${urlWithoutPassword(choice.target)}`,
    )
  }
}
