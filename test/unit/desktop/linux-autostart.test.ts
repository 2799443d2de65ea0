import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  autostartDir,
  autostartEntry,
  linuxAutostart,
  quoteExecArg,
} from '../../../main/desktop/linux-autostart';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

let temp: TempDir | undefined;
afterEach(() => temp?.dispose());

describe('Linux autostart (XDG)', () => {
  it('writes, reads and removes the entry in $XDG_CONFIG_HOME/autostart', () => {
    temp = makeTempDir();
    const env = { XDG_CONFIG_HOME: temp.path };
    const port = linuxAutostart({
      exec: ['/opt/Netrex Connect/netrex-connect', '--start-in-tray'],
      name: 'Netrex Connect',
      id: 'cz.netrex.connect',
      env,
    });
    const file = join(temp.path, 'autostart', 'cz.netrex.connect.desktop');
    expect(port.get()).toBe(false);
    port.set(true);
    expect(port.get()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Netrex Connect',
        'Exec="/opt/Netrex Connect/netrex-connect" --start-in-tray',
        'X-GNOME-Autostart-enabled=true',
        'Terminal=false',
        '',
      ].join('\n'),
    );
    port.set(false);
    expect(existsSync(file)).toBe(false);
    expect(port.get()).toBe(false);
    port.set(false); // already off: no error
  });

  it('treats an entry disabled by hand (Hidden=true) as off', () => {
    temp = makeTempDir();
    const env = { XDG_CONFIG_HOME: temp.path };
    const port = linuxAutostart({ exec: ['/x'], name: 'N', id: 'n', env });
    port.set(true);
    const file = join(temp.path, 'autostart', 'n.desktop');
    writeFileSync(file, `${readFileSync(file, 'utf8')}Hidden=true\n`);
    expect(port.get()).toBe(false);
  });

  it('falls back to ~/.config when XDG_CONFIG_HOME is unset or relative (spec: must be absolute)', () => {
    expect(autostartDir({})).toMatch(/\.config\/autostart$/);
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative/dir' })).toMatch(/\.config\/autostart$/);
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/autostart');
  });

  it('quotes Exec arguments as the Desktop Entry spec asks', () => {
    expect(quoteExecArg('/usr/bin/app')).toBe('/usr/bin/app');
    expect(quoteExecArg('/home/a b/App.AppImage')).toBe('"/home/a b/App.AppImage"');
    expect(quoteExecArg('/x/$HOME`id`"q"\\')).toBe('"/x/\\$HOME\\`id\\`\\"q\\"\\\\"');
    // A percent sign would be a field code (%U): doubled.
    expect(quoteExecArg('/x/100%')).toBe('"/x/100%%"');
    expect(() => quoteExecArg('/x\n[Desktop Entry]')).toThrow(/line break/);
    expect(autostartEntry({ exec: ['/x'], name: 'A\nExec=evil', id: 'a' })).not.toMatch(
      /^Exec=evil/m,
    );
  });
});
