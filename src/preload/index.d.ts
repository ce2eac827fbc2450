import type { Bridge } from './bridge'

declare global {
  interface Window {
    /** Present inside Electron; absent in a browser talking to the loopback host. */
    api?: Bridge
  }
}

export {}
