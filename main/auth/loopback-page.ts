// The page the browser shows after a loopback redirect, in the operator's
// language (the window's setting, else the OS's: services/index.ts resolves
// it). Fixed text only: nothing from the request, no script, no resource.
import type { LoopbackOutcome } from './loopback-listener';

export const LOOPBACK_PAGE_LANGUAGES = ['en', 'cs'] as const;
export type LoopbackPageLanguage = (typeof LOOPBACK_PAGE_LANGUAGES)[number];

interface PageWords {
  readonly title: string;
  readonly text: string;
}

const WORDS: Readonly<
  Record<LoopbackPageLanguage, Readonly<Record<LoopbackOutcome | 'notFound', PageWords>>>
> = {
  en: {
    connected: {
      title: 'Signed in',
      text: 'Netrex Connect is signed in. You can close this tab and return to the app.',
    },
    failed: {
      title: 'Sign-in not completed',
      text: 'Netrex Connect did not complete this sign-in. Return to the app to see why and what to do next.',
    },
    unknown: {
      title: 'Netrex Connect',
      text: 'You can close this tab and return to Netrex Connect.',
    },
    notFound: { title: 'Not found', text: 'This address is not used by Netrex Connect.' },
  },
  cs: {
    connected: {
      title: 'Přihlášeno',
      text: 'Netrex Connect je přihlášen. Tuto kartu můžete zavřít a vrátit se do aplikace.',
    },
    failed: {
      title: 'Přihlášení nebylo dokončeno',
      text: 'Netrex Connect toto přihlášení nedokončil. Vraťte se do aplikace: uvidíte, proč, a co dělat dál.',
    },
    unknown: {
      title: 'Netrex Connect',
      text: 'Tuto kartu můžete zavřít a vrátit se do Netrex Connect.',
    },
    notFound: { title: 'Nenalezeno', text: 'Tuto adresu Netrex Connect nepoužívá.' },
  },
};

/** The whole page for `outcome` (or an address the listener does not serve) in `language`. */
export function loopbackPage(
  outcome: LoopbackOutcome | 'notFound',
  language: LoopbackPageLanguage = 'en',
): string {
  const { title, text } = WORDS[language][outcome];
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head><body><h1>${title}</h1><p>${text}</p></body></html>`;
}
