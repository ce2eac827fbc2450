import { BrowserWindow, type Session, type WebContents } from 'electron'
import { pathToFileURL } from 'node:url'

/** Sites an officer may open from the app, in the system browser; nothing else leaves the window. */
export const EXTERNAL_ALLOWLIST = ['https://www.hetvierdehuis.nl', 'https://www.utrecht.nl']

/**
 * The same policy as the meta tag in src/renderer/index.html (keep them in sync), also sent as a
 * header so it holds even for a page that lost its meta tag. style-src needs 'unsafe-inline' for
 * ag-grid's injected theme styles.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * The one window. The options are written out here, not built elsewhere, so electronegativity's
 * static checks can see every security preference on the constructor call.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  return new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Het Vierde Huis — Matching',
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click must not open a link in a new window behind the window-open handler's back.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  })
}

/**
 * Where the window's page comes from: the app's own index.html, or in a development build (never
 * in a packaged app) the dev server that `electron-vite dev` names in ELECTRON_RENDERER_URL. A
 * packaged app that honoured the variable would load any site with the preload's powers.
 */
export function rendererPage(
  indexFile: string,
  isPackaged: boolean,
  devServerUrl: string | undefined,
): string {
  return !isPackaged && devServerUrl ? devServerUrl : pathToFileURL(indexFile).href
}

/**
 * Only the app's own page may call the main process: the same file (any hash route it shows), or
 * in development the dev server's origin. Any other file:// page — a downloaded HTML file the
 * window was somehow steered to — is not trusted.
 */
export function isOwnPage(url: string | undefined, ownPage: string): boolean {
  if (!url) return false
  try {
    const page = new URL(url)
    const own = new URL(ownPage)
    if (own.protocol === 'file:')
      return page.protocol === 'file:' && page.pathname === own.pathname && page.host === own.host
    return page.origin === own.origin
  } catch {
    return false
  }
}

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && EXTERNAL_ALLOWLIST.includes(parsed.origin)
  } catch {
    return false
  }
}

/** No navigation away from the app and no new windows; allow-listed links open in the system browser. */
export function hardenWebContents(
  contents: WebContents,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  // The same for any frame inside the page, which will-navigate does not cover.
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void openExternal(url)
    return { action: 'deny' }
  })
}

/** No permission (camera, notifications, clipboard reading, ...) is ever needed; the CSP as a header. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
}
