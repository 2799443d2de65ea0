// The token vault's public surface (main process only).
export type { Cipher } from './cipher';
export { VaultError, type VaultErrorCode } from './errors';
export {
  decideStoragePolicy,
  isWeakBackend,
  PROTECTED_LINUX_BACKENDS,
  type StoragePolicyDecision,
  type StoragePolicyInput,
  type StoragePolicyReason,
} from './storage-policy';
export { openTokenVault } from './token-vault';
export type {
  OpenTokenVaultOptions,
  ProviderAddress,
  StoredAccount,
  TokenVault,
  VaultTokens,
} from './types';
export { VAULT_FORMAT, VAULT_VERSION } from './vault-format';
