// Preload: exposes the typed bridge and nothing else (filled in with the IPC layer).
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('netrex', {});
