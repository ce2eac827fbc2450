import type { Dialog, IpcMain } from 'electron'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openRuntime } from '../../src/main/runtime'
import { registerWindowBridge } from '../../src/main/window-bridge'
import { CHOOSE_FOLDER_CHANNEL } from '../../src/shared/window-bridge'
import { useTempDir } from '../support/temp-db'

describe('the backup folder inside Electron', () => {
  const tempDir = useTempDir()

  it('is set only to a folder the officer picked in the system picker, not to a string from the page', async () => {
    const dir = tempDir()
    const picked = join(dir, 'gekozen')
    const typed = join(dir, 'getypt')
    mkdirSync(picked)
    mkdirSync(typed)
    const handlers = new Map<string, (event: unknown) => Promise<unknown>>()
    const ipcMain = { handle: (channel: string, fn: never) => handlers.set(channel, fn) }
    const dialog = {
      showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [picked] }),
    }
    registerWindowBridge(ipcMain as unknown as IpcMain, () => true, {
      dialog: dialog as unknown as Dialog,
      defaultFolder: () => dir,
      windowOf: () => null,
      databaseFile: () => join(dir, 'vierde-huis.db'),
    })
    const runtime = await openRuntime(join(dir, 'vierde-huis.db'), { startupTasks: false })
    const setFolder = async (folder: string) =>
      await runtime.routes.get('backups:setFolder')!({ folder })
    try {
      expect(await setFolder(typed)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: 'Kies de map met de knop Bladeren…' },
      })
      expect(await handlers.get(CHOOSE_FOLDER_CHANNEL)!({})).toEqual({
        ok: true,
        data: { folder: picked },
      })
      expect(await setFolder(picked)).toMatchObject({ ok: true, data: { folder: picked } })
      // A pick is used once: the page cannot set it again later by repeating the string.
      expect(await setFolder(picked)).toMatchObject({ ok: false })
    } finally {
      runtime.close()
    }
  })
})
