// The log's redaction step: every secret kind the app handles, in every form
// it could take in a line (raw, JSON, URL-encoded, base64), is gone; plain
// facts (ids, codes, numbers, a portal's address without its query) stay.
import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  INVALID_EVENT,
  MAX_TEXT_LENGTH,
  REDACTED,
} from '../../../main/support/log-redaction';

/**
 * One of each secret the app handles, shaped as the stand-in and real portals
 * shape them: random once, written down so the test is the same every run.
 * The state is one random draw that has no digit (about one in a hundred of
 * 16 random bytes), which the shape rule once missed.
 */
const SECRETS = {
  accessToken: 'nxs_at_YjbpWpo2uy3fV2-v1T1ucnpu7llXqIEgIcFuD4qSgfI',
  refreshToken: 'nxs_rt_XJkdiJprJazV6SjiYZ5M13vc2JHJ1tB02682j5_AuC4',
  authorizationCode: 'nxs_code_4_CENd-GR5EsodcfEBSbdTPKJgqDanoS9K5UYiwxav8',
  verifier: 'ZaU4sbb4soMVt5qg_7kFa2PLCydmycpaiPEL5fEJh20', // PKCE: 43 characters of base64url
  state: 'IZAyvdPMyEpkSmnsjOzFNw',
  hexToken: '779cb19356e700b144d644dc180a693bde2b8bbb', // a PHP OAuth server's 40-hex token
  jwt: 'eyJhbGciOiJSUzI1NiJ9.vzLbc_SHESI9Nj50E9WV-LDXL5TGF_mPBlsr2dNO2PL0Vky7vNHFhQ.j_QyN-nWoHUcQwQnccM1YYWjspgkqSBDb7jfKLf8L_foBSNeDzpx-7HRGo_5xRgD4pOGologkE3BJzg0ultDsg',
  clientSecret: 'demo-client-secret', // typed by a person: no token shape
  apiToken: 'operator-personal-api-token', // the same
} as const;

/** The forms a secret could take in a line. */
const FORMS: Record<string, (secret: string) => string> = {
  raw: (s) => `the portal said ${s} today`,
  json: (s) => JSON.stringify({ answer: { access_token: s, other: s } }),
  'url-encoded': (s) => `next=${encodeURIComponent(`https://x.example/cb?c=${s}&d=${s}/+`)}`,
  base64: (s) => `blob ${Buffer.from(`{"refreshToken":"${s}"}`).toString('base64')} end`,
  'bare base64': (s) => `blob ${Buffer.from(s).toString('base64')} end`,
};

function leaks(line: string, secret: string): string[] {
  const found: string[] = [];
  const encodings = [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
  ];
  for (const form of encodings) if (line.includes(form)) found.push(form);
  return found;
}

describe('log redaction', () => {
  const known = createRedactor({ knownSecrets: () => Object.values(SECRETS) });
  const blind = createRedactor();

  describe.each(Object.entries(SECRETS))('%s', (kind, secret) => {
    it.each(Object.entries(FORMS))('is removed when known, %s', (_form, make) => {
      const line = JSON.stringify(known.line('test.event', { detail: make(secret) }));
      expect(leaks(line, secret)).toEqual([]);
    });

    // A client secret or an API token has no shape of its own (the portal or IT
    // chose it): only knowing it removes it, as the case above holds.
    const shapeless = kind === 'clientSecret' || kind === 'apiToken';
    if (!shapeless) {
      it.each(Object.entries(FORMS))(
        'is removed by its shape alone when not known, %s',
        (_form, make) => {
          const line = JSON.stringify(blind.line('test.event', { detail: make(secret) }));
          expect(leaks(line, secret)).toEqual([]);
        },
      );
    }

    it('is never written under a field named for a secret, known or not', () => {
      for (const name of [
        'token',
        'accessToken',
        'refresh_token',
        'clientSecret',
        'code',
        'authorization_code',
        'codeVerifier',
        'password',
        'state',
        'Authorization',
        'cookie',
      ]) {
        expect(blind.line('e', { [name]: secret }).fields[name]).toBe(REDACTED);
      }
    });
  });

  it('a typed secret (no token shape) is caught only because the app knows it: the control', () => {
    const line = blind.line('e', { detail: `secret is ${SECRETS.clientSecret}` });
    expect(line.fields.detail).toContain(SECRETS.clientSecret);
    expect(known.line('e', { detail: `secret is ${SECRETS.clientSecret}` }).fields.detail).toBe(
      `secret is ${REDACTED}`,
    );
  });

  it("keeps a URL's scheme, host and path and drops its query, fragment and user info", () => {
    const { fields } = blind.line('e', {
      url: 'https://portal.example/oauth2/token?client_id=a&client_secret=b&code=c',
      redirect: 'cz.netrex.connect:/oauth/callback/demo?code=abc&state=xyz#frag',
      proxy: 'http://user:pa55w0rd@proxy.example:3128/',
    });
    expect(fields).toEqual({
      url: `https://portal.example/oauth2/token?${REDACTED}`,
      redirect: `cz.netrex.connect:/oauth/callback/demo?${REDACTED}`,
      proxy: `http://${REDACTED}@proxy.example:3128/`,
    });
  });

  it('removes secret-named pairs inside text, Bearer and Basic credentials', () => {
    const { fields } = blind.line('e', {
      a: 'sent code=short1 and state=st4te&client_secret=s',
      b: 'header Bearer abc.def and Basic dXNlcjpwYXNz',
      c: '"password": "hunter2", "refresh_token":"r"',
    });
    expect(fields.a).toBe(`sent code=${REDACTED} and state=${REDACTED}&client_secret=${REDACTED}`);
    expect(fields.b).toBe(`header Bearer ${REDACTED} and Basic ${REDACTED}`);
    expect(fields.c).toBe(`"password": "${REDACTED}", "refresh_token":"${REDACTED}"`);
  });

  it("leaves out a portal's raw answer (JSON or HTML) and names only its length", () => {
    const body = '{"error":"invalid_grant","error_description":"nothing secret here"}';
    expect(blind.line('e', { answer: body }).fields.answer).toBe(
      `[raw answer left out, ${body.length} characters]`,
    );
    expect(blind.line('e', { answer: '  <html><body>502</body></html>' }).fields.answer).toMatch(
      /^\[raw answer left out/,
    );
  });

  it('keeps plain facts: ids, outcome codes, numbers, booleans, versions, hosts', () => {
    const accountId = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    const fields = {
      accountId,
      providerId: 'netrex-2',
      outcome: 'invalid_grant',
      ms: 123.4,
      cameras: 3,
      persisted: true,
      nothing: null,
      electron: '45.5.0',
      host: 'system2.netrex.cz',
      at: '2026-11-27T12:00:00.000Z',
      // A long camelCase word changes case a few times, not as base64 does.
      step: 'waitingForRedirectNow',
      reason: 'keyStoreTemporarilyOff',
    };
    expect(blind.line('sign-in.exchanged', fields)).toEqual({
      event: 'sign-in.exchanged',
      fields,
    });
  });

  it('refuses an id field that holds a token, and an id a known secret equals', () => {
    expect(blind.line('e', { accountId: SECRETS.accessToken }).fields.accountId).toBe(REDACTED);
    const secretSlug = createRedactor({ knownSecrets: () => ['my-portal-secret'] });
    expect(secretSlug.line('e', { providerId: 'my-portal-secret' }).fields.providerId).toBe(
      REDACTED,
    );
  });

  it('writes no control characters: a value cannot forge a second line', () => {
    const { fields } = blind.line('e', {
      detail: 'ok\n2026-01-01T00:00:00Z ERROR forged\r\u2028x',
    });
    expect(fields.detail).not.toMatch(/[\r\n\u2028]/);
  });

  it('caps text values', () => {
    const value = 'word '.repeat(200);
    const out = blind.line('e', { detail: value }).fields.detail as string;
    expect(out.length).toBe(MAX_TEXT_LENGTH);
    expect(out.endsWith('…')).toBe(true);
  });

  it('replaces an event name that is not a plain dotted word or is shaped like a secret', () => {
    for (const event of ['Bad Event', 'a\nb', '', SECRETS.hexToken, 'x'.repeat(65)]) {
      expect(blind.line(event).event).toBe(INVALID_EVENT);
    }
    expect(blind.line('account.refresh-failed').event).toBe('account.refresh-failed');
  });

  it('drops fields whose names are not identifiers or look like secrets, and counts them', () => {
    const { fields } = blind.line('e', {
      'a b': 1,
      [SECRETS.accessToken]: 'x',
      ok: 1,
    });
    expect(fields).toEqual({ ok: 1, droppedFields: 2 });
  });

  it('keeps non-finite numbers as words and anything not a plain value out', () => {
    const { fields } = blind.line('e', {
      n: Number.NaN,
      o: { token: SECRETS.accessToken } as unknown as string,
    });
    expect(fields).toEqual({ n: 'NaN', o: REDACTED });
  });

  it('reads a line back with the secrets known since taken out, the rest untouched', () => {
    const later = createRedactor({ knownSecrets: () => [SECRETS.clientSecret] });
    const line = `2026-11-27T12:00:00.000Z INFO  e accountId=3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f detail="${SECRETS.clientSecret}"`;
    expect(later.knownOnly(line)).toBe(line.replace(SECRETS.clientSecret, REDACTED));
  });

  it('still writes when the secret source fails', () => {
    const broken = createRedactor({
      knownSecrets: () => {
        throw new Error('vault closed');
      },
    });
    expect(broken.line('e', { ok: 'fine' }).fields).toEqual({ ok: 'fine' });
  });
});
