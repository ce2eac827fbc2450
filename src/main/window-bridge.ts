import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { basename, join } from 'node:path'
import type { ApiResult } from '../shared/api/endpoint'
import {
  CHOOSE_FOLDER_CHANNEL,
  SAVE_PDF_CHANNEL,
  SavePdfInput,
  type ChosenFolder,
  type SavedPdf,
} from '../shared/window-bridge'
import { systemErrorText } from './api/system-errors'
import { writeOutput } from './files/safe-output'
import type { SenderCheck } from './ipc'
import { recordPickedFolder, requirePickedFolders } from './services/picked-folders'

export interface WindowBridgeDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>
  /** Where the save dialog opens: the officer's Documents folder. */
  defaultFolder: () => string
  windowOf: (contents: WebContents) => BrowserWindow | null
  /** The database file in use (none in team mode): a PDF is never written over it or its companions. */
  databaseFile: () => string | undefined
}

const refused = (message: string): ApiResult<never> => ({
  ok: false,
  error: { code: 'invalid-input', message },
})

/**
 * The printable report saved as PDF through Electron: Chromium's own print engine with the page's
 * print stylesheet (A4, @page margins, no menu), into a file the officer picks. The same output as
 * Chromium's page.pdf() in the e2e tests, which is why those check what an officer gets here.
 */
export function registerWindowBridge(
  ipcMain: IpcMain,
  isTrusted: SenderCheck,
  deps: WindowBridgeDeps,
): void {
  registerChooseFolder(ipcMain, isTrusted, deps)
  ipcMain.handle(
    SAVE_PDF_CHANNEL,
    async (event: IpcMainInvokeEvent, input: unknown): Promise<ApiResult<SavedPdf>> => {
      if (!isTrusted(event)) return refused('Aanroep van een onbekende pagina geweigerd')
      const name = SavePdfInput.safeParse(input)
      if (!name.success) return refused('Ongeldige bestandsnaam voor de PDF')
      const options = {
        title: 'Rapport opslaan als PDF',
        defaultPath: join(deps.defaultFolder(), name.data),
        filters: [{ name: 'PDF-document', extensions: ['pdf'] }],
      }
      const owner = deps.windowOf(event.sender)
      const choice = await (owner
        ? deps.dialog.showSaveDialog(owner, options)
        : deps.dialog.showSaveDialog(options))
      if (choice.canceled || !choice.filePath) return { ok: true, data: { saved: false } }
      try {
        const pdf = await event.sender.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        })
        // The save dialog already asked before replacing a file, hence force.
        writeOutput(choice.filePath, pdf, { database: deps.databaseFile(), force: true })
      } catch (error) {
        const reason =
          systemErrorText(error) ?? (error instanceof Error ? error.message : String(error))
        return {
          ok: false,
          error: { code: 'conflict', message: `De PDF kon niet worden opgeslagen. ${reason}` },
        }
      }
      return { ok: true, data: { saved: true, fileName: basename(choice.filePath) } }
    },
  )
}

/**
 * Registered inside registerWindowBridge: the backup folder picked rather than typed. From here
 * on `backups:setFolder` takes only a folder picked here (see picked-folders.ts), so a page that
 * was tricked into calling it cannot point the backups at a folder of its own choosing.
 */
function registerChooseFolder(ipcMain: IpcMain, isTrusted: SenderCheck, deps: WindowBridgeDeps) {
  requirePickedFolders()
  ipcMain.handle(
    CHOOSE_FOLDER_CHANNEL,
    async (event: IpcMainInvokeEvent): Promise<ApiResult<ChosenFolder>> => {
      if (!isTrusted(event)) return refused('Aanroep van een onbekende pagina geweigerd')
      const options = {
        title: 'Map voor reservekopieën kiezen',
        properties: ['openDirectory' as const, 'createDirectory' as const],
      }
      const owner = deps.windowOf(event.sender)
      const choice = await (owner
        ? deps.dialog.showOpenDialog(owner, options)
        : deps.dialog.showOpenDialog(options))
      const folder = choice.canceled ? null : (choice.filePaths[0] ?? null)
      if (folder) recordPickedFolder(folder)
      return { ok: true, data: { folder } }
    },
  )
}
