// Shared steps of the view-level tests: open the renderer on fixed data in a
// language and a theme, find the words the window should show, save screenshots.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInstance, type TFunction } from 'i18next';
import type { Browser, Locator, Page } from 'playwright-core';
import type { BridgeHandlers } from '../../main/app-services';
import type { UserFacingError } from '../../main/ipc/contract';
import { cs } from '../../renderer/src/i18n/cs';
import { en } from '../../renderer/src/i18n/en';
import { errorText } from '../../renderer/src/views/error-text';
import { openRenderer, type RendererPage } from '../support/renderer-harness';
import type { RendererServer } from '../support/renderer-server';
import { NOW, fixedHandlers, type FixtureWorld } from './ui-fixtures';

export type Lang = 'en' | 'cs';
export type Theme = 'light' | 'dark';
export const LANGS: readonly Lang[] = ['en', 'cs'];
export const THEMES: readonly Theme[] = ['light', 'dark'];

export const SCREENS_DIR = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));

export interface ViewOptions {
  readonly server: RendererServer;
  readonly world: FixtureWorld;
  readonly overrides?: Partial<BridgeHandlers>;
  readonly lang?: Lang;
  readonly theme?: Theme;
  /**
   * `fixed`: Date.now() is always NOW (stable relative times and screenshots).
   * `manual`: time stands at NOW and moves only with `page.clock.runFor()`.
   */
  readonly clock?: 'fixed' | 'manual';
  readonly permissions?: readonly string[];
  /** The window's size; the harness's default is 1000×760. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

/** Opens the window on `world` and waits until its first screen is up. */
export async function openView(browser: Browser, options: ViewOptions): Promise<RendererPage> {
  const lang = options.lang ?? 'en';
  const osLanguages = lang === 'cs' ? ['cs-CZ', 'en-US'] : ['en-US'];
  options.world.appInfo = { ...options.world.appInfo, languages: osLanguages };
  const view = await openRenderer(browser, {
    server: options.server,
    handlers: fixedHandlers(options.world, options.overrides),
    locale: osLanguages[0],
    colorScheme: options.theme ?? 'light',
    permissions: options.permissions,
    viewport: options.viewport,
    beforeLoad: async (page) => {
      if (options.clock === 'manual') {
        // A minute early: pausing at a time the running fake clock already passed throws on a slow machine.
        await page.clock.install({ time: NOW - 60_000 });
        await page.clock.pauseAt(NOW);
      } else {
        await page.clock.setFixedTime(NOW);
      }
    },
  });
  // Fail fast: every step here is local and quick.
  view.page.setDefaultTimeout(5_000);
  await view.page.getByRole('navigation').waitFor();
  return view;
}

/** The window's words in `lang`, `{{name}}` filled in. */
export function say(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = lang === 'cs' ? cs : en;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`No text ${key} in ${lang}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

const translators = new Map<Lang, TFunction>();

/** The window's words in `lang` for an error of the main process (its errorText). */
export function sayError(lang: Lang, error: UserFacingError): string {
  let t = translators.get(lang);
  if (!t) {
    const i18n = createInstance();
    void i18n.init({
      lng: lang,
      resources: { en: { translation: en }, cs: { translation: cs } },
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    translators.set(lang, (t = i18n.t));
  }
  return errorText(t, error);
}

/** Waits (without sleeping) until the locator is visible. */
export async function shown(locator: Locator, timeout = 5_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

/**
 * Waits until focus is on a `tag` element (any by default) reading exactly
 * `text`, if given. After a bridge answer the window moves focus in an effect
 * that React runs after the new content is painted, so reading
 * document.activeElement as soon as that content shows would race it.
 */
export async function focused(
  page: Page,
  target: { readonly tag?: string; readonly text?: string },
  timeout = 5_000,
): Promise<void> {
  let focus = page.locator(`${target.tag ?? '*'}:focus`);
  if (target.text !== undefined) {
    const exact = target.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    focus = focus.filter({ hasText: new RegExp(`^${exact}$`) });
  }
  await focus.waitFor({ state: 'attached', timeout });
}

/**
 * The screen as it is now, in both themes: `check` in each (axe-core and the
 * like), then its screenshot; the page is left in the light theme.
 */
export async function inBothThemes(
  page: Page,
  name: string,
  lang: Lang,
  check: (theme: Theme) => Promise<void>,
): Promise<void> {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await check(theme);
    await saveScreen(page, name, lang, theme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

export async function saveScreen(
  page: Page,
  name: string,
  lang: Lang,
  theme: Theme,
): Promise<string> {
  const path = `${SCREENS_DIR}${name}.${lang}.${theme}.png`;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/** The visible text of the page (what an operator could read). */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}
