// The ports the network checks go through, one per layer, so a portal's
// reachability is probed the way the app reaches it: the name (DNS), a
// connection (TCP), the secure channel (TLS: the certificate, whose name, who
// issued it, until when) and an answer (HTTP, through the app's own fetch:
// Electron's net.fetch, with the OS's proxy and certificates, in the app).
// The Node implementation is node-probes.ts; the proxy the OS chose comes
// from the host (Electron's session.resolveProxy), none in tests.
import type { FailureClass } from './failure-class';

export interface CertificateFacts {
  /** The subject's common name (or organisation). */
  readonly subject: string;
  /** The issuer's common name and organisation: the product that made it, when intercepted. */
  readonly issuer: string;
  /** Epoch ms. */
  readonly validFrom: number;
  readonly validTo: number;
  /** The DNS names and IP addresses it is for (subjectAltName). */
  readonly names: readonly string[];
}

export type TlsOutcome =
  | { readonly trusted: true; readonly certificate: CertificateFacts; readonly protocol: string }
  | {
      readonly trusted: false;
      readonly failure: FailureClass;
      /** The TLS library's own code (`CERT_HAS_EXPIRED`), for the facts. */
      readonly reason: string;
      readonly certificate?: CertificateFacts;
    };

export interface HttpAnswer {
  readonly status: number;
  /** The answer's Date header, as sent. */
  readonly date: string | null;
  readonly contentType: string | null;
}

export interface NetworkProbes {
  /** Every address the name resolves to. Rejects as the resolver does (ENOTFOUND…). */
  lookup(host: string, signal: AbortSignal): Promise<readonly string[]>;
  /** Opens a TCP connection and closes it again. */
  connect(host: string, port: number, signal: AbortSignal): Promise<void>;
  /** A TLS handshake that always completes when it can, trusted or not, and says which. */
  handshake(host: string, port: number, signal: AbortSignal): Promise<TlsOutcome>;
  /** A request without any credential; only the status and headers are read. */
  request(url: string, method: 'GET' | 'POST', signal: AbortSignal): Promise<HttpAnswer>;
  /** The proxy the OS chose for `url` (`DIRECT`, `PROXY host:port; DIRECT`), where the host can say. */
  resolveProxy?(url: string): Promise<string>;
}
