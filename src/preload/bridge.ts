import type { ApiResult } from '../shared/api/endpoint'
import type { SavedPdf } from '../shared/save-pdf'

/** What the preload puts on `window.api`: shared by preload and the renderer's client. */
export interface Bridge {
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>>
  /** Prints the current page to a PDF file the officer chooses (see src/main/save-pdf.ts). */
  savePdf(fileName: string): Promise<ApiResult<SavedPdf>>
}
