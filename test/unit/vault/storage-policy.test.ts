import { describe, expect, it } from 'vitest';
import { decideStoragePolicy } from '../../../main/vault/storage-policy';

const decide = (
  platform: string,
  backend: string,
  encryptionAvailable = true,
  weakStorageAllowed = false,
) => decideStoragePolicy({ platform, backend, encryptionAvailable, weakStorageAllowed });

describe('decideStoragePolicy', () => {
  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])(
    'encrypts on Linux with %s',
    (backend) => {
      expect(decide('linux', backend)).toEqual({
        policy: 'encrypted',
        weak: false,
        persist: true,
        optInOffered: false,
        reason: 'protected',
      });
    },
  );

  it.each(['basic_text', 'unknown', 'some_future_backend'])(
    'keeps tokens in memory on Linux with %s until the user opts in',
    (backend) => {
      expect(decide('linux', backend)).toMatchObject({
        policy: 'memory-only',
        weak: true,
        persist: false,
        optInOffered: true,
        reason: 'weak-backend',
      });
      expect(decide('linux', backend, true, true)).toMatchObject({
        policy: 'weak-allowed',
        weak: true,
        persist: true,
        reason: 'weak-opted-in',
      });
    },
  );

  it.each([
    ['win32', 'dpapi'],
    ['darwin', 'keychain'],
  ])('encrypts on %s (%s)', (platform, backend) => {
    expect(decide(platform, backend)).toMatchObject({
      policy: 'encrypted',
      weak: false,
      persist: true,
    });
  });

  it.each(['linux', 'win32', 'darwin'])(
    'keeps tokens in memory when %s cannot encrypt, and offers no opt-in',
    (platform) => {
      for (const allowed of [false, true]) {
        expect(decide(platform, 'unavailable', false, allowed)).toEqual({
          policy: 'memory-only',
          weak: true,
          persist: false,
          optInOffered: false,
          reason: 'no-encryption',
        });
      }
    },
  );

  it('ignores the opt-in where the key store is protected', () => {
    expect(decide('linux', 'kwallet6', true, true).policy).toBe('encrypted');
    expect(decide('win32', 'dpapi', true, true).policy).toBe('encrypted');
  });
});
