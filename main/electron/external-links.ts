// The one and only call of shell.openExternal in the app (the static tests
// fail on any other): the system browser opens an address only after
// checkExternalUrl allowed it (the authorization URL of a sign-in in progress,
// https or the loopback stand-in).
import { shell } from 'electron';
import { checkExternalUrl, ExternalUrlRefusedError } from '../desktop/external-url-guard';

export async function openExternalGuarded(
  url: string,
  isAllowedByServices: (url: string) => boolean,
): Promise<void> {
  const verdict = checkExternalUrl(url, isAllowedByServices);
  if (!verdict.ok) throw new ExternalUrlRefusedError(verdict.reason);
  await shell.openExternal(verdict.url, { activate: true });
}
