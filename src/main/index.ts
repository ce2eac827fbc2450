import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { forwardChanges } from './change-bridge'
import { registerIpc } from './ipc'
import { registerWindowBridge } from './window-bridge'
import { openWithRecovery } from './open-database'
import { openTeamRuntime, type Runtime, type RuntimeOptions } from './runtime'
import { DATABASE_URL_VARIABLE, configuredDatabaseUrl } from './db/pg-url'
import { deskSettingFile, noDeskSetting, type DeskDatabaseSetting } from './desk-database'
import { chooseAppStore, type StoreChoice } from './store-choice'
import {
  createMainWindow,
  hardenSession,
  hardenWebContents,
  isAllowedExternal,
  isOwnPage,
  rendererPage,
} from './window'
import { loadAssignmentSolver } from './matching/highs-solver'

const ownPage = rendererPage(
  fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
  app.isPackaged,
  process.env['ELECTRON_RENDERER_URL'],
)
let runtime: Runtime | undefined

/** `npm start` builds better-sqlite3 for Electron into .native/ so the Node build for the tests stays intact. */
function electronNativeBinding(): string | undefined {
  const candidate = join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node')
  return existsSync(candidate) ? candidate : undefined
}

function createWindow(): BrowserWindow {
  const window = createMainWindow(fileURLToPath(new URL('../preload/index.cjs', import.meta.url)))
  window.once('ready-to-show', () => window.show())
  if (ownPage.startsWith('file:')) void window.loadFile(fileURLToPath(ownPage))
  else void window.loadURL(ownPage)
  return window
}

/**
 * Where this desk keeps its choice of store (Beheer → Database): database.json in userData, the URL
 * encrypted with the system's keychain when Electron has one. With VIERDE_HUIS_DATABASE_URL set
 * the variable decides, and nothing is saved here.
 */
function deskDatabaseSetting(): DeskDatabaseSetting {
  if (configuredDatabaseUrl() !== null) {
    return noDeskSetting(
      `Op deze computer is ${DATABASE_URL_VARIABLE} gezet; die bepaalt de database en gaat voor ` +
        'wat hier wordt opgeslagen. Laat de beheerder de variabele aanpassen of weghalen.',
    )
  }
  const codec = safeStorage.isEncryptionAvailable()
    ? {
        encrypt: (text: string) => safeStorage.encryptString(text).toString('base64'),
        decrypt: (stored: string) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
      }
    : undefined
  return deskSettingFile(join(app.getPath('userData'), 'database.json'), codec)
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Opens the store this desk chose: its SQLite file (with the offer to restore a damaged one), or
 * the team's PostgreSQL. A team database that cannot be reached offers the desk's own file for
 * this start, so an officer is never locked out of Beheer → Database by a saved URL.
 */
async function openChosen(
  choice: StoreChoice,
  options: RuntimeOptions,
  deskFile: string,
): Promise<Runtime | null> {
  if (choice.kind === 'sqlite') return await openWithRecovery(choice.file, options, dialog)
  try {
    return await openTeamRuntime(choice.target, {
      context: options.context ?? {},
      migrationsFolder: join(app.getAppPath(), 'resources', 'migrations-pg'),
    })
  } catch (error) {
    const choiceMade = dialog.showMessageBoxSync({
      type: 'error',
      title: 'Teamdatabase niet bereikbaar',
      message: `De teamdatabase ${choice.target.display} kan niet worden geopend.`,
      detail: `${describe(error)}\n\nEr is niets gewijzigd.`,
      buttons:
        choice.source === 'desk'
          ? ['Afsluiten', 'Dit keer het databasebestand van dit bureau openen']
          : ['Afsluiten'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    })
    if (choiceMade !== 1) return null
    return await openWithRecovery(deskFile, options, dialog)
  }
}

async function start(): Promise<void> {
  const deskFile = join(app.getPath('userData'), 'vierde-huis.db')
  const desk = deskDatabaseSetting()
  let choice: StoreChoice
  try {
    choice = chooseAppStore(process.env, deskFile, desk)
  } catch (error) {
    dialog.showErrorBox('Database kan niet worden gekozen', describe(error))
    return app.quit()
  }
  const opened = await openChosen(
    choice,
    {
      nativeBinding: electronNativeBinding(),
      migrationsFolder: join(app.getAppPath(), 'resources', 'migrations'),
      program: 'Het Vierde Huis (app)',
      // The first screen does not wait for the daily copy (0.4-0.6 s on ten years' data).
      backupInBackground: true,
      context: { deskDatabase: desk },
    },
    deskFile,
  )
  if (!opened) return app.quit()
  runtime = opened
  hardenSession(session.defaultSession)
  const trusted = (event: IpcMainInvokeEvent) => isOwnPage(event.senderFrame?.url, ownPage)
  registerIpc(ipcMain, opened.routes, trusted)
  registerWindowBridge(ipcMain, trusted, {
    dialog,
    defaultFolder: () => app.getPath('documents'),
    windowOf: (contents) => BrowserWindow.fromWebContents(contents),
    databaseFile: () => (opened.store.dialect === 'sqlite' ? opened.store.file : undefined),
  })
  // Screens follow what other desks (team mode) and this desk's steps changed.
  forwardChanges(opened.changes, createWindow().webContents, (url) => isOwnPage(url, ownPage))
}

/** Only allow-listed https links reach the system browser (checked again right before opening). */
function openExternal(url: string): Promise<void> {
  return isAllowedExternal(url) ? shell.openExternal(url) : Promise.resolve()
}

// Dutch dates and number formats in native inputs, whatever the computer's language.
app.commandLine.appendSwitch('lang', 'nl-NL')

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // A second start (a double click on the icon while the app runs) brings this window forward.
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0]
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal))
  // The assignment solver (WebAssembly) loads once, before the first workflow step can need it.
  void app
    .whenReady()
    .then(loadAssignmentSolver)
    .then(async () => await start())
  app.on('window-all-closed', () => {
    // A PostgreSQL pool ends when its connections are given back; quit after that.
    void Promise.resolve(runtime?.close()).finally(() => app.quit())
  })
}
