// Node `--import` hook for the edge smoke test: every `import ... from
// 'electron'` of the process (the app's bundle, electron-store inside it)
// resolves to the typed double of Electron that NETREX_ELECTRON_DOUBLE_MODULE
// names (the double's child entry, bundled by the test). Synchronous
// in-thread hooks (module.registerHooks, Node 22.15+/23.5+), so the double and
// the app share one process and one module graph, as they do in Electron.
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const double = process.env.NETREX_ELECTRON_DOUBLE_MODULE;
if (!double) throw new Error('NETREX_ELECTRON_DOUBLE_MODULE names no double of Electron.');
const doubleUrl = pathToFileURL(double).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron' || specifier === 'electron/main') {
      return { url: doubleUrl, format: 'module', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
