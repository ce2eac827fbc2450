/**
 * The Electron fuses of a packaged app: switches compiled into the Electron binary that no
 * command-line flag or environment variable can turn back. Without them, anyone who can start the
 * app could run it as plain Node (ELECTRON_RUN_AS_NODE), inject code (NODE_OPTIONS, --inspect),
 * or swap the app's code beside the binary, and so read the database with its special-category
 * data. scripts/apply-fuses.ts writes them into the packaged binary; tests/unit/electron-glue
 * reads them from here.
 */
export const ELECTRON_FUSES = {
  /** ELECTRON_RUN_AS_NODE would turn the app into a Node that runs any script. */
  RunAsNode: false,
  /** NODE_OPTIONS (--require, --import) would load foreign code into the main process. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect would open a debugger port into the main process. */
  EnableNodeCliInspectArguments: false,
  /** Cookies and other browser storage encrypted with the operating system's key. */
  EnableCookieEncryption: true,
  /** The app's code only from its app.asar, never from a loose folder placed beside it. */
  OnlyLoadAppFromAsar: true,
  /** app.asar checked against the hash embedded at packaging time (macOS, Windows). */
  EnableEmbeddedAsarIntegrityValidation: true,
} as const satisfies Record<string, boolean>

export type FuseName = keyof typeof ELECTRON_FUSES
