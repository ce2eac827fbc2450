import { parseArgs, type ParseArgsConfig } from 'node:util'

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
