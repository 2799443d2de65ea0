// Serves the renderer from app://renderer instead of file:// (Electron's
// security checklist #18). The pure resolver (app-protocol-paths.ts) decides
// which file a request may read; this only reads it and answers.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_PROTOCOL, appResponseHeaders, resolveAppFile } from '../desktop/app-protocol-paths';

/**
 * Must run before `ready`. `standard` gives the page a real origin (relative
 * URLs, localStorage); `secure` makes it a secure context like https;
 * `codeCache` keeps V8's compiled bundle between starts, which Chromium does
 * for http(s) only unless a standard scheme asks (docs/api/session.md
 * setCodeCachePath; electron_api_protocol.cc refuses it without `standard`):
 * evaluating the bundle is most of the window's start (bench, issue 15). No
 * `bypassCSP`, no `corsEnabled`, no service workers: the page needs none.
 */
export function registerAppSchemePrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_PROTOCOL,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** After `ready`: answers app:// requests from files under `rendererRoot` only. */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_PROTOCOL, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const resolved = resolveAppFile(request.url, rendererRoot);
    if (resolved.kind === 'refused') {
      return new Response(`Refused: ${resolved.reason}`, { status: resolved.status });
    }
    try {
      const body = await readFile(resolved.path);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: appResponseHeaders(resolved.contentType),
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
