// A token named without being shown: the first 12 hex digits of its SHA-256.
// The crash test's child prints these instead of tokens, so its output can
// go through the secret search like everything else.
import { createHash } from 'node:crypto';

export function fingerprint(token: string | undefined): string {
  return token ? createHash('sha256').update(token).digest('hex').slice(0, 12) : '-';
}
