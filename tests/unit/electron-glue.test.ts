import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../src/shared/api'
import { CHANGE_CHANNEL } from '../../src/shared/change-note'
import { CHOOSE_FOLDER_CHANNEL, SAVE_PDF_CHANNEL } from '../../src/shared/window-bridge'
import { ELECTRON_FUSES } from '../../scripts/electron-fuses'

/** The app's own page, as index.ts finds it from its own location (src/main → src/renderer here). */
const ownPage = pathToFileURL(resolve('src/renderer/index.html')).href

/** A recording stand-in for Electron: every registration and window the glue makes is kept. */
const recorded = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
  instances: [] as { restore: () => void; focus: () => void }[],
  minimized: false,
  exposed: new Map<string, unknown>(),
  ipcRendererCalls: [] as [string, unknown][],
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  userData: '',
  /** The userData folder of the first start: the app's database lives there. */
  databaseFolder: '',
  permissionHandler: undefined as unknown,
  headersHandler: undefined as unknown,
  saveDialogAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  /** The page the window shows now (change notes go only to the app's own page). */
  shownPage: '',
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      send: vi.fn(),
      isDestroyed: () => false,
      getURL: () => recorded.shownPage,
    }
    record: { options: Record<string, unknown>; loaded: string[] }
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] }
      recorded.windows.push(this.record)
      recorded.instances.push(this)
    }
    once() {}
    show() {}
    focus = vi.fn()
    restore = vi.fn()
    isMinimized() {
      return recorded.minimized
    }
    loadFile(file: string) {
      this.record.loaded.push(file)
      return Promise.resolve()
    }
    loadURL(url: string) {
      this.record.loaded.push(url)
      return Promise.resolve()
    }
    static getAllWindows() {
      return recorded.instances
    }
    static fromWebContents() {
      return null
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      commandLine: { appendSwitch: vi.fn() },
      whenReady: () => Promise.resolve(),
      on: (name: string, fn: (...args: unknown[]) => void) => recorded.appEvents.set(name, fn),
      getPath: (name: string) => {
        if (name === 'userData' && !recorded.databaseFolder)
          recorded.databaseFolder = recorded.userData
        return recorded.userData
      },
      getAppPath: () => resolve('.'),
      quit: vi.fn(),
    },
    BrowserWindow,
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBoxSync: vi.fn(() => 1),
      showSaveDialog: vi.fn(() => Promise.resolve(recorded.saveDialogAnswer)),
      showOpenDialog: vi.fn(() =>
        Promise.resolve({ canceled: false, filePaths: ['\\\\server\\share\\reservekopieen'] }),
      ),
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) =>
        recorded.handlers.set(channel, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: unknown) => (recorded.permissionHandler = fn),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: (fn: unknown) => (recorded.headersHandler = fn) },
      },
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    // No keychain here: Beheer → Database's choice would be kept as typed (desk-database.ts).
    safeStorage: { isEncryptionAvailable: () => false },
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value),
    },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        recorded.ipcRendererCalls.push([channel, input])
        return Promise.resolve({ ok: true, data: null })
      },
    },
  }
})

describe('the Electron glue', () => {
  beforeEach(() => {
    recorded.userData = mkdtempSync(join(tmpdir(), 'vierde-huis-electron-'))
  })

  it('starts one hardened window and registers every channel of the contract with ipcMain', async () => {
    await import('../../src/main/index')
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1))

    const { webPreferences } = recorded.windows[0]!.options as {
      webPreferences: Record<string, unknown>
    }
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    })
    expect(String(webPreferences['preload'])).toMatch(/preload[\\/]index\.cjs$/)
    expect(recorded.windows[0]!.loaded[0]).toMatch(/renderer[\\/]index\.html$/)
    expect([...recorded.handlers.keys()].sort()).toEqual(
      [...CHANNELS, SAVE_PDF_CHANNEL, CHOOSE_FOLDER_CHANNEL].sort(),
    )
    expect(recorded.appEvents.has('web-contents-created')).toBe(true)
  })

  it('brings its window forward, restored, when the app is started a second time', async () => {
    await import('../../src/main/index')
    await vi.waitFor(() => expect(recorded.instances).toHaveLength(1))
    const window = recorded.instances[0]!
    recorded.minimized = true
    recorded.appEvents.get('second-instance')!()
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.focus).toHaveBeenCalledOnce()
  })

  it('answers IPC only for the app’s own page', async () => {
    await import('../../src/main/index')
    await vi.waitFor(() => expect(recorded.handlers.size).toBeGreaterThan(0))
    const info = recorded.handlers.get('app:info')!
    const trusted = await info({ senderFrame: { url: `${ownPage}#/woningen` } }, {})
    expect(trusted).toMatchObject({ ok: true })
    for (const url of [
      'https://example.com/',
      // Any other local page: a downloaded HTML file, another app's index.html.
      'file:///home/medewerker/Downloads/aanval.html',
      'file:///app/out/renderer/index.html',
      `${ownPage.replace('index.html', 'aanval.html')}`,
      undefined,
    ]) {
      const foreign = await info({ senderFrame: url === undefined ? null : { url } }, {})
      expect(foreign, String(url)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
  })

  it('exposes only an invoke function to the renderer, limited to the contract’s channels', async () => {
    await import('../../src/preload/index')
    const bridge = recorded.exposed.get('api') as {
      invoke: (c: string, i: unknown) => Promise<unknown>
    }
    expect(Object.keys(bridge)).toEqual(['invoke', 'savePdf', 'chooseFolder', 'onChange'])

    await bridge.invoke('app:info', {})
    expect(recorded.ipcRendererCalls).toEqual([['app:info', {}]])

    const refused = await bridge.invoke('fs:readFile', { path: '/etc/passwd' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(recorded.ipcRendererCalls).toHaveLength(1)
  })
})

describe('change notes to the window', () => {
  it('sends each committed step’s note to the window while it shows the app’s own page', async () => {
    recorded.shownPage = `${ownPage}#/voordrachten`
    await import('../../src/main/index')
    await vi.waitFor(() => expect(recorded.handlers.has('privacy:saveSettings')).toBe(true))
    const window = recorded.instances.at(-1) as unknown as {
      webContents: { send: ReturnType<typeof vi.fn> }
    }
    const save = recorded.handlers.get('privacy:saveSettings')!
    const event = { senderFrame: { url: ownPage } }
    expect(await save(event, { retentionMonths: 24 })).toMatchObject({ ok: true })
    expect(window.webContents.send).toHaveBeenCalledWith(
      CHANGE_CHANNEL,
      expect.objectContaining({ action: 'privacy:settings', own: true }),
    )

    window.webContents.send.mockClear()
    recorded.shownPage = 'https://example.com/'
    expect(await save(event, { retentionMonths: 36 })).toMatchObject({ ok: true })
    expect(window.webContents.send).not.toHaveBeenCalled()
  })
})

describe('the window’s own bridge: report as PDF, folder picker', () => {
  const sender = { printToPDF: vi.fn(() => Promise.resolve(Buffer.from('%PDF-1.7 rapport'))) }

  it('prints the page into the file the officer chose, and nothing when the dialog is closed', async () => {
    await import('../../src/main/index')
    await vi.waitFor(() => expect(recorded.handlers.has(SAVE_PDF_CHANNEL)).toBe(true))
    const savePdf = recorded.handlers.get(SAVE_PDF_CHANNEL)!
    const event = { senderFrame: { url: ownPage }, sender }

    recorded.saveDialogAnswer = { canceled: true, filePath: '' }
    expect(await savePdf(event, 'Kwartaalrapportage 3e kwartaal 2026.pdf')).toEqual({
      ok: true,
      data: { saved: false },
    })
    expect(sender.printToPDF).not.toHaveBeenCalled()

    const target = join(recorded.userData, 'rapport.pdf')
    recorded.saveDialogAnswer = { canceled: false, filePath: target }
    expect(await savePdf(event, 'Kwartaalrapportage 3e kwartaal 2026.pdf')).toEqual({
      ok: true,
      data: { saved: true, fileName: 'rapport.pdf' },
    })
    expect(sender.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4' }))
    expect(readFileSync(target, 'latin1')).toBe('%PDF-1.7 rapport')
  })

  it('picks the backup folder with the system picker, for the app’s own page only', async () => {
    await import('../../src/main/index')
    await vi.waitFor(() => expect(recorded.handlers.has(CHOOSE_FOLDER_CHANNEL)).toBe(true))
    const chooseFolder = recorded.handlers.get(CHOOSE_FOLDER_CHANNEL)!
    expect(await chooseFolder({ senderFrame: { url: ownPage }, sender }, undefined)).toEqual({
      ok: true,
      data: { folder: '\\\\server\\share\\reservekopieen' },
    })
    const foreign = await chooseFolder(
      { senderFrame: { url: 'https://example.com/' }, sender },
      undefined,
    )
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('refuses a foreign page and a file name that is a path', async () => {
    await import('../../src/main/index')
    await vi.waitFor(() => expect(recorded.handlers.has(SAVE_PDF_CHANNEL)).toBe(true))
    const savePdf = recorded.handlers.get(SAVE_PDF_CHANNEL)!
    const foreign = await savePdf(
      { senderFrame: { url: 'https://example.com/' }, sender },
      'rapport.pdf',
    )
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const path = await savePdf({ senderFrame: { url: ownPage }, sender }, '../../etc/x.pdf')
    expect(path).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})

describe('web contents hardening', () => {
  it('denies navigation and new windows, and opens only allow-listed links outside', async () => {
    const { hardenWebContents } = await import('../../src/main/window')
    const listeners = new Map<string, (event: { preventDefault: () => void }) => void>()
    let openHandler: ((details: { url: string }) => { action: string }) | undefined
    const contents = {
      on: (name: string, fn: (event: { preventDefault: () => void }) => void) =>
        listeners.set(name, fn),
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    }
    const opened: string[] = []
    hardenWebContents(contents as never, async (url) => void opened.push(url))

    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const event = { preventDefault: vi.fn() }
      listeners.get(name)!(event)
      expect(event.preventDefault, name).toHaveBeenCalled()
    }
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: 'https://www.hetvierdehuis.nl/contact' })).toEqual({
      action: 'deny',
    })
    expect(opened).toEqual(['https://www.hetvierdehuis.nl/contact'])
  })
})

describe('session hardening', () => {
  it('denies every permission request and sends the Content-Security-Policy as a header', async () => {
    await import('../../src/main/index')
    await vi.waitFor(() => expect(recorded.headersHandler).toBeDefined())
    const decide = vi.fn()
    ;(recorded.permissionHandler as (...args: unknown[]) => void)({}, 'media', decide)
    expect(decide).toHaveBeenCalledWith(false)

    let sent: Record<string, string[]> = {}
    ;(recorded.headersHandler as (details: unknown, callback: unknown) => void)(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      ({ responseHeaders }: { responseHeaders: Record<string, string[]> }) =>
        (sent = responseHeaders),
    )
    expect(sent['Content-Type']).toEqual(['text/html'])
    expect(sent['Content-Security-Policy']?.[0]).toMatch(/default-src 'self'; script-src 'self';/)
  })

  it('keeps the header policy equal to the page’s own meta policy', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../../src/main/window')
    const { readFileSync } = await import('node:fs')
    const html = readFileSync(resolve('src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    // frame-ancestors only works as a header, so the meta tag cannot carry it.
    expect(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')).toBe(meta)
  })

  it('opens only https links on the allowlist, whatever the URL looks like', async () => {
    const { isAllowedExternal } = await import('../../src/main/window')
    expect(isAllowedExternal('https://www.utrecht.nl/zorg')).toBe(true)
    expect(isAllowedExternal('http://www.utrecht.nl/')).toBe(false)
    expect(isAllowedExternal('https://www.utrecht.nl.evil.example/')).toBe(false)
    expect(isAllowedExternal('https://www.utrecht.nl@evil.example/')).toBe(false)
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false)
  })
})

describe('the page the window loads and trusts', () => {
  it('honours ELECTRON_RENDERER_URL only in a development build', async () => {
    const { rendererPage } = await import('../../src/main/window')
    const index = resolve('out/renderer/index.html')
    expect(rendererPage(index, false, 'http://localhost:5173/')).toBe('http://localhost:5173/')
    expect(rendererPage(index, true, 'https://aanvaller.example/')).toBe(pathToFileURL(index).href)
    expect(rendererPage(index, false, undefined)).toBe(pathToFileURL(index).href)
  })

  it('trusts the dev server by origin, and only it', async () => {
    const { isOwnPage } = await import('../../src/main/window')
    const dev = 'http://localhost:5173/'
    expect(isOwnPage('http://localhost:5173/#/beheer', dev)).toBe(true)
    expect(isOwnPage('http://localhost:5174/', dev)).toBe(false)
    expect(isOwnPage('http://localhost:5173.evil.example/', dev)).toBe(false)
    expect(isOwnPage('not a url', dev)).toBe(false)
  })

  it('refuses a PDF written over the database', async () => {
    await import('../../src/main/index')
    await vi.waitFor(() => expect(recorded.handlers.has(SAVE_PDF_CHANNEL)).toBe(true))
    const savePdf = recorded.handlers.get(SAVE_PDF_CHANNEL)!
    const sender = { printToPDF: vi.fn(() => Promise.resolve(Buffer.from('%PDF-1.7'))) }
    const database = join(recorded.databaseFolder, 'vierde-huis.db')
    const before = readFileSync(database)
    for (const target of [database, `${database}-wal`]) {
      recorded.saveDialogAnswer = { canceled: false, filePath: target }
      const result = await savePdf({ senderFrame: { url: ownPage }, sender }, 'rapport.pdf')
      expect(result).toMatchObject({ ok: false, error: { message: /Geweigerd/ } })
    }
    expect(readFileSync(database)).toEqual(before)
  })
})

describe('the Electron fuses of a packaged app', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect; turn on encryption and asar checks', () => {
    expect(ELECTRON_FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
    })
  })
})
