// A child process for the vault's atomicity test: writes the vault in a tight
// loop, every round a new generation of tokens for every account, until it is
// killed. It goes on from the generation on disk. After each round is on
// disk it prints the generation on stdout (a pipe: written synchronously on
// Linux), so the parent knows the least the file must hold.
//
// Usage: vault-writer <dir> <hex key> [accounts]
import { argv, stdout } from 'node:process';
import { AesGcmCipher } from './aes-cipher';
import { makeLargeAccount, openVaultIn, generationOf } from './vault-fixtures';

const [dir, keyHex, count = '4'] = argv.slice(2);
if (!dir || !keyHex) throw new Error('usage: vault-writer <dir> <hex key> [accounts]');

const cipher = new AesGcmCipher(Buffer.from(keyHex, 'hex'), { backend: 'gnome_libsecret' });
const vault = await openVaultIn(dir, cipher);
if (vault.storageStatus().recovered) throw new Error('the vault file was damaged at start');
const names = Array.from({ length: Number(count) }, (_, i) => `w${i}`);
const onDisk = vault.listAccounts().map(generationOf);

for (let generation = Math.max(0, ...onDisk) + 1; ; generation++) {
  await Promise.all(names.map((name) => vault.saveAccount(makeLargeAccount(name, generation))));
  stdout.write(`${generation}\n`);
}
