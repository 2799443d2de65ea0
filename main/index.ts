// Composition root of the Electron app. (First landing: a hardened window
// showing the renderer; the services are wired in as they land.)
import { app, BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 960,
    height: 720,
    title: 'Netrex Connect',
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  void window.loadFile(fileURLToPath(new URL('../renderer/index.html', import.meta.url)));
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(createWindow);
  app.on('window-all-closed', () => app.quit());
}
