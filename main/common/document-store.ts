// The Store port: one JSON document on disk, replaced atomically on every
// write (conf writes a temporary file, flushes it and renames it over the old
// one, so a crash leaves the old or the new content, never a torn file).
//
// In the app the document is an electron-store (a subclass of conf, made in
// main/electron); in tests and in Node the same adapter runs over conf in a
// temporary directory.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Conf from 'conf';

export type JsonObject = Record<string, unknown>;

export type DocumentRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly document: JsonObject }
  /** The file exists but cannot be used; `reason` is safe to show (it never quotes the file). */
  | { readonly kind: 'unreadable'; readonly reason: string };

export interface DocumentStore {
  /** Absolute path of the file, for messages and for moving it aside. */
  readonly path: string;
  read(): DocumentRead;
  /** Replaces the whole document atomically. */
  write(document: JsonObject): void;
  /**
   * Moves the file aside as `<name>.<reason>-<timestamp>` (never over an
   * existing file) and returns the new path; the next read is `missing`.
   */
  moveAside(reason: string, now?: Date): string;
}

/** Files beyond this size are refused unread: a vault or settings file is a few KB. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/** Makes the conf (or electron-store) instance that owns the file. */
export type ConfFactory = () => Conf<JsonObject>;

export function confOptions(cwd: string, configName: string) {
  return {
    cwd,
    configName,
    // Never wipe a file we cannot read: it is the evidence, and it is moved aside instead.
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    // Owner only: under Linux `basic_text` (a key hard-coded in Chromium) the
    // file's permissions are all that keeps other local users from the tokens.
    configFileMode: 0o600,
  } as const;
}

/** A document store over conf in `cwd` (tests, Node, the browser harness). */
export function createConfDocumentStore(cwd: string, configName: string): DocumentStore {
  return documentStoreOverConf(() => new Conf<JsonObject>(confOptions(cwd, configName)), {
    path: `${cwd}/${configName}.json`,
  });
}

/**
 * Adapts a conf-compatible store. The instance is made lazily and again after
 * a failed read, because conf reads the file in its constructor.
 */
export function documentStoreOverConf(
  makeConf: ConfFactory,
  { path }: { path: string },
): DocumentStore {
  let conf: Conf<JsonObject> | undefined;
  const instance = (): Conf<JsonObject> => (conf ??= makeConf());
  let sweptLeftovers = false;

  return {
    path,
    read() {
      if (!sweptLeftovers) {
        sweptLeftovers = true;
        removeInterruptedWrites(path);
      }
      if (!existsSync(path)) return { kind: 'missing' };
      const size = statSync(path).size;
      if (size > MAX_DOCUMENT_BYTES) {
        return {
          kind: 'unreadable',
          reason: `the file is ${Math.round(size / 1024 / 1024)} MB, larger than any valid one`,
        };
      }
      try {
        return { kind: 'ok', document: { ...instance().store } };
      } catch (error) {
        conf = undefined;
        const name = error instanceof Error ? error.name : 'Error';
        return {
          kind: 'unreadable',
          reason: name === 'SyntaxError' ? 'the file is not valid JSON' : 'the file cannot be read',
        };
      }
    },
    write(document) {
      instance().store = document;
      syncDirectory(dirname(path));
    },
    moveAside(reason, now = new Date()) {
      conf = undefined;
      const stamp = now.toISOString().replace(/[:.]/g, '-');
      const slug = reason.replace(/[^a-z0-9-]+/gi, '-').toLowerCase();
      let target = `${path}.${slug}-${stamp}`;
      for (let n = 2; existsSync(target); n++) target = `${path}.${slug}-${stamp}-${n}`;
      renameSync(path, target);
      return target;
    },
  };
}

/**
 * A write killed between creating its temporary file and renaming it leaves
 * `<name>.tmp-<stamp>` behind (atomically's naming). The app is single
 * instance, so at first read no write of ours is in flight: they are debris.
 */
function removeInterruptedWrites(path: string): void {
  const prefix = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && /^\d{10}[a-f0-9]{6}$/.test(name.slice(prefix.length))) {
      rmSync(join(dirname(path), name), { force: true });
    }
  }
}

/**
 * conf flushes the temporary file before the rename but not the directory
 * after it; without this a power cut (not a crash) could still lose the
 * newest write. Directories cannot be opened for fsync on Windows.
 */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: the rename itself already happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
