// The floor's durable write: what any client that keeps its tokens across a
// crash must do once per sign-in, and nothing more. A temporary file beside
// the target, the bytes written and flushed (fsync), renamed over the target
// (atomic on POSIX: the old or the new content, never a torn file), then the
// folder flushed so the rename itself survives a power cut. Synchronous, as
// the fastest way Node has to do it (each step of the asynchronous API is a
// thread-pool round trip: about twice as long, README "Why the misses").
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Replaces `path` with `bytes` atomically and durably; leaves no temporary file behind. */
export function writeDurably(path: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new Error('A durable write needs something to write.');
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${process.pid}.tmp`);
  let renamed = false;
  try {
    const fd = openSync(temporary, 'w', 0o600);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    renamed = true;
    const dir = openSync(folder, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } finally {
    if (!renamed) rmSync(temporary, { force: true });
  }
}
