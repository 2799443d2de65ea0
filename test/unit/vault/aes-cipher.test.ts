import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AesGcmCipher } from '../../support/aes-cipher';

describe('AesGcmCipher (the test Cipher)', () => {
  const plain = 'refresh-token-é-"quoted"-\\-' + 'x'.repeat(100);

  it('round-trips, and never returns the plain text', async () => {
    const cipher = AesGcmCipher.random();
    const sealed = await cipher.encrypt(plain);
    expect(Buffer.from(sealed).toString('latin1')).not.toContain('refresh-token');
    expect(sealed.length).toBe(12 + Buffer.byteLength(plain) + 16);
    expect(await cipher.decrypt(sealed)).toBe(plain);
  });

  it('uses a fresh IV each time', async () => {
    const cipher = AesGcmCipher.random();
    const a = Buffer.from(await cipher.encrypt(plain));
    const b = Buffer.from(await cipher.encrypt(plain));
    expect(a.subarray(0, 12).equals(b.subarray(0, 12))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('rejects another key, an altered byte and a short input', async () => {
    const key = randomBytes(32);
    const sealed = await new AesGcmCipher(key).encrypt(plain);
    await expect(new AesGcmCipher(randomBytes(32)).decrypt(sealed)).rejects.toThrow();
    for (const index of [0, 20, sealed.length - 1]) {
      const altered = Uint8Array.from(sealed);
      altered[index] = altered[index]! ^ 0x01;
      await expect(new AesGcmCipher(key).decrypt(altered)).rejects.toThrow();
    }
    await expect(new AesGcmCipher(key).decrypt(sealed.subarray(0, 27))).rejects.toThrow();
    expect(await new AesGcmCipher(key).decrypt(sealed)).toBe(plain);
  });

  it('plays a machine without a key store', async () => {
    const cipher = AesGcmCipher.random({ available: false, backend: 'unavailable' });
    expect(cipher.isEncryptionAvailable()).toBe(false);
    await expect(cipher.encrypt(plain)).rejects.toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new AesGcmCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
