import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { ApiResult } from '../shared/api'
import type { Invoke } from './api/dispatch'

/** Only our own page may call: the app's index.html, or the dev server in development. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

/** One loop binds every channel of the contract; nothing is registered by hand. */
export function registerIpc(
  ipcMain: IpcMain,
  routes: Map<string, Invoke>,
  isTrusted: SenderCheck,
): void {
  for (const [channel, invoke] of routes) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrusted(event)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid-input', message: 'Aanroep van een onbekende pagina geweigerd' },
        })
      }
      return await invoke(input)
    })
  }
}
