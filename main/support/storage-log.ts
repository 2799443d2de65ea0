// Where sign-ins are kept, as a log line: the key store in use and what was
// decided from it (storage policy, weak or not), and what happened to the
// vault file. Names and codes only: the file's path stays out (it names the
// operator's home folder).
import type { Log } from '../common/log';
import type { StorageStatus } from '../common/model';

export function logStorageStatus(log: Log, event: string, status: StorageStatus): void {
  const troubled = status.recovered || status.fileKept || status.lastWriteError;
  log[troubled ? 'warn' : 'info'](event, {
    backend: status.backend,
    encryption: status.encryptionAvailable,
    weak: status.weak,
    policy: status.policy,
    recovered: status.recovered ? (status.recovered.damage ?? 'damaged') : undefined,
    fileKept: status.fileKept
      ? status.fileKept.sealedBy
        ? `sealed-by-${status.fileKept.sealedBy}`
        : (status.fileKept.damage ?? 'damaged')
      : undefined,
    writeError: status.lastWriteError?.code,
  });
}
