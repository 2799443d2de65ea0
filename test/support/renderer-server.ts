// Serves the renderer's production build (out/renderer) on loopback, the way
// the app's own protocol handler does: only files under that folder, no
// traversal, and the app's Content-Security-Policy header.
import { readFile, realpath, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Disposable } from '../../main/common/lifecycle';
import { APP_CONTENT_SECURITY_POLICY } from '../../main/desktop/app-protocol-paths';
import { listenOnLoopback } from './loopback-server';

export const RENDERER_BUILD_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface RendererServer extends Disposable {
  readonly url: string;
  /** The policy sent as a header with every answer: the app's own (app-protocol-paths.ts). */
  readonly csp: string;
  /** The policy the build's index.html repeats in its meta tag. */
  readonly metaCsp: string;
  close(): Promise<void>;
}

/** The CSP the build's index.html declares in its meta tag. */
export function readBuildCsp(root = RENDERER_BUILD_DIR): string {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(
      `No renderer build at ${root}. Build it first: node scripts/build.mjs --renderer`,
    );
  }
  const html = readFileSync(indexFile, 'utf8');
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match?.[1]) throw new Error(`${indexFile} declares no Content-Security-Policy meta tag.`);
  return match[1];
}

export async function serveRenderer(root = RENDERER_BUILD_DIR): Promise<RendererServer> {
  const metaCsp = readBuildCsp(root);
  // The header the app:// handler sends, so the page here is held to the same policy.
  const csp = APP_CONTENT_SECURITY_POLICY;
  const realRoot = await realpath(root);
  const server = await listenOnLoopback((req, res) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, {
        'content-type': type,
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
    void (async () => {
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      } catch {
        return send(400, 'Bad path');
      }
      if (path.includes('\0')) return send(400, 'Bad path');
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(realRoot, `.${path}`);
      if (!file.startsWith(realRoot + sep)) return send(403, 'Outside the renderer build');
      try {
        // A symlink inside the build must not lead outside it either.
        const real = await realpath(file);
        if (!real.startsWith(realRoot + sep) || !(await stat(real)).isFile()) {
          return send(404, 'Not found');
        }
        const type = CONTENT_TYPES[extname(real)] ?? 'application/octet-stream';
        return send(200, await readFile(real), type);
      } catch {
        return send(404, 'Not found');
      }
    })();
  });
  return { url: `${server.url}/`, csp, metaCsp, close: server.close, dispose: server.close };
}
