// Secret hygiene for the whole suite: everything the app and the tests let
// out — log output (console, stdout/stderr of this process and of every
// child), error messages, what is sent to the renderer (handler answers and
// events), the bytes of every vault file — is kept here and searched, once
// the file's tests are done, for every secret the portal stand-ins issued or
// received and every secret the tests configured.
//
// Each test file runs in its own worker with its own instance of this
// module; setup.ts installs the capture and runs the search after the file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderStandIn } from '../../support/provider';
import { encodedForms, readableLayers } from '../../support/vault-fixtures';

export const CHANNELS = ['logs', 'logfile', 'errors', 'renderer', 'vault'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface HygieneReport {
  /** Distinct secrets searched for (each in its raw, JSON and URL-encoded forms). */
  readonly secrets: number;
  readonly searched: Record<Channel, { texts: number; chars: number }>;
  /** Where a secret was found: the channel and what kind of secret, never the secret. */
  readonly hits: readonly { channel: Channel; kind: string; at: number }[];
}

/** Below this, a "secret" is a word (a stand-in password such as "operator"). */
const MIN_SECRET_LENGTH = 8;
const KEY = 12;

export class Hygiene {
  readonly #texts: Record<Channel, string[]> = {
    logs: [],
    logfile: [],
    errors: [],
    renderer: [],
    vault: [],
  };
  readonly #lazy: { channel: Channel; read: () => readonly string[] }[] = [];
  readonly #portals = new Set<ProviderStandIn>();
  readonly #configured = new Set<string>();
  readonly #errors = new Set<string>();

  log(text: string): void {
    this.#texts.logs.push(text);
  }

  /** Whether some captured log output contains `text` (to check the capture itself). */
  logged(text: string): boolean {
    return this.#texts.logs.some((line) => line.includes(text));
  }

  /** An error or refusal the app produced: its code, message and detail. */
  error(error: unknown): void {
    const text =
      error && typeof error === 'object'
        ? JSON.stringify({
            ...(error as object),
            message: (error as { message?: unknown }).message,
            detail: (error as { detail?: unknown }).detail,
          })
        : String(error);
    // Property runs refuse the same way thousands of times: keep each text once.
    if (!this.#errors.has(text)) {
      this.#errors.add(text);
      this.#texts.errors.push(text);
    }
  }

  /** Something that crossed the bridge (a Result, an event payload). */
  renderer(value: unknown): void {
    this.#texts.renderer.push(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /** A list that keeps growing (a rig's transcript), read when the search runs. */
  watch(channel: Channel, read: () => readonly string[]): void {
    this.#lazy.push({ channel, read });
  }

  /**
   * The vault files in an app data directory (the vault, its storage choice,
   * copies set aside, leftovers of killed writes), as bytes (latin1), and
   * every base64 string in them decoded (a "sealed" blob that is only
   * encoded is found). Other files there (a managed configuration holds IT's
   * client secret in clear, by design) are not the vault's.
   */
  vaultFiles(dir: string): void {
    for (const name of readdirSync(dir)) {
      if (!/^vault[.-]/.test(name)) continue;
      const path = join(dir, name);
      // A 100 MB sparse file from the bad-config tests is not a vault anyone wrote.
      if (!statSync(path).isFile() || statSync(path).size > 1024 * 1024) continue;
      const [bytes, ...decoded] = readableLayers(readFileSync(path));
      this.#texts.vault.push(bytes!.toString('latin1'));
      for (const layer of decoded) this.#texts.vault.push(layer.toString('utf8'));
    }
  }

  /**
   * The app's log folder (main.log and its archives): every file's text, and
   * every base64 or base64url run in it decoded (a secret only encoded is
   * still a leak).
   */
  logFiles(dir: string): void {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const text = readFileSync(path, 'utf8');
      this.#texts.logfile.push(text);
      for (const [run] of text.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)) {
        const base64 = run.replace(/-/g, '+').replace(/_/g, '/');
        this.#texts.logfile.push(Buffer.from(base64, 'base64').toString('utf8'));
      }
    }
  }

  trackPortal(portal: ProviderStandIn): void {
    this.#portals.add(portal);
  }

  /** Secrets the tests made up (client secrets typed, API tokens pasted). */
  configured(...secrets: string[]): void {
    for (const secret of secrets) this.#configured.add(secret);
  }

  secrets(): string[] {
    const all = new Set(this.#configured);
    for (const portal of this.#portals) {
      const passwords = new Set(portal.config.users.map((user) => user.password));
      for (const secret of portal.issued()) if (!passwords.has(secret)) all.add(secret);
    }
    return [...all].filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  }

  scan(): HygieneReport {
    const secrets = this.secrets();
    const index = new SecretIndex(secrets);
    const texts = { ...this.#texts };
    for (const { channel, read } of this.#lazy) texts[channel] = [...texts[channel], ...read()];
    const searched = {} as HygieneReport['searched'];
    const hits: { channel: Channel; kind: string; at: number }[] = [];
    for (const channel of CHANNELS) {
      let chars = 0;
      for (const text of texts[channel]) {
        chars += text.length;
        for (const hit of index.find(text)) hits.push({ channel, ...hit });
      }
      searched[channel] = { texts: texts[channel].length, chars };
    }
    return { secrets: secrets.length, searched, hits };
  }
}

/**
 * Finds any of many secrets in a text in one pass: secrets are indexed by
 * their first KEY characters, and every position of the text is looked up.
 */
export class SecretIndex {
  readonly #byHead = new Map<string, string[]>();
  readonly #short: string[] = [];
  readonly #kind = new Map<string, string>();

  constructor(secrets: readonly string[]) {
    secrets.forEach((secret, n) => {
      // The stand-in's prefixes say what a token is; anything else is named by number.
      const kind = /^nxs_[a-z]+_/.exec(secret)?.[0] ?? `secret #${n + 1}`;
      const forms = new Set([...encodedForms(secret), encodeURIComponent(secret)]);
      for (const form of forms) {
        this.#kind.set(form, kind);
        if (form.length < KEY) this.#short.push(form);
        else {
          const head = form.slice(0, KEY);
          const list = this.#byHead.get(head) ?? [];
          list.push(form);
          this.#byHead.set(head, list);
        }
      }
    });
  }

  *find(text: string): Generator<{ kind: string; at: number }> {
    for (const form of this.#short) {
      const at = text.indexOf(form);
      if (at >= 0) yield { kind: this.#kind.get(form)!, at };
    }
    for (let at = 0; at + KEY <= text.length; at++) {
      const list = this.#byHead.get(text.slice(at, at + KEY));
      if (!list) continue;
      for (const form of list) {
        if (text.startsWith(form, at)) yield { kind: this.#kind.get(form)!, at };
      }
    }
  }
}

export const hygiene = new Hygiene();
