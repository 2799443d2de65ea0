// The report in English.
import { duration, utc } from './format';
import type { ReportWords } from './words';

const ROLE = {
  token: 'Sign-in server (token endpoint)',
  api: 'API',
  discovery: 'Sign-in server (discovery)',
};
const STATE: Record<string, string> = {
  connected: 'connected',
  refreshing: 'renewing its sign-in',
  offline: 'offline (retrying by itself)',
  expired: 'signed out by the portal: sign in again',
  error: 'refused by the portal',
  authorizing: 'signing in again',
  'signed-out': 'signed out',
};

export const enWords: ReportWords = {
  heading: 'Netrex Connect diagnosis',
  created: (at, tookMs) => `Made ${utc(at)}; the checks took ${duration(tookMs)}.`,
  summary: (c) =>
    // "Label: count" reads right for one as for many (never "1 warnings").
    `Passed: ${c.ok ?? 0}, failed: ${c.fail ?? 0}, warnings: ${c.warn ?? 0}, skipped: ${c.skip ?? 0} (not counted as passed).`,
  statusLabel: { ok: 'OK', warn: 'WARN', fail: 'FAIL', skip: 'SKIP', info: 'INFO' },
  sections: {
    app: 'App and system',
    storage: 'Where sign-ins are kept',
    wayBack: 'The way back from the browser',
    portal: (name) => `Portal: ${name}`,
    accounts: 'Accounts',
    log: (count) =>
      count === 0 ? 'Log' : count === 1 ? 'The last log line' : `Last ${count} log lines`,
  },
  app: {
    version: (name, version) => `${name} ${version}`,
    runtime: 'Runtime',
    runtimeDetail: (electron, chromium, node) =>
      `Electron ${electron}, Chromium ${chromium}, Node ${node}`,
    os: 'Operating system',
    install: 'Installed as',
    installKind: (kind) =>
      ({
        development: 'a development copy (not installed)',
        appimage: 'AppImage',
        deb: 'a Debian package (in /opt)',
        snap: 'a Snap package',
        'nsis-per-user': 'Windows installer, for this user',
        'nsis-per-machine': 'Windows installer, for all users',
        'mac-applications': 'an app in the Applications folder',
        'mac-translocated':
          'an app macOS runs from a temporary copy: move it to the Applications folder',
        'mac-disk-image': 'an app started from its disk image: copy it to Applications first',
        unpacked: 'an unpacked copy (no installer)',
      })[kind] ?? kind,
    started: 'Started',
    startedHow: (atLogin) => (atLogin ? 'at sign-in to this computer' : 'by the operator'),
    language: (setting, shown) =>
      `Language setting: ${setting === 'system' ? 'as the system' : setting}; this report: ${shown === 'cs' ? 'Czech' : 'English'}`,
  },
  storage: {
    keyStore: 'Key store',
    keyStoreDetail: (backend, weak, available) =>
      !available
        ? `${backend}: encryption is not available, so sign-ins are kept in memory only.`
        : weak
          ? `${backend}: it does not really protect the key (no keyring). Install or unlock a keyring (GNOME Keyring, KWallet) to keep sign-ins safely.`
          : `${backend}: encrypts the saved sign-ins.`,
    policy: 'What is saved',
    policyDetail: (policy) =>
      ({
        encrypted: 'Sign-ins are saved encrypted.',
        'memory-only': 'Sign-ins are kept in memory only: they are lost when the app closes.',
        'weak-allowed': 'Sign-ins are saved with weak protection, as the operator chose.',
      })[policy] ?? policy,
    vaultFile: 'Saved sign-ins file',
    vaultFileOk: (n) => `Readable; ${n} account${n === 1 ? '' : 's'} in it.`,
    vaultFileMissing: 'None yet (nothing saved).',
    vaultFileRecovered: (damage) =>
      `It could not be read at start (${damage}) and was moved aside; sign in again.`,
    vaultFileKept: (sealedBy, damage) =>
      sealedBy
        ? `It was sealed by another key store (${sealedBy}), which is not available now; it is left untouched and nothing is saved this session.`
        : `It is damaged (${damage ?? 'unreadable'}) and could not be moved aside; nothing is saved this session.`,
    lastWrite: 'Last save',
    lastWriteFailed: (code) => `The last save failed (${code}).`,
    lastWriteOk: 'No save has failed.',
    roundTrip: 'Key store test',
    roundTripOk: (ms) => `A test value was encrypted and decrypted in ${ms} ms.`,
    roundTripFailed:
      'Encrypting a test value failed: the keyring may be locked. Unlock it (or sign in to the desktop again) and check again.',
    roundTripTimedOut: (s) =>
      `The key store did not answer within ${s} s: a locked keyring may be waiting for its password.`,
    roundTripSkipped: 'Not run: no key store is available.',
    keyringWait: 'Saved sign-ins waiting for the keyring',
    keyringWaitDetail: (sealedBy, since, unsaved) =>
      `The saved sign-ins were sealed by ${sealedBy || 'a key store'}, which has not opened since ${utc(since)}. The file is kept as it is and the app asks again; unlock the keyring (or sign in to the desktop again).${unsaved ? ' Sign-ins made meanwhile are in memory only until it opens.' : ''}`,
  },
  wayBack: {
    title: 'Checks of the way back',
    unavailable: 'Not checked by this version of the app.',
  },
  portal: {
    address: 'Address',
    addressDetail: (url, dialect, redirect) =>
      `${url} (${dialect === 'netrex' ? 'Netrex protocol' : 'standard OAuth 2.0'}; back to the app by ${redirect === 'loopback' ? 'a loopback address' : 'an app link'})`,
    notConfigured: 'No address is set for this portal.',
    badAddress: 'Its address cannot be used: correct it in Settings.',
    dns: (host) => `Name lookup: ${host}`,
    dnsOk: (addresses, ms) => `Found ${addresses.join(', ')} in ${ms} ms.`,
    tcp: (host, port) => `Connection: ${host}:${port}`,
    tcpOk: (ms) => `Connected in ${ms} ms.`,
    tls: (host, port) => `Secure connection: ${host}:${port}`,
    tlsOk: (subject, issuer, until, protocol) =>
      `${protocol}; certificate for ${subject}, issued by ${issuer}, valid until ${utc(until)}.`,
    tlsPlain: 'Plain http (allowed only to this computer): there is no certificate to check.',
    http: (role) => ROLE[role],
    httpOk: (status, ms) => `Answered (HTTP ${status}) in ${ms} ms.`,
    httpStatus: (status) =>
      status === 404
        ? 'It answered HTTP 404: nothing is at this address. Check the portal\u2019s address.'
        : status === 407
          ? 'A proxy asks for a sign-in (HTTP 407). Ask your IT department.'
          : status >= 300 && status < 400
            ? `It answered with a redirect (HTTP ${status}): something in between (a Wi-Fi sign-in page, a proxy) may be answering instead of the portal.`
            : status === 429
              ? 'The portal is busy (HTTP 429); it will be asked again later.'
              : `It answered HTTP ${status}: the portal (or a gateway in front of it) has a problem. Try again later; if it lasts, tell the portal\u2019s administrator.`,
    proxy: 'Proxy',
    proxyDetail: (pac) =>
      pac.trim().toUpperCase() === 'DIRECT'
        ? 'Direct connection (no proxy).'
        : `The system sends connections to this portal through: ${pac}.`,
    proxyUnknown: 'Not asked (the system\u2019s proxy is known only inside the app).',
    clock: 'Clock',
    clockOk: (offset) =>
      `The portal\u2019s clock agrees with this computer\u2019s (${offset === 0 ? 'same second' : `${duration(offset)} apart`}).`,
    clockSkew: (offset) =>
      `The portal\u2019s clock is ${duration(offset)} ${offset > 0 ? 'ahead of' : 'behind'} this computer\u2019s. Set this computer\u2019s date, time and time zone automatically. Sign-in lifetimes are counted by this computer\u2019s clock, but standard OpenID sign-ins check the time and can fail.`,
    clockUnknown: 'The portal did not say its time.',
    failure: (kind, c) => {
      const at = `${c.host}:${c.port}`;
      switch (kind) {
        case 'name_not_found':
          return `The name ${c.host} was not found. Check the portal\u2019s address, or this computer\u2019s network and DNS settings.`;
        case 'dns_failed':
          return `The name ${c.host} could not be looked up: the DNS server did not answer properly. Check the network connection.`;
        case 'refused':
          return `${at} refused the connection: nothing answers at this port, or a firewall refuses it. Check the portal\u2019s address and port.`;
        case 'timed_out':
          return `No answer from ${at} within ${c.seconds} s: a firewall may be dropping the connection, or the portal is down.`;
        case 'reset':
          return `The connection to ${at} was cut off: a firewall, proxy or security product may be stopping it.`;
        case 'unreachable':
          return `${c.host} cannot be reached from this computer: check the network connection.`;
        case 'cert_untrusted':
          return `The portal\u2019s certificate is not trusted${c.issuer ? ` (issued by ${c.issuer})` : ''}. A proxy or security product may be replacing the portal\u2019s certificate: ask your IT department. Sign-in cannot work until this computer trusts it.`;
        case 'cert_expired':
          return `The portal\u2019s certificate expired${c.date ? ` on ${utc(c.date)}` : ''}. If this computer\u2019s date is right, the portal\u2019s certificate must be renewed: tell the portal\u2019s administrator.`;
        case 'cert_not_yet_valid':
          return `The portal\u2019s certificate is valid only from ${c.date ? utc(c.date) : 'a later date'}: this computer\u2019s clock may be wrong.`;
        case 'cert_wrong_name':
          return `The certificate is for another name${c.names?.length ? ` (${c.names.join(', ')})` : ''}, not ${c.host}. The address may be wrong, or something in between answers instead of the portal.`;
        case 'tls_failed':
          return `The secure connection to ${at} failed${c.reason ? ` (${c.reason})` : ''}: it may not speak https at this port, or something in between interferes.`;
        case 'proxy_failed':
          return `The proxy could not connect to ${c.host}${c.reason ? ` (${c.reason})` : ''}. Check the proxy settings or ask your IT department.`;
        case 'network_failed':
          return `The connection to ${at} failed${c.reason ? ` (${c.reason})` : ''}.`;
      }
    },
  },
  accounts: {
    none: 'No account is signed in.',
    title: (label, portal) => (label && label !== portal ? `${label} on ${portal}` : portal),
    detail: (f) =>
      [
        `State: ${STATE[f.state] ?? f.state}.`,
        `Last successful check: ${f.lastSuccessAt === null ? 'none' : utc(f.lastSuccessAt)}.`,
        f.error ? `Last error code: ${f.error}.` : '',
        f.nextRefreshAt !== null ? `Next renewal: ${utc(f.nextRefreshAt)}.` : '',
        f.nextRetryAt !== null ? `Next try: ${utc(f.nextRetryAt)}.` : '',
        f.persisted ? '' : 'Not saved on this computer.',
      ]
        .filter(Boolean)
        .join(' '),
  },
  log: { none: 'No log file (or it is empty).' },
  command: {
    written: (text, json, failed) =>
      `The diagnosis report is in ${text} (for a machine: ${json}). ${failed === 0 ? 'No check failed.' : `${failed} check${failed === 1 ? '' : 's'} failed: see the lines marked [FAIL].`}`,
    notWritten: (folder, reason) =>
      `The diagnosis report could not be written to ${folder} (${reason}). Check that the folder exists and can be written, or open Settings → Diagnostics and copy the report.`,
    handedOver: (text) =>
      `Netrex Connect is already running: it writes the diagnosis report to ${text} within a few seconds.`,
  },
};
