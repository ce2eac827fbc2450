import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { registerIpc } from './ipc'
import { openRuntime, type Runtime } from './runtime'
import { hardenWebContents, windowOptions } from './window'

const rendererUrl = process.env['ELECTRON_RENDERER_URL']
let runtime: Runtime | undefined

/** `npm start` builds better-sqlite3 for Electron into .native/ so the Node build for the tests stays intact. */
function electronNativeBinding(): string | undefined {
  const candidate = join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node')
  return existsSync(candidate) ? candidate : undefined
}

function isTrustedSender(url: string | undefined): boolean {
  if (!url) return false
  return rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://')
}

function createWindow(): void {
  const window = new BrowserWindow(
    windowOptions(fileURLToPath(new URL('../preload/index.cjs', import.meta.url))),
  )
  window.once('ready-to-show', () => window.show())
  if (rendererUrl) void window.loadURL(rendererUrl)
  else void window.loadFile(fileURLToPath(new URL('../renderer/index.html', import.meta.url)))
}

function start(): void {
  const file = process.env['VIERDE_HUIS_DB'] ?? join(app.getPath('userData'), 'vierde-huis.db')
  try {
    runtime = openRuntime(file, {
      nativeBinding: electronNativeBinding(),
      migrationsFolder: join(app.getAppPath(), 'resources', 'migrations'),
    })
  } catch (error) {
    dialog.showErrorBox(
      'Database kan niet worden geopend',
      `${file}\n\n${error instanceof Error ? error.message : String(error)}\n\nEr is niets gewijzigd. Neem contact op met beheer.`,
    )
    app.quit()
    return
  }
  // No permission (camera, notifications, ...) is ever needed.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )
  registerIpc(ipcMain, runtime.routes, (event) => isTrustedSender(event.senderFrame?.url))
  createWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus())
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (url) => shell.openExternal(url)),
  )
  void app.whenReady().then(start)
  app.on('window-all-closed', () => {
    runtime?.close()
    app.quit()
  })
}
