import type { BrowserWindowConstructorOptions, WebContents } from 'electron'

/** Sites an officer may open from the app, in the system browser; nothing else leaves the window. */
export const EXTERNAL_ALLOWLIST = ['https://www.hetvierdehuis.nl/', 'https://www.utrecht.nl/']

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
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
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  }
}

export function isAllowedExternal(url: string): boolean {
  return EXTERNAL_ALLOWLIST.some((prefix) => url.startsWith(prefix))
}

/** No navigation away from the app and no new windows; allow-listed links open in the system browser. */
export function hardenWebContents(
  contents: WebContents,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void openExternal(url)
    return { action: 'deny' }
  })
}
