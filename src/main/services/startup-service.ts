import { dailyBackup } from './backup-service'
import type { ServiceContext } from './context'
import { anonymiseExpired } from './privacy-service'

export interface StartupReport {
  /** The file name of today's backup when this start made it. */
  dailyBackup: string | null
  anonymised: number
  /** Dutch, for the log and Beheer: a task that failed must not keep the officer from working. */
  warnings: string[]
}

/**
 * What runs at every start: the first start of a day makes the daily backup (a later one finds it
 * and skips); clients past the retention period are anonymised (a no-op once done). Each task
 * fails on its own: a backup folder on a network drive that is offline must not block the app.
 */
export async function runStartupTasks(ctx: ServiceContext): Promise<StartupReport> {
  const report: StartupReport = { dailyBackup: null, anonymised: 0, warnings: [] }
  const attempt = async (what: string, task: () => Promise<void> | void) => {
    try {
      await task()
    } catch (error) {
      report.warnings.push(`${what}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  await attempt('Dagelijkse reservekopie', () => {
    report.dailyBackup = dailyBackup(ctx)?.name ?? null
  })
  await attempt('Anonimiseren na de bewaartermijn', async () => {
    report.anonymised = (await anonymiseExpired(ctx)).anonymised
  })
  for (const warning of report.warnings) console.warn(warning)
  return report
}
