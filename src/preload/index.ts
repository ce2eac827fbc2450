import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from '../shared/api'
import { CHANGE_CHANNEL, isChangeNote } from '../shared/change-note'
import { CHOOSE_FOLDER_CHANNEL, SAVE_PDF_CHANNEL } from '../shared/window-bridge'
import type { Bridge } from './bridge'

const allowed = new Set(CHANNELS)

/** The renderer gets functions, never ipcRenderer itself: the contract's channels, and the window's own PDF and folder picker. */
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
  chooseFolder: () => ipcRenderer.invoke(CHOOSE_FOLDER_CHANNEL),
  onChange: (listener) => {
    const forward = (_event: unknown, note: unknown) => {
      if (isChangeNote(note)) listener(note)
    }
    ipcRenderer.on(CHANGE_CHANNEL, forward)
    return () => void ipcRenderer.removeListener(CHANGE_CHANNEL, forward)
  },
}

contextBridge.exposeInMainWorld('api', bridge)
