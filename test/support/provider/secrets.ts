// Random secrets and constant-time comparison. Secrets are looked up by their
// SHA-256 digest, so no lookup time depends on how much of a guess was right,
// and the stored value is compared once more in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type SecretKind = 'access' | 'refresh' | 'code' | 'pending';

const PREFIX: Record<SecretKind, string> = {
  access: 'nxs_at_',
  refresh: 'nxs_rt_',
  code: 'nxs_code_',
  pending: 'nxs_pending_',
};

/** 32 random bytes, base64url, with a prefix that says what the string is. */
export function randomSecret(kind: SecretKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Map key for a secret: its SHA-256 in hex. */
export function secretKey(value: string): string {
  return digest(value).toString('hex');
}

/** Compares two strings in time independent of where they differ (and of their lengths). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** S256 code challenge of a verifier (RFC 7636 §4.2). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** A map from secret strings to records, keyed by digest. */
export class SecretMap<T> {
  readonly #entries = new Map<string, { secret: string; value: T }>();

  set(secret: string, value: T): void {
    this.#entries.set(secretKey(secret), { secret, value });
  }

  get(secret: string): T | undefined {
    const entry = this.#entries.get(secretKey(secret));
    if (!entry || !sameSecret(entry.secret, secret)) return undefined;
    return entry.value;
  }

  delete(secret: string): void {
    this.#entries.delete(secretKey(secret));
  }

  values(): IterableIterator<{ secret: string; value: T }> {
    return this.#entries.values();
  }
}
