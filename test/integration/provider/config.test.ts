// The stand-in's configuration: refusals name the field; partial configs keep
// the documented default for what they leave out.
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_CONFIG,
  parseConfig,
  startProvider,
  TOKEN_RESPONSE_FIELDS,
} from '../../support/provider';

function refusal(input: unknown): ConfigError {
  try {
    parseConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the config was accepted');
}

const client = {
  client_id: 'a',
  client_secret: 'b',
  name: 'App',
  redirect_uris: ['app.example:/cb'],
};

describe('refusals name the wrong field', () => {
  it.each([
    ['not an object', [], ''],
    ['no clients', { clients: [] }, 'clients'],
    [
      'a client without secret',
      { clients: [{ ...client, client_secret: undefined }] },
      'clients[0].client_secret',
    ],
    [
      'an empty redirect list',
      { clients: [{ ...client, redirect_uris: [] }] },
      'clients[0].redirect_uris',
    ],
    [
      'a relative redirect URL',
      { clients: [{ ...client, redirect_uris: ['/cb'] }] },
      'clients[0].redirect_uris[0]',
    ],
    [
      'a redirect URL with a fragment',
      { clients: [{ ...client, redirect_uris: ['app.example:/cb#x'] }] },
      'clients[0].redirect_uris[0]',
    ],
    ['an unknown client field', { clients: [{ ...client, secret: 'x' }] }, 'clients[0].secret'],
    ['a duplicate client_id', { clients: [client, client] }, 'clients[1].client_id'],
    [
      'a duplicate username',
      {
        users: [
          { username: 'u', password: 'p' },
          { username: 'u', password: 'q' },
        ],
      },
      'users[1].username',
    ],
    [
      'a camera that is not a name',
      { users: [{ username: 'u', password: 'p', cameras: [3] }] },
      'users[0].cameras[0]',
    ],
    [
      'an unknown right on an API token',
      { users: [{ username: 'u', password: 'p', apiTokens: [{ token: 't', rights: ['admin'] }] }] },
      'users[0].apiTokens[0].rights[0]',
    ],
    [
      'a bad token expiry',
      {
        users: [
          { username: 'u', password: 'p', apiTokens: [{ token: 't', expiresAt: 'tomorrow' }] },
        ],
      },
      'users[0].apiTokens[0].expiresAt',
    ],
    ['a negative lifetime', { accessTokenLifetimeSec: -1 }, 'accessTokenLifetimeSec'],
    ['an unknown token field', { tokenResponseFields: ['id_token'] }, 'tokenResponseFields[0]'],
    ['an unknown switch', { rotation: true }, 'rotation'],
  ])('%s', (_, input, path) => {
    const error = refusal(input);
    expect(error.path).toBe(path);
    expect(error.message).toContain(`at ${path || '(root)'}`);
  });

  it('does not quote a duplicated API token', () => {
    const error = refusal({
      users: [
        { username: 'u', password: 'p', apiTokens: ['very-secret-token'] },
        { username: 'v', password: 'p', apiTokens: ['very-secret-token'] },
      ],
    });
    expect(error.path).toBe('users[1].apiTokens[0]');
    expect(error.message).not.toContain('very-secret-token');
  });

  it('startProvider refuses a bad config with the same error', async () => {
    await expect(startProvider({ codeLifetimeSec: 0 })).rejects.toThrow(ConfigError);
  });
});

describe('defaults', () => {
  it('the documented default: one client with the custom-scheme and a loopback redirect, operator/operator with three cameras', () => {
    const config = parseConfig({});
    expect(config.clients).toHaveLength(1);
    expect(config.clients[0]!.redirect_uris).toContain('cz.netrex.connect:/oauth/callback/demo');
    expect(
      config.clients[0]!.redirect_uris.some((uri) => uri.startsWith('http://127.0.0.1:')),
    ).toBe(true);
    expect(config.users).toEqual([
      expect.objectContaining({
        username: 'operator',
        password: 'operator',
        cameras: ['Entrance', 'Parking lot', 'Warehouse'],
      }),
    ]);
    expect(config).toMatchObject({
      accessTokenLifetimeSec: 3600,
      refreshTokens: true,
      rotateRefreshTokens: true,
      rotationGraceSec: 0,
      pkce: 'optional',
      tokenResponseFields: [...TOKEN_RESPONSE_FIELDS],
      codeLifetimeSec: 60,
      revokeUnknownToken: 'success',
      loopbackAnyPort: false,
    });
  });

  it('a partial config replaces only the keys it names', () => {
    const config = parseConfig({ users: [{ username: 'u', password: 'p' }], pkce: 'required' });
    expect(config.clients).toEqual(DEFAULT_CONFIG.clients);
    expect(config.users).toEqual([{ username: 'u', password: 'p', cameras: [], apiTokens: [] }]);
    expect(
      parseConfig({ users: [{ username: 'u', password: 'p', apiTokens: ['t'] }] }).users[0]!
        .apiTokens,
    ).toEqual([{ token: 't', rights: ['read'] }]);
    expect(config.pkce).toBe('required');
  });

  it('portal.settings starts from the config and is its own live copy', async () => {
    const portal = await startProvider({ accessTokenLifetimeSec: 60 });
    try {
      expect(portal.settings.accessTokenLifetimeSec).toBe(60);
      portal.settings.accessTokenLifetimeSec = 5;
      expect(portal.config.accessTokenLifetimeSec).toBe(60);
      expect(portal.issued()).toEqual(
        expect.arrayContaining(['demo-client-secret', 'operator', 'demo-operator-api-token']),
      );
    } finally {
      await portal.close();
    }
  });
});
