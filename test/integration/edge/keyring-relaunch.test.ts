// The quiet restart that asks a keyring again (main/electron/keyring-relaunch.ts)
// under a typed double of Electron. Electron makes safeStorage's Encryptor
// once per run (electron_api_safe_storage.cc, EnsureAsyncEncryptorRequested),
// so the double's safeStorage stays "temporarily unavailable" for a run
// however often it is asked; only the next run asks the keyring again.
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AppServices } from '../../../main/app-services';
import { toDisposable } from '../../../main/common/lifecycle';
import type { StorageStatus } from '../../../main/common/model';
import { watchKeyringRelaunch } from '../../../main/electron/keyring-relaunch';
import { electronDouble } from '../../support/electron-double/mocked';

vi.mock('electron', async () =>
  (await import('../../support/electron-double/mocked')).mockedElectron(),
);

const double = electronDouble();
const base: StorageStatus = {
  backend: 'basic_text',
  encryptionAvailable: true,
  weak: true,
  policy: 'memory-only',
  recovered: null,
  fileKept: null,
  lastWriteError: null,
};

function servicesWith(status: () => StorageStatus) {
  const listeners = new Set<() => void>();
  const services: Pick<AppServices, 'storageStatus' | 'events'> = {
    storageStatus: status,
    events: {
      on: (_name, listener) => {
        const l = () => (listener as (p: never) => void)(undefined as never);
        listeners.add(l);
        return toDisposable(() => void listeners.delete(l));
      },
      windowReady: () => undefined,
      windowGone: () => undefined,
    },
  };
  return { services, changed: () => listeners.forEach((l) => l()) };
}

describe('the keyring restart (Linux, Electron asks the keyring once per run)', () => {
  afterAll(() => vi.useRealTimers());

  it('Electron fact, in the double: a second ask in the same run is still "temporarily unavailable"', async () => {
    double.app.emitReady();
    double.safeStorage.nextRun({ keyring: 'opens' });
    const sealed = await double.safeStorage.encryptStringAsync('x');
    double.safeStorage.nextRun({ keyring: 'fails' });
    const built = double.safeStorage.encryptorsBuilt;
    for (let i = 0; i < 2; i++) {
      await expect(double.safeStorage.decryptStringAsync(sealed)).rejects.toThrow(
        /temporarily unavailable/,
      );
    }
    expect(double.safeStorage.encryptorsBuilt).toBe(built + 1); // asked once this run
  });

  it('restarts into the tray once the sign-ins have waited a minute with no window open', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 3, 8, 0) });
    const since = Date.now();
    const { services } = servicesWith(() => ({
      ...base,
      keyStoreWaiting: {
        path: '/v.json',
        sealedBy: 'gnome_libsecret',
        since,
        unsavedChanges: false,
      },
    }));
    const watch = watchKeyringRelaunch(
      services,
      () => false,
      () => undefined,
    );
    expect(double.app.relaunches).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(double.app.relaunches).toHaveLength(1);
    expect(double.app.relaunches[0]?.args).toEqual(
      expect.arrayContaining(['--keyring-relaunch=1', '--start-in-tray']),
    );
    expect(double.app.calls.map((c) => c.name)).toContain('quit');
    void watch.dispose();
    vi.useRealTimers();
  });

  it('never with the window open or with sign-ins only in memory; at once on waking up otherwise', () => {
    const before = double.app.relaunches.length;
    let open = true;
    let unsaved = true;
    const { services, changed } = servicesWith(() => ({
      ...base,
      keyStoreWaiting: { path: '/v.json', sealedBy: '', since: 0, unsavedChanges: unsaved },
    }));
    const watch = watchKeyringRelaunch(
      services,
      () => open,
      () => undefined,
    );
    double.electron.powerMonitor.emit('resume');
    changed();
    expect(double.app.relaunches.length).toBe(before);
    open = false;
    watch.check();
    expect(double.app.relaunches.length).toBe(before);
    unsaved = false;
    double.electron.powerMonitor.emit('resume');
    expect(double.app.relaunches.length).toBe(before + 1);
    void watch.dispose();
  });

  it('nothing when nothing waits', () => {
    const before = double.app.relaunches.length;
    const { services } = servicesWith(() => base);
    const watch = watchKeyringRelaunch(
      services,
      () => false,
      () => undefined,
    );
    double.electron.powerMonitor.emit('resume');
    expect(double.app.relaunches.length).toBe(before);
    void watch.dispose();
  });
});
