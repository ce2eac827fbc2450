import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from '../shared/api'
import type { Bridge } from './bridge'

const allowed = new Set(CHANNELS)

/** The renderer gets one function, never ipcRenderer itself, and only the contract's channels. */
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
}

contextBridge.exposeInMainWorld('api', bridge)
