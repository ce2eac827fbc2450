import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
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
import type { Runtime } from './runtime'
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

async function start(): Promise<void> {
  const file = process.env['VIERDE_HUIS_DB'] ?? join(app.getPath('userData'), 'vierde-huis.db')
  const opened = await openWithRecovery(
    file,
    {
      nativeBinding: electronNativeBinding(),
      migrationsFolder: join(app.getAppPath(), 'resources', 'migrations'),
      program: 'Het Vierde Huis (app)',
      // The first screen does not wait for the daily copy (0.4-0.6 s on ten years' data).
      backupInBackground: true,
    },
    dialog,
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
    databaseFile: () => opened.store.file,
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
    runtime?.close()
    app.quit()
  })
}
