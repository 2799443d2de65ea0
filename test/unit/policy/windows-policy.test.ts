// Windows policies, from the shapes Windows' own programs produce, recorded
// in their documented formats: reg.exe export files (UTF-16 LE with a BOM,
// "Windows Registry Editor Version 5.00", values as .reg files write them:
// learn.microsoft.com/troubleshoot/windows-server/performance/add-modify-delete-registry-subkeys-values)
// and security descriptors as PowerShell's (Get-Acl).Sddl prints them
// (learn.microsoft.com/windows/win32/secauthz/security-descriptor-string-format).
// The reader runs over a `run` double that answers as reg.exe and
// PowerShell do: HKLM wins over HKCU; a key or file a standard user could
// have written is refused, and says why.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combinePolicies } from '../../../main/policy/effective-policy';
import {
  decodeRegFile,
  encodeRegFile,
  formatRegFile,
  parseRegFile,
  RegFileError,
} from '../../../main/policy/reg-file';
import { registryValuesToInput } from '../../../main/policy/registry-policy';
import { judgeSecurityDescriptor, parseSddl } from '../../../main/policy/windows-acl';
import {
  aclScript,
  parseAclReport,
  readWindowsPolicies,
  type RunCommand,
} from '../../../main/policy/windows-policy';

// reg.exe export HKLM\SOFTWARE\Policies\Netrex\Connect, as Group Policy leaves it
// after the generated ADMX's policies were set (CRLF line ends, like the tool).
const HKLM_EXPORT = [
  'Windows Registry Editor Version 5.00',
  '',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Netrex\\Connect]',
  '"allowCustomPortals"=dword:00000000',
  '"updateUrl"="https://updates.example.com/netrex-connect"',
  '"updateChannel"="beta"',
  '"providers"=hex(7):5b,00,7b,00,22,00,69,00,64,00,22,00,3a,00,20,00,22,00,6e,\\',
  '  00,65,00,74,00,72,00,65,00,78,00,22,00,2c,00,20,00,22,00,63,00,6c,00,69,00,\\',
  '  65,00,6e,00,74,00,49,00,64,00,22,00,3a,00,20,00,22,00,67,00,70,00,2d,00,63,\\',
  '  00,6c,00,69,00,65,00,6e,00,74,00,22,00,2c,00,00,00,20,00,20,00,22,00,63,00,\\',
  '  6c,00,69,00,65,00,6e,00,74,00,53,00,65,00,63,00,72,00,65,00,74,00,22,00,3a,\\',
  '  00,20,00,22,00,67,00,70,00,2d,00,73,00,65,00,63,00,72,00,65,00,74,00,22,00,\\',
  '  7d,00,5d,00,00,00,00,00',
  '',
  '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Netrex\\Connect\\Unrelated]',
  '"allowApiTokens"=dword:00000000',
  '',
].join('\r\n');

// reg.exe export HKCU\…: the user's policies (machine wins where both set one).
const HKCU_EXPORT = [
  'Windows Registry Editor Version 5.00',
  '',
  '[HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Netrex\\Connect]',
  '"allowCustomPortals"=dword:00000001',
  '"allowApiTokens"=dword:00000000',
  '"LaunchAtLogin"=dword:00000001',
  '"logLevel"=hex(2):64,00,65,00,62,00,75,00,67,00,00,00',
  '',
].join('\r\n');

// (Get-Acl -LiteralPath …).Sddl, as Windows sets them.
const SDDL = {
  /** A key Group Policy made under HKLM\SOFTWARE\Policies (inherits SOFTWARE's ACL). */
  policiesKey:
    'O:SYG:SYD:AI(A;CIIOID;GA;;;CO)(A;CIID;KA;;;SY)(A;CIID;KA;;;BA)(A;CIID;KR;;;BU)(A;CIID;KR;;;AC)(A;CIID;KR;;;S-1-15-3-1024-1065365936-1281604716-3511738428-1654721687-432734479-3232135806-4053264122-3456934681)',
  /** A key an administrator made and then opened to Users (full control). */
  keyOpenToUsers: 'O:BAG:SYD:AI(A;CI;KA;;;BU)(A;CIID;KA;;;SY)(A;CIID;KA;;;BA)',
  /** managed.json an elevated administrator wrote under ProgramData (inherited ACL). */
  adminFile:
    'O:BAG:S-1-5-21-3623811015-3361044348-30300820-513D:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)',
  /** The NetrexConnect folder an administrator made under ProgramData. */
  adminFolder:
    'O:BAG:S-1-5-21-3623811015-3361044348-30300820-513D:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIIOID;GA;;;CO)(A;OICIID;0x1200a9;;;BU)(A;CIID;DCLCRPCR;;;BU)',
  /** managed.json a standard user planted: theirs, full control to them (CREATOR OWNER). */
  plantedFile:
    'O:S-1-5-21-3623811015-3361044348-30300820-1013G:S-1-5-21-3623811015-3361044348-30300820-513D:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;FA;;;S-1-5-21-3623811015-3361044348-30300820-1013)(A;ID;0x1200a9;;;BU)',
} as const;

describe('reg.exe export files', () => {
  it('reads every value form of a recorded export (UTF-16 LE with BOM)', () => {
    const bytes = encodeRegFile(HKLM_EXPORT);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const keys = parseRegFile(decodeRegFile(bytes));
    const values = keys.get('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Netrex\\Connect')!;
    expect(values.get('allowCustomPortals')).toEqual({ type: 'REG_DWORD', value: 0 });
    expect(values.get('updateChannel')).toEqual({ type: 'REG_SZ', value: 'beta' });
    expect(values.get('providers')).toEqual({
      type: 'REG_MULTI_SZ',
      value: ['[{"id": "netrex", "clientId": "gp-client",', '  "clientSecret": "gp-secret"}]'],
    });
    const user = parseRegFile(HKCU_EXPORT).get(
      'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Netrex\\Connect',
    )!;
    expect(user.get('logLevel')).toEqual({ type: 'REG_EXPAND_SZ', value: 'debug' });
  });

  it('writes what it reads: quoting, DWORDs and wrapped hex survive the round trip', () => {
    const keys = new Map([
      [
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Netrex\\Connect',
        new Map([
          ['updateUrl', { type: 'REG_SZ' as const, value: 'C:\\path "quoted" ž' }],
          ['allowApiTokens', { type: 'REG_DWORD' as const, value: 1 }],
          ['providers', { type: 'REG_MULTI_SZ' as const, value: ['[', '{"a": "ž"}', ']'] }],
        ]),
      ],
    ]);
    const text = formatRegFile(keys);
    expect(text).toContain('"updateUrl"="C:\\\\path \\"quoted\\" ž"');
    expect(text).toContain('"allowApiTokens"=dword:00000001');
    expect(parseRegFile(decodeRegFile(encodeRegFile(text)))).toEqual(keys);
  });

  it('refuses what is not an export, naming the line', () => {
    expect(() => parseRegFile('REGEDIT4\r\n')).toThrow(RegFileError);
    expect(() =>
      parseRegFile('Windows Registry Editor Version 5.00\r\n\r\n"a"=dword:1\r\n'),
    ).toThrow(/line 3 holds a value before any \[key\]/);
    expect(() =>
      parseRegFile('Windows Registry Editor Version 5.00\r\n[K]\r\n"a"=dword:xyz\r\n'),
    ).toThrow(/line 3 holds a value of a form/);
  });
});

describe('registry values into the schema', () => {
  it('turns each kind into its input, names matched without regard to case', () => {
    const keys = parseRegFile(HKCU_EXPORT);
    const { input, errors } = registryValuesToInput([...keys.values()][0]!);
    expect(errors).toEqual([]);
    expect(input).toEqual({
      allowCustomPortals: true,
      allowApiTokens: false,
      launchAtLogin: true,
      logLevel: 'debug',
    });
  });

  it('reports a value of the wrong type at its name, never quoting it', () => {
    const { input, errors } = registryValuesToInput(
      new Map([
        ['allowApiTokens', { type: 'REG_SZ', value: 'no SECRET' }],
        ['allowWeakStorage', { type: 'REG_DWORD', value: 2 }],
        ['providers', { type: 'REG_SZ', value: '[{"id": SECRET' }],
        ['updateUrl', { type: 'REG_DWORD', value: 1 }],
        ['Comment', { type: 'REG_SZ', value: 'set by ticket 42' }],
      ]),
    );
    expect(errors).toEqual([
      { field: 'allowApiTokens', message: expect.stringMatching(/REG_SZ .* REG_DWORD/) },
      { field: 'allowWeakStorage', message: 'must be 1 (enabled) or 0 (disabled)' },
      { field: 'providers', message: 'is not valid JSON' },
      { field: 'updateUrl', message: expect.stringMatching(/REG_DWORD .* REG_SZ/) },
    ]);
    expect(JSON.stringify(errors)).not.toContain('SECRET');
    expect(input).toEqual({ Comment: true });
  });
});

describe('security descriptors (SDDL)', () => {
  const judge = (sddl: string, object: 'registry' | 'file' | 'folder') =>
    judgeSecurityDescriptor(parseSddl(sddl), object, 'X');

  it('accepts what Group Policy and an elevated administrator leave behind', () => {
    expect(judge(SDDL.policiesKey, 'registry')).toBeNull();
    expect(judge(SDDL.adminFile, 'file')).toBeNull();
    // Users may create files in the folder (ProgramData's own ACE) but not replace one.
    expect(judge(SDDL.adminFolder, 'folder')).toBeNull();
  });

  it('refuses a file a standard user owns, and a key or folder others may change', () => {
    expect(judge(SDDL.plantedFile, 'file')).toMatchObject({
      reason: 'owner',
      detail: expect.stringMatching(/owned by the account S-1-5-21-.*-1013, not by Administrators/),
    });
    expect(judge(SDDL.keyOpenToUsers, 'registry')).toMatchObject({
      reason: 'writable',
      detail: expect.stringMatching(/may be changed by Users \(BU\)/),
    });
    expect(judge('O:BAG:SYD:(A;;0x2;;;WD)', 'file')).toMatchObject({ reason: 'writable' });
    // FILE_DELETE_CHILD on the folder lets a user replace the administrator's file.
    expect(judge('O:BAG:SYD:(A;;0x40;;;AU)', 'folder')).toMatchObject({ reason: 'writable' });
    // Read rights (0x1200a9) and inherit-only ACEs change nothing.
    expect(judge('O:SYG:SYD:(A;;0x1200a9;;;WD)(A;OICIIO;GA;;;BU)', 'file')).toBeNull();
  });

  it('refuses descriptors it cannot read', () => {
    expect(() => parseSddl('G:SYD:(A;;FA;;;SY)')).toThrow(/names no owner/);
    expect(() => parseSddl('O:BAD:(A;;ZZ;;;SY)')).toThrow(/unknown right \(ZZ\)/);
  });
});

describe('the Windows reader (reg.exe and PowerShell answering as recorded)', () => {
  const LEGACY = 'C:\\ProgramData\\NetrexConnect\\managed.json';
  const files = new Map<string, Uint8Array>();

  /** reg.exe writes the export file it is asked for; PowerShell prints one line per path. */
  function windows(answers: {
    hklm?: string;
    hkcu?: string;
    acl: readonly string[];
    powershellFails?: boolean;
  }): { run: RunCommand; calls: string[][] } {
    const calls: string[][] = [];
    const run: RunCommand = async (file, args) => {
      calls.push([file, ...args]);
      if (file.endsWith('reg.exe')) {
        const text = args[1]!.startsWith('HKLM') ? answers.hklm : answers.hkcu;
        if (text === undefined) return { code: 1, stdout: '' };
        files.set(args[2]!, encodeRegFile(text));
        return { code: 0, stdout: 'The operation completed successfully.\r\n' };
      }
      if (answers.powershellFails) return { code: null, stdout: '' };
      return { code: 0, stdout: answers.acl.map((line, i) => `${i}\t${line}`).join('\r\n') };
    };
    return { run, calls };
  }

  const read = (run: RunCommand) =>
    readWindowsPolicies({
      run,
      tempDir: async () => ({ path: 'C:\\Temp\\netrex-policy-x', dispose: async () => undefined }),
      readFile: async (path) => {
        const bytes = files.get(path);
        if (!bytes) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return bytes;
      },
      systemRoot: 'C:\\Windows',
      legacyFile: LEGACY,
    });

  it('reads HKLM over HKCU, with reg.exe export in the 64-bit view', async () => {
    const { run, calls } = windows({
      hklm: HKLM_EXPORT,
      hkcu: HKCU_EXPORT,
      acl: [`sddl\t${SDDL.policiesKey}`, `sddl\t${SDDL.policiesKey}`, 'absent', 'absent'],
    });
    const policy = combinePolicies(await read(run));
    expect(policy.values).toEqual({
      allowCustomPortals: false,
      allowApiTokens: false,
      launchAtLogin: true,
      logLevel: 'debug',
      updateUrl: 'https://updates.example.com/netrex-connect',
      updateChannel: 'beta',
    });
    expect(policy.sourceOf.allowCustomPortals?.location).toBe(
      'HKLM\\SOFTWARE\\Policies\\Netrex\\Connect',
    );
    expect(policy.sourceOf.launchAtLogin?.scope).toBe('user');
    expect(policy.managed.providers[0]).toMatchObject({ id: 'netrex', clientId: 'gp-client' });
    expect(policy.managed.clientSecrets.get('netrex')).toBe('gp-secret');
    // The subkey's value is no policy of the key itself.
    expect(policy.managed.errors).toEqual([]);
    expect(calls[0]![0]).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(calls[1]).toEqual([
      'C:\\Windows\\System32\\reg.exe',
      'export',
      'HKLM\\SOFTWARE\\Policies\\Netrex\\Connect',
      join('C:\\Temp\\netrex-policy-x', 'hklm.reg'),
      '/y',
      '/reg:64',
    ]);
  });

  it('refuses a key opened to Users and a managed.json a user planted; keeps an administrator’s file', async () => {
    files.set(LEGACY, new TextEncoder().encode(JSON.stringify({ allowApiTokens: false })));
    const planted = windows({
      hklm: HKLM_EXPORT,
      acl: [
        `sddl\t${SDDL.keyOpenToUsers}`,
        'absent',
        `sddl\t${SDDL.plantedFile}`,
        `sddl\t${SDDL.adminFolder}`,
      ],
    });
    const refused = combinePolicies(await read(planted.run));
    expect(refused.values).toEqual({});
    expect(refused.refused.map((r) => [r.source.location, r.reason])).toEqual([
      ['HKLM\\SOFTWARE\\Policies\\Netrex\\Connect', 'writable'],
      [LEGACY, 'owner'],
    ]);
    // The key refused was never exported.
    expect(planted.calls.some((c) => c[0]!.endsWith('reg.exe'))).toBe(false);

    const admin = windows({
      acl: ['absent', 'absent', `sddl\t${SDDL.adminFile}`, `sddl\t${SDDL.adminFolder}`],
    });
    expect(combinePolicies(await read(admin.run)).values).toEqual({ allowApiTokens: false });
  });

  it('where PowerShell cannot run: the Policies keys still count, the JSON file does not', async () => {
    files.set(LEGACY, new TextEncoder().encode(JSON.stringify({ allowApiTokens: false })));
    const { run } = windows({ hkcu: HKCU_EXPORT, acl: [], powershellFails: true });
    const policy = combinePolicies(await read(run));
    expect(policy.values).toMatchObject({ allowCustomPortals: true, launchAtLogin: true });
    expect(policy.refused).toEqual([
      expect.objectContaining({
        source: expect.objectContaining({ location: LEGACY }),
        reason: 'unchecked',
      }),
    ]);
  });

  it('the PowerShell script embeds paths as literals and its report is read line by line', () => {
    const script = aclScript(["C:\\it's\\managed.json"]);
    expect(script).toContain("@('C:\\it''s\\managed.json')");
    expect(
      parseAclReport('0\tabsent\r\n1\tsddl\tO:BAD:(A;;FA;;;SY)\r\n7\tabsent\r\n2\terror', 3),
    ).toEqual([
      { state: 'absent' },
      { state: 'sddl', sddl: 'O:BAD:(A;;FA;;;SY)' },
      { state: 'unknown' },
    ]);
  });
});
