// The window's one store, made and started by the first module the page
// evaluates (main.tsx imports it before anything else): its first bridge
// calls go out before React, i18next and the views are evaluated, so the
// main process answers while they are, not after.
import { AppStore } from './app-store';

export const store = new AppStore(window.netrex);
void store.start();
