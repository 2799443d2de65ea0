// The Store port in the app: electron-store (conf underneath) in the user's
// data folder. Tests and the browser harness run the same adapter over plain
// conf in a temporary directory (main/common/document-store.ts).
//
// electron-store's constructor also answers one synchronous IPC message
// (`electron-store-get-data`: the data folder and app version) for renderer
// use of the library. Our renderer cannot send it: the preload exposes only
// the bridge, never ipcRenderer.
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import {
  confOptions,
  documentStoreOverConf,
  type DocumentStore,
  type JsonObject,
} from '../common/document-store';

export function electronStoreDocument(userData: string, name: string): DocumentStore {
  // electron-store names the file through `name` (it sets conf's configName from it).
  const { cwd, clearInvalidConfig, accessPropertiesByDotNotation, configFileMode } = confOptions(
    userData,
    name,
  );
  const options = { cwd, name, clearInvalidConfig, accessPropertiesByDotNotation, configFileMode };
  return documentStoreOverConf(() => new ElectronStore<JsonObject>(options), {
    path: join(userData, `${name}.json`),
  });
}
