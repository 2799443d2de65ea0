// How the running copy was installed, for the update rules.
import { describe, expect, it } from 'vitest';
import { installScope } from '../../../main/desktop/install-scope';

describe('installScope', () => {
  const env = { LOCALAPPDATA: 'C:\\Users\\op\\AppData\\Local' };
  it('Windows: under %LOCALAPPDATA% is the per-user NSIS install, anything else per machine', () => {
    expect(
      installScope(
        'win32',
        'C:\\Users\\op\\AppData\\Local\\Programs\\netrex-connect\\Netrex Connect.exe',
        env,
      ),
    ).toEqual({ perMachine: false, supported: true });
    expect(
      installScope(
        'win32',
        'c:\\users\\OP\\appdata\\local\\Programs\\netrex-connect\\Netrex Connect.exe',
        env,
      ),
    ).toEqual({ perMachine: false, supported: true });
    expect(
      installScope('win32', 'C:\\Program Files\\Netrex Connect\\Netrex Connect.exe', env),
    ).toEqual({
      perMachine: true,
      supported: true,
    });
    // A folder that only starts with the same letters is not inside it.
    expect(
      installScope('win32', 'C:\\Users\\op\\AppData\\LocalX\\Netrex Connect.exe', env).perMachine,
    ).toBe(true);
  });

  it('Linux: an AppImage is the user’s and updatable; a .deb is the system’s', () => {
    expect(
      installScope('linux', '/tmp/.mount_x/netrex-connect', { APPIMAGE: '/home/op/NC.AppImage' }),
    ).toEqual({
      perMachine: false,
      supported: true,
    });
    expect(installScope('linux', '/opt/Netrex Connect/netrex-connect', {})).toEqual({
      perMachine: true,
      supported: false,
    });
  });

  it('macOS: not updated in place (no zip target yet)', () => {
    expect(
      installScope('darwin', '/Applications/Netrex Connect.app/Contents/MacOS/Netrex Connect', {})
        .supported,
    ).toBe(false);
  });
});
