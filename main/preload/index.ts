// The preload: runs in the sandboxed renderer before the page and exposes the
// typed bridge as `window.netrex` — the contract's members and nothing else.
// Electron's security checklist (#3, #20): context isolation on, and no raw
// ipcRenderer (nor any other Electron API) handed to the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'netrex',
  buildBridge(
    (channel, args) => ipcRenderer.invoke(channel, ...args),
    (channel, onPayload) => {
      const listener = (_event: IpcRendererEvent, payload: unknown) => onPayload(payload);
      ipcRenderer.on(channel, listener);
      return () => {
        ipcRenderer.removeListener(channel, listener);
      };
    },
  ),
);
