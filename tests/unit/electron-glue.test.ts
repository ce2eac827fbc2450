import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../src/shared/api'

/** A recording stand-in for Electron: every registration and window the glue makes is kept. */
const recorded = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
  exposed: new Map<string, unknown>(),
  ipcRendererCalls: [] as [string, unknown][],
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  userData: '',
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() }
    record: { options: Record<string, unknown>; loaded: string[] }
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] }
      recorded.windows.push(this.record)
    }
    once() {}
    show() {}
    focus() {}
    loadFile(file: string) {
      this.record.loaded.push(file)
      return Promise.resolve()
    }
    loadURL(url: string) {
      this.record.loaded.push(url)
      return Promise.resolve()
    }
    static getAllWindows() {
      return []
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on: (name: string, fn: (...args: unknown[]) => void) => recorded.appEvents.set(name, fn),
      getPath: () => recorded.userData,
      getAppPath: () => resolve('.'),
      quit: vi.fn(),
    },
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) =>
        recorded.handlers.set(channel, fn),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn() } },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
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
    expect([...recorded.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    expect(recorded.appEvents.has('web-contents-created')).toBe(true)
  })

  it('answers IPC only for the app’s own page', async () => {
    await import('../../src/main/index')
    await vi.waitFor(() => expect(recorded.handlers.size).toBeGreaterThan(0))
    const info = recorded.handlers.get('app:info')!
    const trusted = await info({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, {})
    expect(trusted).toMatchObject({ ok: true })
    const foreign = await info({ senderFrame: { url: 'https://example.com/' } }, {})
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('exposes only an invoke function to the renderer, limited to the contract’s channels', async () => {
    await import('../../src/preload/index')
    const bridge = recorded.exposed.get('api') as {
      invoke: (c: string, i: unknown) => Promise<unknown>
    }
    expect(Object.keys(bridge)).toEqual(['invoke'])

    await bridge.invoke('app:info', {})
    expect(recorded.ipcRendererCalls).toEqual([['app:info', {}]])

    const refused = await bridge.invoke('fs:readFile', { path: '/etc/passwd' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(recorded.ipcRendererCalls).toHaveLength(1)
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

    const event = { preventDefault: vi.fn() }
    listeners.get('will-navigate')!(event)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: 'https://www.hetvierdehuis.nl/contact' })).toEqual({
      action: 'deny',
    })
    expect(opened).toEqual(['https://www.hetvierdehuis.nl/contact'])
  })
})
