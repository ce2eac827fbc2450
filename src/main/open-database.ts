import { basename } from 'node:path'
import { DatabaseDamagedError } from './db/integrity'
import { lastGoodBackup, restoreLastGoodBackup } from './recovery'
import type { SqliteStore } from './db/connection'
import { openRuntime, type Runtime, type RuntimeOptions } from './runtime'

/** The two dialog calls this needs; Electron's `dialog` fits, tests pass a stand-in. */
export interface StartupDialogs {
  showErrorBox(title: string, content: string): void
  showMessageBoxSync(options: {
    type: 'error' | 'info'
    title: string
    message: string
    detail?: string
    buttons?: string[]
    defaultId?: number
    cancelId?: number
    noLink?: boolean
  }): number
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Opens the app's database at start-up, and when it is damaged offers exactly one way out: put the
 * last good backup back (the damaged file is kept beside it). Null means: nothing to do but quit.
 */
export async function openWithRecovery(
  file: string,
  options: RuntimeOptions,
  dialogs: StartupDialogs,
): Promise<Runtime<SqliteStore> | null> {
  try {
    return await openRuntime(file, options)
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) {
      dialogs.showErrorBox(
        'Database kan niet worden geopend',
        `${file}\n\n${describe(error)}\n\nEr is niets gewijzigd.`,
      )
      return null
    }
    const backup = lastGoodBackup(file, options)
    if (!backup) {
      dialogs.showErrorBox(
        'Database beschadigd',
        `${error.message}\n\nEr is geen bruikbare reservekopie gevonden. Neem contact op met beheer.`,
      )
      return null
    }
    const choice = dialogs.showMessageBoxSync({
      type: 'error',
      title: 'Database beschadigd',
      message: 'Het databasebestand is beschadigd.',
      detail:
        `${error.message}\n\nDe laatste goede reservekopie is ${basename(backup)}. ` +
        'Wat daarna is ingevoerd, moet opnieuw worden ingevoerd. Het beschadigde bestand wordt bewaard.',
      buttons: ['Laatste goede reservekopie terugzetten', 'Afsluiten'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    })
    if (choice !== 0) return null
    try {
      const result = await restoreLastGoodBackup(file, options)
      const runtime = await openRuntime(file, options)
      dialogs.showMessageBoxSync({
        type: 'info',
        title: 'Reservekopie teruggezet',
        message: `${basename(result.restoredFrom)} is teruggezet.`,
        detail: result.keptAs ? `Het beschadigde bestand is bewaard als ${result.keptAs}.` : '',
      })
      return runtime
    } catch (restoreError) {
      dialogs.showErrorBox(
        'Terugzetten mislukt',
        `${describe(restoreError)}\n\nNeem contact op met beheer.`,
      )
      return null
    }
  }
}
