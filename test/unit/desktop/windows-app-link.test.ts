// The Windows side of the way back: the command string Electron registers
// and compares (shell/browser/browser_win.cc GetProtocolLaunchPath, quoting by
// shell/common/command_line_util_win.cc AddQuoteForArg), what reg.exe prints,
// and elevation from whoami's groups.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseRegQueryValue,
  programOfWindowsCommand,
  quoteWindowsArg,
  windowsCommandKey,
  windowsProtocolCommand,
} from '../../../main/desktop/windows-protocol-command';
import {
  elevatedFromWhoamiGroups,
  WHOAMI_GROUPS_ARGS,
} from '../../../main/desktop/windows-elevation';

/** CommandLineToArgvW's rules for arguments after the first (the inverse AddQuoteForArg targets). */
function commandLineToArgv(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let arg = '';
    let quoted = false;
    for (; i < line.length; i++) {
      const c = line[i];
      if (!quoted && (c === ' ' || c === '\t')) break;
      if (c === '\\') {
        let n = 0;
        while (line[i] === '\\') {
          n++;
          i++;
        }
        if (line[i] === '"') {
          arg += '\\'.repeat(Math.floor(n / 2));
          if (n % 2 === 1) arg += '"';
          else quoted = !quoted;
        } else {
          arg += '\\'.repeat(n);
          i--;
        }
      } else if (c === '"') {
        quoted = !quoted;
      } else {
        arg += c;
      }
    }
    args.push(arg);
  }
  return args;
}

describe('the command Electron registers for the scheme (browser_win.cc)', () => {
  it('an installed app: the executable quoted (it holds backslashes), then "%1" — what installer.nsh writes too', () => {
    const exe = 'C:\\Users\\op\\AppData\\Local\\Programs\\netrex-connect\\Netrex Connect.exe';
    expect(windowsProtocolCommand(exe, [])).toBe(`"${exe}" "%1"`);
  });

  it('development: Electron with the app folder, each quoted, then "%1"', () => {
    expect(
      windowsProtocolCommand('C:\\dev\\app\\node_modules\\electron\\dist\\electron.exe', [
        'C:\\dev\\app',
      ]),
    ).toBe('"C:\\dev\\app\\node_modules\\electron\\dist\\electron.exe" "C:\\dev\\app" "%1"');
  });

  it('drops surrounding quotes from the program first, as Electron does', () => {
    expect(windowsProtocolCommand('"C:\\A B\\x.exe"', [])).toBe('"C:\\A B\\x.exe" "%1"');
  });

  it('AddQuoteForArg: plain words unchanged; trailing backslashes doubled before the closing quote; quotes escaped', () => {
    expect(quoteWindowsArg('plain')).toBe('plain');
    expect(quoteWindowsArg('C:\\dir\\')).toBe('"C:\\dir\\\\"');
    expect(quoteWindowsArg('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteWindowsArg('a\\\\"b')).toBe('"a\\\\\\\\\\"b"');
  });

  it('AddQuoteForArg round-trips through CommandLineToArgvW for any non-empty argument', () => {
    // An empty one has no character to quote, so Electron writes nothing: it vanishes (faithful).
    expect(quoteWindowsArg('')).toBe('');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\\', '"', 'Č', 'x'), minLength: 1 }),
        (arg) => {
          expect(commandLineToArgv(`x ${quoteWindowsArg(arg)}`)).toEqual(['x', arg]);
        },
      ),
    );
  });

  it('names the HKCU key Electron writes', () => {
    expect(windowsCommandKey('cz.netrex.connect')).toBe(
      'HKCU\\Software\\Classes\\cz.netrex.connect\\shell\\open\\command',
    );
  });
});

describe('reading the registry (reg query … /ve)', () => {
  const printed = (name: string, type = 'REG_SZ', data = '"C:\\Old\\Netrex Connect.exe" "%1"') =>
    [
      '',
      'HKEY_CURRENT_USER\\Software\\Classes\\cz.netrex.connect\\shell\\open\\command',
      `    ${name}    ${type}    ${data}`,
      '',
      '',
    ].join('\r\n');

  it('takes the data of the value, whatever the localised name of the default value', () => {
    expect(parseRegQueryValue(printed('(Default)'))).toBe('"C:\\Old\\Netrex Connect.exe" "%1"');
    expect(parseRegQueryValue(printed('(Výchozí)'))).toBe('"C:\\Old\\Netrex Connect.exe" "%1"');
    expect(
      parseRegQueryValue(printed('(Default)', 'REG_EXPAND_SZ', '%LOCALAPPDATA%\\x.exe "%1"')),
    ).toBe('%LOCALAPPDATA%\\x.exe "%1"');
  });

  it('an empty value is an empty string; no value at all (or an error text) is null', () => {
    expect(parseRegQueryValue(printed('(Default)', 'REG_SZ', '').replace(/ +\r/, '\r'))).toBe('');
    expect(
      parseRegQueryValue(
        'ERROR: The system was unable to find the specified registry key or value.',
      ),
    ).toBeNull();
    expect(parseRegQueryValue('')).toBeNull();
  });

  it('finds the program a command starts (first argument: quoted to the next quote, else to a space)', () => {
    expect(programOfWindowsCommand('"C:\\Old\\Netrex Connect.exe" "%1"')).toBe(
      'C:\\Old\\Netrex Connect.exe',
    );
    expect(programOfWindowsCommand('C:\\Tools\\other.exe --url "%1"')).toBe('C:\\Tools\\other.exe');
    expect(programOfWindowsCommand('   ')).toBeNull();
  });
});

describe('elevation (whoami /groups /fo csv /nh)', () => {
  const line = (name: string, sid: string) => `"${name}","Label","${sid}",""`;

  it('asks whoami for the groups as CSV without a header', () => {
    expect(WHOAMI_GROUPS_ARGS).toEqual(['/groups', '/fo', 'csv', '/nh']);
  });

  it('High or System mandatory level is elevated; Medium is not — told by SID, not by the localised name', () => {
    const groups = '"Everyone","Well-known group","S-1-1-0","Mandatory group, Enabled by default"';
    expect(
      elevatedFromWhoamiGroups(
        [groups, line('Mandatory Label\\High Mandatory Level', 'S-1-16-12288')].join('\r\n'),
      ),
    ).toBe(true);
    expect(
      elevatedFromWhoamiGroups(
        [groups, line('Povinný popisek\\Vysoká úroveň povinnosti', 'S-1-16-12288')].join('\r\n'),
      ),
    ).toBe(true);
    expect(
      elevatedFromWhoamiGroups(line('Mandatory Label\\System Mandatory Level', 'S-1-16-16384')),
    ).toBe(true);
    expect(
      elevatedFromWhoamiGroups(
        [groups, line('Mandatory Label\\Medium Mandatory Level', 'S-1-16-8192')].join('\r\n'),
      ),
    ).toBe(false);
  });

  it('cannot tell (null) from output with no mandatory label', () => {
    expect(elevatedFromWhoamiGroups('"Everyone","Well-known group","S-1-1-0",""')).toBeNull();
    expect(elevatedFromWhoamiGroups('')).toBeNull();
  });
});
