// The authorizations waiting for their redirect: at most one per provider,
// each used at most once. States that are no longer pending are remembered
// (a bounded list) so a late or repeated redirect gets a precise answer:
// "used already", "superseded", "expired" or "cancelled".
import type { Disposable } from '../common/lifecycle';
import type { ProviderConfig, ProviderId } from '../providers/provider-config';
import type { DialectSession } from './dialects/dialect';

export interface PendingAuthorization {
  readonly provider: ProviderConfig;
  readonly state: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  /** Which way back this authorization asked the portal for (not always the provider's own setting). */
  readonly redirectKind: ProviderConfig['redirectKind'];
  readonly authorizationUrl: string;
  readonly startedAt: number;
  readonly deadline: number;
  readonly session: DialectSession;
  /** The deadline timer and, for a loopback redirect, the listener's hold. */
  readonly resources: Disposable[];
  /** Aborts the session's requests: the token exchange the operator cancels. */
  readonly abort: AbortController;
}

export type Outcome = 'used' | 'superseded' | 'expired' | 'cancelled';

/** How many finished states are remembered; older ones read as unknown. */
export const REMEMBERED_STATES = 64;

export class PendingAuthorizations {
  readonly #byProvider = new Map<ProviderId, PendingAuthorization>();
  readonly #finished = new Map<string, { providerId: ProviderId; outcome: Outcome }>();

  get(providerId: ProviderId): PendingAuthorization | undefined {
    return this.#byProvider.get(providerId);
  }

  all(): PendingAuthorization[] {
    return [...this.#byProvider.values()];
  }

  /** Registers `next`; the caller has ended the provider's previous one (as superseded). */
  put(next: PendingAuthorization): void {
    this.#byProvider.set(next.provider.id, next);
  }

  /**
   * Removes the provider's pending authorization and remembers how it ended.
   * Only the one whose state is given: a stale caller cannot end a newer one.
   */
  finish(
    providerId: ProviderId,
    state: string,
    outcome: Outcome,
  ): PendingAuthorization | undefined {
    const pending = this.#byProvider.get(providerId);
    if (pending?.state === state) this.#byProvider.delete(providerId);
    this.remember(providerId, state, outcome);
    return pending?.state === state ? pending : undefined;
  }

  remember(providerId: ProviderId, state: string, outcome: Outcome): void {
    this.#finished.delete(state);
    this.#finished.set(state, { providerId, outcome });
    while (this.#finished.size > REMEMBERED_STATES) {
      const oldest = this.#finished.keys().next().value as string;
      this.#finished.delete(oldest);
    }
  }

  /** How the authorization with this state ended, if it was this provider's and is remembered. */
  outcomeOf(providerId: ProviderId, state: string): Outcome | undefined {
    const found = this.#finished.get(state);
    return found?.providerId === providerId ? found.outcome : undefined;
  }
}
