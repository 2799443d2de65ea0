// "Start at login" on Linux. Electron's setLoginItemSettings covers macOS and
// Windows only; desktop Linux follows the XDG Autostart specification: a
// .desktop file in $XDG_CONFIG_HOME/autostart. No Electron here, so it is
// tested in Node against a temporary folder.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface LinuxAutostartOptions {
  /** The command to start: the AppImage ($APPIMAGE) or the installed executable. */
  readonly exec: readonly string[];
  readonly name: string;
  /** File name without `.desktop`. */
  readonly id: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** $XDG_CONFIG_HOME/autostart, or ~/.config/autostart. */
export function autostartDir(env: NodeJS.ProcessEnv = process.env): string {
  const configHome =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/')
      ? env.XDG_CONFIG_HOME
      : join(homedir(), '.config');
  return join(configHome, 'autostart');
}

/**
 * Quotes one argument for a desktop entry's Exec key (Desktop Entry spec,
 * "The Exec key"): inside double quotes, `"`, `` ` ``, `$` and `\` are
 * backslash-escaped, and `%` is doubled so it is not a field code.
 */
export function quoteExecArg(arg: string): string {
  if (/[\n\r\0]/.test(arg))
    throw new Error('A desktop entry argument cannot contain a line break.');
  const plain = /^[A-Za-z0-9_./:=+-]+$/.test(arg);
  const escaped = arg.replace(/%/g, '%%');
  return plain ? escaped : `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartEntry(options: LinuxAutostartOptions): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${options.name.replace(/[\n\r]/g, ' ')}`,
    `Exec=${options.exec.map(quoteExecArg).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

export interface LoginItemPort {
  get(): boolean;
  set(enabled: boolean): void;
}

export function linuxAutostart(options: LinuxAutostartOptions): LoginItemPort {
  const file = join(autostartDir(options.env), `${options.id}.desktop`);
  return {
    get() {
      // A file someone disabled by hand (Hidden=true) is not "on".
      return existsSync(file) && !/^Hidden\s*=\s*true\s*$/m.test(readFileSync(file, 'utf8'));
    },
    set(enabled) {
      if (!enabled) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(autostartDir(options.env), { recursive: true });
      writeFileSync(file, autostartEntry(options), { mode: 0o644 });
    },
  };
}
