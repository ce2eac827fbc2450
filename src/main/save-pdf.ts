import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ApiResult } from '../shared/api/endpoint'
import { SAVE_PDF_CHANNEL, SavePdfInput, type SavedPdf } from '../shared/save-pdf'
import type { SenderCheck } from './ipc'

export interface SavePdfDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>
  /** Where the save dialog opens: the officer's Documents folder. */
  defaultFolder: () => string
  windowOf: (contents: WebContents) => BrowserWindow | null
}

const refused = (message: string): ApiResult<SavedPdf> => ({
  ok: false,
  error: { code: 'invalid-input', message },
})

/**
 * The printable report saved as PDF through Electron: Chromium's own print engine with the page's
 * print stylesheet (A4, @page margins, no menu), into a file the officer picks. The same output as
 * Chromium's page.pdf() in the e2e tests, which is why those check what an officer gets here.
 */
export function registerSavePdf(ipcMain: IpcMain, isTrusted: SenderCheck, deps: SavePdfDeps): void {
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
        await writeFile(choice.filePath, pdf)
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'conflict',
            message: `De PDF kon niet worden opgeslagen: ${error instanceof Error ? error.message : String(error)}`,
          },
        }
      }
      return { ok: true, data: { saved: true, fileName: basename(choice.filePath) } }
    },
  )
}
