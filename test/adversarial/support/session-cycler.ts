// The child process of the crash test: the real services (createServices)
// over a real AES-256-GCM cipher and conf files, talking to the portal
// stand-in that runs in the parent. It is killed with SIGKILL at random
// moments; each run of it is a fresh app process on the files the last one
// left behind.
//
// 1. Loads the vault like a starting app (`L <fp> <recovered> <accounts>`).
// 2. Starts the services: a loaded account refreshes at once (its clock is
//    set to the stored expiry), and the first check says whether the refresh
//    token on disk still works at the portal (`R ok|lost|none|other:…`).
// 3. Signs in when there is no live session (`I`), then refreshes (with
//    rotation) and checks in a loop until killed.
//
// Every vault write is announced before it is sealed (`W <fp>`) and after it
// is on disk (`S <fp>`), and every request that carries a refresh token as it
// leaves (`U <fp>`): the parent checks that the app sends only a refresh
// token already on disk (or the one it replaced), never one whose write has
// not resolved. <fp> is a short SHA-256 of the refresh token, never the
// token: these lines go through the secret-hygiene search like all output.
// Lines go to a pipe, written synchronously on Linux, so the parent has each
// one before the kill can land after it.
//
// Usage: session-cycler <dir> <hex key> <portal url>
import { argv, exit, stdout } from 'node:process';
import type { AppPorts } from '../../../main/app-services';
import { systemClock, type Clock } from '../../../main/common/clock';
import { createConfDocumentStore } from '../../../main/common/document-store';
import type { Cipher } from '../../../main/vault/cipher';
import { createServices } from '../../../main/services';
import { playAuthorization } from '../../support/portal-client';
import { AesGcmCipher } from '../../support/aes-cipher';
import { demoPortalOf } from '../../support/demo-portal';
import { openVaultIn } from '../../support/vault-fixtures';
import { fingerprint } from './token-fingerprint';

const [dir, keyHex, portalUrl] = argv.slice(2);
if (!dir || !keyHex || !portalUrl) throw new Error('usage: session-cycler <dir> <key> <url>');

/** Lifetime the parent's stand-in gives access tokens; a refresh is due half-way. */
const STEP_MS = 31_000;

const say = (line: string): void => void stdout.write(`${line}\n`);

const cipher = new AesGcmCipher(Buffer.from(keyHex, 'hex'), { backend: 'gnome_libsecret' });

// 1. What a fresh process finds on disk.
const disk = await openVaultIn(dir, cipher);
const loaded = disk.listAccounts();
say(
  `L ${fingerprint(loaded[0]?.tokens.refreshToken)} ${disk.storageStatus().recovered ? 1 : 0} ${loaded.length}`,
);
await disk.dispose();

// The app's clock, moved forward by hand so that every check finds the refresh due.
let skew = Math.max(0, (loaded[0]?.expiresAt ?? 0) - Date.now());
const clock: Clock = { now: () => Date.now() + skew, setTimer: systemClock.setTimer };

let sealing = '-';
const announcingCipher: Cipher = {
  backend: cipher.backend,
  isEncryptionAvailable: () => cipher.isEncryptionAvailable(),
  decrypt: (sealed) => cipher.decrypt(sealed),
  async encrypt(plain) {
    const contents = JSON.parse(plain) as { accounts: { tokens: { refreshToken?: string } }[] };
    sealing = fingerprint(contents.accounts[0]?.tokens.refreshToken);
    say(`W ${sealing}`);
    // A key store answers in a later turn (Electron's async safeStorage, a
    // keyring over D-Bus): an app that goes on with the new tokens without
    // awaiting the write sends them before the `S`, and the parent sees it.
    await new Promise((resolve) => setImmediate(resolve));
    return cipher.encrypt(plain);
  },
};

/** Announces the refresh token a request carries (`U <fp>`) as it leaves, then sends it. */
const announcingFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const form = new URLSearchParams(
    typeof init?.body === 'string' || init?.body instanceof URLSearchParams ? init.body : '',
  );
  const refreshToken = url.searchParams.get('refresh_token') ?? form.get('refresh_token');
  if (refreshToken) say(`U ${fingerprint(refreshToken)}`);
  return fetch(input, init);
};
const opened: string[] = [];
const ports: AppPorts = {
  fetch: announcingFetch,
  cipher: announcingCipher,
  openExternal: async (url) => void opened.push(url),
  documentStore(name) {
    const store = createConfDocumentStore(dir, name);
    if (name !== 'vault') return store;
    return {
      path: store.path,
      read: () => store.read(),
      moveAside: (reason, now) => store.moveAside(reason, now),
      write(document) {
        store.write(document);
        say(`S ${sealing}`);
      },
    };
  },
  platform: 'linux',
  appInfo: {
    name: 'Netrex Connect',
    version: 'crash',
    platform: 'linux',
    languages: ['en'],
    demo: true,
  },
  managedConfigPath: `${dir}/managed.json`,
};
const services = await createServices(
  ports,
  // The stand-in is the parent's: closing the services leaves it running.
  demoPortalOf({ url: portalUrl, close: async () => undefined }),
  { clock, random: () => 0.5, env: {}, timeoutMs: 5_000 },
);

function fail(why: string): never {
  say(`E ${why}`);
  exit(1);
}

/** A check may end just as the next refresh (due at once on this clock) starts. */
const live = (state: string): boolean => state === 'connected' || state === 'refreshing';

async function check(id: string) {
  const answer = await services.handlers.checkNow(id);
  if (!answer.ok) fail(`checkNow refused: ${answer.error.code}`);
  return answer.value;
}

// 2. Does the session on disk still work?
let accountId = services.accounts()[0]?.id;
if (accountId) {
  const first = await check(accountId);
  if (live(first.state)) say('R ok');
  else if (first.state === 'expired' && first.lastError?.code === 'invalid_grant') {
    say('R lost');
    accountId = undefined;
  } else fail(`first check: ${first.state} ${first.lastError?.code ?? ''}`);
} else say('R none');

// 3. A new session when there is none, then refresh and check until killed.
if (!accountId) {
  const started = await services.handlers.signIn('demo');
  if (!started.ok) fail(`signIn refused: ${started.error.code}`);
  const location = await playAuthorization({ url: portalUrl }, opened.at(-1)!).catch(
    (error: unknown) => fail(`the portal did not redirect: ${String(error)}`),
  );
  await services.handleDeepLink(location);
  accountId = services.accounts().find((a) => a.state === 'connected')?.id;
  if (!accountId) fail('the sign-in did not connect');
  say('I');
}
for (;;) {
  skew += STEP_MS;
  const after = await check(accountId);
  if (!live(after.state)) fail(`loop: ${after.state} ${after.lastError?.code ?? ''}`);
}
