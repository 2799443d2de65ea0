// A fixed diagnosis report for the view-level tests, made by the real report
// builder (main/support/diagnosis) from fixed sources: canned network answers
// (Netrex reachable, CamStreamer Cloud behind a certificate a proxy replaced,
// its clock an hour ahead), a safe key store, two accounts, a few log lines.
// Fixed time and durations, so screenshots do not change from run to run.
import { buildDiagnosis } from '../../main/support/diagnosis/build-report';
import type { DiagnosisResult, ReportLanguage } from '../../main/support/diagnosis/model';
import type { CertificateFacts, NetworkProbes } from '../../main/support/diagnosis/probes';
import { AesGcmCipher } from '../support/aes-cipher';
import { ManualClock } from '../support/manual-clock';
import { CAMSTREAMER, NETREX, NOW, account } from './ui-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const cert = (subject: string, issuer: string): CertificateFacts => ({
  subject,
  issuer,
  validFrom: NOW - 30 * DAY,
  validTo: NOW + 60 * DAY,
  names: [subject],
});

const PROBES: NetworkProbes = {
  lookup: async (host) => [host === 'system2.netrex.cz' ? '203.0.113.10' : '198.51.100.7'],
  connect: async () => undefined,
  handshake: async (host) =>
    host === 'system2.netrex.cz'
      ? { trusted: true, protocol: 'TLSv1.3', certificate: cert(host, 'R11, Let\u2019s Encrypt') }
      : {
          trusted: false,
          failure: 'cert_untrusted',
          reason: 'SELF_SIGNED_CERT_IN_CHAIN',
          certificate: cert(host, 'Corporate Inspection Proxy, ACME IT'),
        },
  request: async (url) => ({
    status: 401,
    date: new Date(url.includes('camstreamer') ? NOW + 60 * 60 * 1000 : NOW).toUTCString(),
    contentType: 'application/json',
  }),
  resolveProxy: async () => 'DIRECT',
};

export const FIXTURE_LOG_LINES = [
  '2025-06-02T09:20:00.000Z INFO  services.started accounts=2 portals=2 storage=gnome_libsecret',
  '2025-06-02T09:25:00.000Z INFO  account.checked accountId=a1 status=connected latencyMs=84 cameras=3',
  '2025-06-02T09:29:00.000Z WARN  account.checked accountId=a2 status=offline error=network nextRetryInS=30',
];

export function diagnosisFixture(language: ReportLanguage): Promise<DiagnosisResult> {
  const clock = new ManualClock(NOW);
  return buildDiagnosis(
    {
      appName: 'Netrex Connect',
      appVersion: '0.1.0',
      runtime: {
        electron: '45.5.0',
        chromium: '140.0.7339.80',
        node: '24.21.0',
        os: 'Linux 6.8.0 x64',
        install: 'appimage',
        startedAtLogin: false,
      },
      languageSetting: 'system',
      storage: () => ({
        backend: 'gnome_libsecret',
        encryptionAvailable: true,
        weak: false,
        policy: 'encrypted',
        recovered: null,
        fileKept: null,
        lastWriteError: null,
      }),
      vaultFile: () => ({ kind: 'ok', accounts: 2 }),
      cipher: AesGcmCipher.random({ backend: 'gnome_libsecret' }),
      portals: () =>
        [NETREX, { ...CAMSTREAMER }].map((p) => ({
          id: p.id,
          name: p.name,
          url: p.url,
          dialect: p.dialect,
          redirectKind: p.redirectKind,
        })),
      accounts: () => [
        account({ id: 'a1', label: 'operator@acme.example' }),
        account({
          id: 'a2',
          providerId: 'camstreamer',
          providerName: 'CamStreamer Cloud',
          state: 'offline',
          nextRetryAt: NOW + 30_000,
          lastError: { code: 'network', message: 'Could not reach the portal.' },
        }),
      ],
      nextRefreshAt: (id) => (id === 'a1' ? NOW + 50 * 60_000 : null),
      logLines: () => FIXTURE_LOG_LINES,
      probes: PROBES,
    },
    { language, clock, elapsed: () => 0 },
  );
}
