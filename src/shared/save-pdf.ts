import { z } from 'zod'

/**
 * "Opslaan als PDF" inside Electron: the page asks the main process to print itself to a PDF file
 * the officer chooses. Not part of the API contract, because only a window can be printed: the
 * loopback host has none, and a browser prints through its own dialog instead.
 */
export const SAVE_PDF_CHANNEL = 'window:savePdf'

/** The proposed file name only; where it goes is the officer's choice in the save dialog. */
export const SavePdfInput = z
  .string()
  .min(5)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+\.pdf$/i)

export interface SavedPdf {
  /** False when the officer closed the save dialog. */
  saved: boolean
  fileName?: string
}
