import type { ApiResult } from '../shared/api/endpoint'
import type { ChangeNote } from '../shared/change-note'
import type { ChosenFolder, SavedPdf } from '../shared/window-bridge'

/** What the preload puts on `window.api`: shared by preload and the renderer's client. */
export interface Bridge {
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>>
  /** Prints the current page to a PDF file the officer chooses (see src/main/window-bridge.ts). */
  savePdf(fileName: string): Promise<ApiResult<SavedPdf>>
  /** The system's folder picker (for the backup folder). */
  chooseFolder(): Promise<ApiResult<ChosenFolder>>
  /** Every committed step's note (docs/team-mode.md §6); the function returned stops listening. */
  onChange(listener: (note: ChangeNote) => void): () => void
}
