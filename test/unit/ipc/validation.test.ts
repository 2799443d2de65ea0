import { describe, expect, it } from 'vitest';
import { BRIDGE_METHODS } from '../../../main/ipc/contract';
import { BRIDGE_ARG_SCHEMAS, validateBridgeArgs } from '../../../main/ipc/validation';

describe('validateBridgeArgs', () => {
  it('has one schema per bridge method, and no other', () => {
    expect(Object.keys(BRIDGE_ARG_SCHEMAS).sort()).toEqual([...BRIDGE_METHODS].sort());
  });

  it.each([
    ['getAppInfo', []],
    ['updateAppSettings', [{ startAtLogin: true }]],
    ['updateAppSettings', [{ language: 'cs' }]],
    ['addPortal', [{ url: 'https://portal.example' }]],
    ['addPortal', [{ url: 'https://issuer.example', name: 'Issuer', dialect: 'oauth2' }]],
    [
      'updateProvider',
      [
        'netrex',
        {
          clientId: 'abc',
          rights: ['read', 'write'],
          redirectKind: 'loopback',
          loopbackPort: 28814,
        },
      ],
    ],
    ['setClientSecret', ['netrex', 's3cr3t']],
    ['setClientSecret', ['netrex', null]],
    ['signIn', ['netrex']],
    ['completeSignIn', ['cz.netrex.connect:/oauth/callback/netrex?code=x&state=y']],
    [
      'signInWithApiToken',
      [
        {
          providerId: 'netrex',
          providerUrl: 'https://system2.netrex.cz',
          token: 'tok',
          label: 'Office',
        },
      ],
    ],
    ['checkNow', ['acc-1']],
    ['setWeakStorageAllowed', [true]],
  ] as const)('accepts %s(%j)', (method, args) => {
    const result = validateBridgeArgs(method, args);
    expect(result).toEqual({ ok: true, value: args });
  });

  it.each([
    ['a missing argument', 'signIn', [], /signIn: wrong arguments \(it takes providerId\)/],
    [
      'an extra argument',
      'getAppInfo',
      ['x'],
      /getAppInfo: too many arguments \(it takes no arguments\)/,
    ],
    ['a number for an id', 'signIn', [42], /signIn: providerId: invalid input: expected string/],
    ['an empty id', 'checkNow', [''], /checkNow: accountId: must not be empty/],
    [
      'a newline in an id',
      'signOut',
      ['a\nb'],
      /signOut: accountId: must not contain control characters/,
    ],
    ['an unknown key', 'addPortal', [{ url: 'https://x', admin: true }], /addPortal: input/],
    [
      'a wrong dialect',
      'addPortal',
      [{ url: 'https://x', dialect: 'saml' }],
      /addPortal: input\.dialect/,
    ],
    [
      'a fractional port',
      'updateProvider',
      ['p', { loopbackPort: 80.5 }],
      /updateProvider: patch\.loopbackPort: must be a whole number/,
    ],
    [
      'a port out of range',
      'updateProvider',
      ['p', { loopbackPort: 70000 }],
      /patch\.loopbackPort/,
    ],
    [
      'too many rights',
      'updateProvider',
      ['p', { rights: Array(65).fill('read') }],
      /at most 64 rights/,
    ],
    ['a string for a boolean', 'setWeakStorageAllowed', ['yes'], /setWeakStorageAllowed: allowed/],
    [
      'an oversized URL',
      'completeSignIn',
      ['x'.repeat(8193)],
      /completeSignIn: url: must be at most 8192 characters/,
    ],
    [
      'a language the UI does not ship',
      'updateAppSettings',
      [{ language: 'de' }],
      /patch\.language/,
    ],
    ['a non-array of arguments', 'listAccounts', [undefined], /listAccounts/],
  ] as const)('refuses %s with invalid_input naming the rule', (_name, method, args, message) => {
    const result = validateBridgeArgs(method, args as readonly unknown[]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(message);
  });

  it('never repeats a secret value in its error', () => {
    const token = `tok-${'Z'.repeat(5000)}-end`;
    const secretTooLong = validateBridgeArgs('setClientSecret', ['netrex', token]);
    const tokenTooLong = validateBridgeArgs('signInWithApiToken', [{ providerId: 'p', token }]);
    const tokenBadType = validateBridgeArgs('signInWithApiToken', [
      { providerId: 'p', token: 'abc\u0000def-SECRET' },
    ]);
    for (const result of [secretTooLong, tokenTooLong, tokenBadType]) {
      expect(result.ok).toBe(false);
      const text = JSON.stringify(result);
      expect(text).not.toContain('ZZZZ');
      expect(text).not.toContain('SECRET');
      expect(text.length).toBeLessThan(400);
    }
  });
});
