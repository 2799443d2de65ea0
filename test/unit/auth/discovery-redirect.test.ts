// Which redirect of a well-known address the app follows (discovery.ts):
// one on the same origin, or http → https on the same host with the same
// port (or 80 → 443, both the schemes' defaults). Everything else is refused
// and named by its host only.
import { describe, expect, it } from 'vitest';
import { discoveryRedirect } from '../../../main/auth/dialects/discovery';

const WELL_KNOWN = '/realms/cams/.well-known/openid-configuration';

const verdict = (from: string, location: string | null) => {
  const answer = discoveryRedirect(new URL(from), location);
  return answer.follow ? { follow: answer.url.href } : answer;
};

describe('discoveryRedirect', () => {
  it.each([
    ['a trailing slash (relative)', `https://sso.example${WELL_KNOWN}`, `${WELL_KNOWN}/`],
    [
      'a trailing slash (absolute)',
      `https://sso.example${WELL_KNOWN}`,
      `https://sso.example${WELL_KNOWN}/`,
    ],
    ['another path on the origin', `https://sso.example:8443${WELL_KNOWN}`, '/oidc/config'],
    [
      'http to https, default ports',
      `http://127.0.0.1${WELL_KNOWN}`,
      `https://127.0.0.1${WELL_KNOWN}`,
    ],
    [
      'http to https, the same port',
      `http://127.0.0.1:8080${WELL_KNOWN}`,
      `https://127.0.0.1:8080${WELL_KNOWN}`,
    ],
    ['http :80 named to https :443 named', `http://sso.example:80/x`, 'https://sso.example:443/x'],
    ['the same http origin on loopback', `http://[::1]:4000/x`, '/y'],
  ])('follows %s', (_what, from, location) => {
    const answer = verdict(from, location);
    expect(answer).toEqual({ follow: new URL(location, from).href });
  });

  it('drops a fragment and keeps a query on the followed address', () => {
    expect(verdict(`https://sso.example${WELL_KNOWN}`, `${WELL_KNOWN}/?v=2#top`)).toEqual({
      follow: `https://sso.example${WELL_KNOWN}/?v=2`,
    });
  });

  it.each([
    [
      'another host',
      `https://sso.example${WELL_KNOWN}`,
      'https://login.other.example/x?t=1',
      'login.other.example',
    ],
    ['a sub-domain', `https://sso.example/x`, 'https://eu.sso.example/x', 'eu.sso.example'],
    ['another port', `https://sso.example/x`, 'https://sso.example:8443/x', 'sso.example:8443'],
    ['https to http', `https://sso.example/x`, 'http://sso.example/x', 'sso.example'],
    [
      'http to https on another port',
      `http://127.0.0.1:8080/x`,
      'https://127.0.0.1:8443/x',
      '127.0.0.1:8443',
    ],
    ['http to https on another host', `http://127.0.0.1/x`, 'https://localhost/x', 'localhost'],
    ['http :8080 to https :443', `http://127.0.0.1:8080/x`, 'https://127.0.0.1/x', '127.0.0.1'],
    [
      'credentials on the origin',
      `https://sso.example/x`,
      'https://user:pw@sso.example/x',
      'sso.example',
    ],
    ['another scheme', `https://sso.example/x`, 'ftp://sso.example/x', 'sso.example'],
  ])('refuses %s, naming only the host', (_what, from, location, host) => {
    expect(verdict(from, location)).toEqual({ follow: false, why: 'elsewhere', host });
  });

  it.each([null, '', 'http://[broken'])(
    'refuses a redirect without a usable Location (%j)',
    (location) => {
      expect(verdict(`https://sso.example/x`, location)).toEqual({
        follow: false,
        why: 'no-location',
      });
    },
  );
});
