import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from '../shared/api'
import { SAVE_PDF_CHANNEL } from '../shared/save-pdf'
import type { Bridge } from './bridge'

const allowed = new Set(CHANNELS)

/** The renderer gets two functions, never ipcRenderer itself: the contract's channels, and printing itself to PDF. */
const bridge: Bridge = {
  invoke: (channel, input) => {
    if (!allowed.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid-input', message: `Onbekende opdracht: ${channel}` },
      })
    }
    return ipcRenderer.invoke(channel, input)
  },
  savePdf: (fileName) => ipcRenderer.invoke(SAVE_PDF_CHANNEL, fileName),
}

contextBridge.exposeInMainWorld('api', bridge)
