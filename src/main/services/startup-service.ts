import { runExclusive } from '../db/step-queue'
import { dailyBackup, dailyBackupInSteps } from './backup-service'
import type { ServiceContext } from './context'
import { anonymiseExpired } from './privacy-service'

export interface StartupReport {
  /** The file name of today's backup when this start made it. */
  dailyBackup: string | null
  anonymised: number
  /** Dutch, for the log and Beheer: a task that failed must not keep the officer from working. */
  warnings: string[]
  /**
   * With the daily backup in the background: settles when it and the anonymisation after it are
   * done, with this report filled in.
   */
  done?: Promise<StartupReport>
}

export interface StartupOptions {
  /**
   * Make the daily backup in steps while the officer works (the app), instead of before the first
   * screen (the default: tests and the command line want the copy there when the start returns).
   */
  backupInBackground?: boolean
  /** Team mode: backups are the PostgreSQL server's business; only the anonymisation runs. */
  team?: boolean
}

/**
 * What runs at every start: the first start of a day makes the daily backup (a later one finds it
 * and skips); clients past the retention period are anonymised (a no-op once done), after the
 * backup, so the copy holds the day as it began. Each task fails on its own: a backup folder on a
 * network drive that is offline must not block the app.
 */
export async function runStartupTasks(
  ctx: ServiceContext,
  { backupInBackground = false, team = false }: StartupOptions = {},
): Promise<StartupReport> {
  const report: StartupReport = { dailyBackup: null, anonymised: 0, warnings: [] }
  const warn = (what: string, error: unknown) =>
    report.warnings.push(`${what}: ${error instanceof Error ? error.message : String(error)}`)
  const attempt = async (what: string, task: () => Promise<void> | void) => {
    try {
      await task()
    } catch (error) {
      warn(what, error)
    }
  }
  const BACKUP = 'Dagelijkse reservekopie'
  const anonymiseAndLog = async () => {
    await attempt('Anonimiseren na de bewaartermijn', async () => {
      report.anonymised = (await anonymiseExpired(ctx)).anonymised
    })
    for (const warning of report.warnings) console.warn(warning)
    return report
  }
  if (team) return await anonymiseAndLog()
  if (!backupInBackground) {
    await attempt(BACKUP, () => {
      report.dailyBackup = dailyBackup(ctx)?.name ?? null
    })
    return await anonymiseAndLog()
  }
  report.done = dailyBackupInSteps(ctx)
    .then(
      (made) => {
        report.dailyBackup = made?.name ?? null
      },
      (error: unknown) => warn(BACKUP, error),
    )
    // Beside the officer's calls by now: the anonymisation (reads, then its step) takes its turn.
    .then(async () => await runExclusive(ctx.store, anonymiseAndLog))
  return report
}
