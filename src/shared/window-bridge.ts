import { z } from 'zod'

/**
 * What only an Electron window can do, beside the API contract: print itself to a PDF file and open
 * the system's folder picker. Not in the contract because the loopback host has no window; in a
 * browser the page prints through the browser's own dialog, and a folder is typed as a path.
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

/** "Bladeren…" for the backup folder inside Electron: the system's folder picker. */
export const CHOOSE_FOLDER_CHANNEL = 'window:chooseFolder'

export interface ChosenFolder {
  /** Null when the officer closed the picker. */
  folder: string | null
}
