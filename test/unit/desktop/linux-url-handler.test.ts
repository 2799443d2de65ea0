// The Linux rules of the way back: the desktop entry the app installs for its
// AppImage (text and place), reading Exec back, whether the scheme's handler
// starts this very program, and the repair plan for every state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicationsDirs,
  desktopEntryFacts,
  execArgs,
  execValue,
  linuxRepairPlan,
  linuxVerdict,
  urlHandlerEntryText,
  userApplicationsDir,
  type FoundEntry,
  type LinuxHandlerState,
} from '../../../main/desktop/linux-url-handler';

const SCHEME = 'cz.netrex.connect';
const ID = 'cz.netrex.connect.desktop';
const APPIMAGE = '/home/op/Apps/Netrex Connect-0.1.0.AppImage';
const DEB = '/opt/Netrex Connect/netrex-connect';

describe('the desktop entry the app installs (AppImage)', () => {
  it('starts the AppImage with one link (%u), handles the scheme, names the window class, is marked as ours', () => {
    expect(
      urlHandlerEntryText({
        scheme: SCHEME,
        program: APPIMAGE,
        name: 'Netrex Connect',
        wmClass: 'cz.netrex.connect',
      }),
    ).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Netrex Connect',
        'Comment=Sign-in to Netrex and CamStreamer Cloud portals',
        'Exec="/home/op/Apps/Netrex Connect-0.1.0.AppImage" %u',
        'Terminal=false',
        'Categories=Network;',
        'MimeType=x-scheme-handler/cz.netrex.connect;',
        'StartupWMClass=cz.netrex.connect',
        'X-Netrex-Connect-Url-Handler=true',
        '',
      ].join('\n'),
    );
  });

  it('goes to $XDG_DATA_HOME/applications, else ~/.local/share/applications (a relative XDG_DATA_HOME is ignored)', () => {
    expect(userApplicationsDir({ XDG_DATA_HOME: '/data' }, '/home/op')).toBe('/data/applications');
    expect(userApplicationsDir({}, '/home/op')).toBe('/home/op/.local/share/applications');
    expect(userApplicationsDir({ XDG_DATA_HOME: 'rel' }, '/home/op')).toBe(
      '/home/op/.local/share/applications',
    );
  });

  it('is looked up as the spec says: the user folder, then XDG_DATA_DIRS (default /usr/local/share:/usr/share)', () => {
    expect(applicationsDirs({}, '/home/op')).toEqual([
      '/home/op/.local/share/applications',
      '/usr/local/share/applications',
      '/usr/share/applications',
    ]);
    expect(applicationsDirs({ XDG_DATA_DIRS: '/a:rel:/b' }, '/h')).toEqual([
      '/h/.local/share/applications',
      '/a/applications',
      '/b/applications',
    ]);
  });

  // The spec: the string escape (\\ for a backslash) applies before the quoting rule, so
  // "a literal dollar sign in a quoted argument … is unambiguously represented with \\$".
  it('quotes what the Exec key reserves, doubles %, and writes the quoting backslashes as the spec asks', () => {
    expect(execValue('/opt/x/app')).toBe('/opt/x/app %u');
    expect(execValue('/o/100% $HOME/a"b`c')).toBe('"/o/100%% \\\\$HOME/a\\\\"b\\\\`c" %u');
    expect(execValue('/o/back\\slash')).toBe('"/o/back\\\\\\\\slash" %u');
    expect(() => execValue('/o/line\nbreak')).toThrow(/line break/);
  });

  it('reads back exactly the program and arguments it wrote, for any path', () => {
    const pathChar = fc.constantFrom(
      'a',
      'Z',
      ' ',
      '/',
      '%',
      '"',
      "'",
      '\\',
      '$',
      '`',
      'ř',
      '&',
      '(',
      ';',
      '#',
    );
    fc.assert(
      fc.property(
        fc.string({ unit: pathChar, minLength: 1 }),
        fc.array(fc.string({ unit: pathChar, minLength: 1 }), { maxLength: 2 }),
        (program, args) => {
          expect(execArgs(execValue(program, args))).toEqual([program, ...args]);
        },
      ),
    );
  });

  it('reads the entries electron-builder writes (deb and AppImage) and refuses a broken Exec', () => {
    expect(execArgs('"/opt/Netrex Connect/netrex-connect" %U')).toEqual([DEB]);
    expect(execArgs('AppRun --no-sandbox %U')).toEqual(['AppRun', '--no-sandbox']);
    expect(execArgs('"/opt/unclosed %U')).toBeNull();
  });

  it('finds program, name, the scheme (case-insensitively) and our mark in [Desktop Entry] only', () => {
    const text = [
      '# comment',
      '[Desktop Entry]',
      'Name=Other\\sApp',
      'Exec=/usr/bin/other %u',
      'MimeType=text/plain;X-Scheme-Handler/CZ.Netrex.Connect;',
      '[Desktop Action new]',
      'Exec=/usr/bin/not-this',
      'X-Netrex-Connect-Url-Handler=true',
    ].join('\n');
    expect(desktopEntryFacts(text, SCHEME)).toEqual({
      program: '/usr/bin/other',
      name: 'Other App',
      handlesScheme: true,
      writtenByApp: false,
    });
  });
});

const entry = (program: string | null, patch: Partial<FoundEntry> = {}): FoundEntry => ({
  program,
  name: 'Netrex Connect',
  handlesScheme: true,
  writtenByApp: false,
  path: `/x/${ID}`,
  user: false,
  ...patch,
});

const state = (patch: Partial<LinuxHandlerState>): LinuxHandlerState => ({
  defaultId: '',
  defaultEntry: null,
  userEntry: null,
  systemEntry: null,
  ...patch,
});

describe('whether the scheme starts this very program', () => {
  it('registered: the default is our id and its entry starts us', () => {
    expect(linuxVerdict(state({ defaultId: ID, defaultEntry: entry(DEB) }), ID, DEB)).toEqual({
      status: 'registered',
      holder: null,
    });
  });

  it('claimed: our id starting another copy (an AppImage moved, the deb while the AppImage runs)', () => {
    expect(linuxVerdict(state({ defaultId: ID, defaultEntry: entry(DEB) }), ID, APPIMAGE)).toEqual({
      status: 'claimed',
      holder: DEB,
    });
  });

  it('claimed: another application, named as its entry names itself (else by its id)', () => {
    const other = entry('/usr/bin/other', { name: 'Other App' });
    expect(
      linuxVerdict(state({ defaultId: 'other.desktop', defaultEntry: other }), ID, DEB),
    ).toEqual({
      status: 'claimed',
      holder: 'Other App',
    });
    expect(linuxVerdict(state({ defaultId: 'gone.desktop' }), ID, DEB)).toEqual({
      status: 'claimed',
      holder: 'gone.desktop',
    });
  });

  it('not registered: no default, or our id with no entry behind it', () => {
    expect(linuxVerdict(state({}), ID, DEB)).toEqual({ status: 'not-registered', holder: null });
    expect(linuxVerdict(state({ defaultId: ID }), ID, DEB)).toEqual({
      status: 'not-registered',
      holder: null,
    });
  });
});

describe('the repair plan, for every state of the entries', () => {
  const ours = (program: string) => entry(program, { writtenByApp: true, user: true });

  it.each([
    ['AppImage, nothing installed', state({}), APPIMAGE, ['write-user-entry', 'set-default'], null],
    [
      'AppImage moved: our old entry rewritten',
      state({ userEntry: ours('/old/place.AppImage') }),
      APPIMAGE,
      ['write-user-entry', 'set-default'],
      null,
    ],
    [
      'AppImage beside the deb: our own entry hides the deb’s',
      state({ systemEntry: entry(DEB) }),
      APPIMAGE,
      ['write-user-entry', 'set-default'],
      null,
    ],
    [
      'deb after the AppImage: the AppImage’s entry removed, the system’s takes over',
      state({ userEntry: ours(APPIMAGE), systemEntry: entry(DEB) }),
      DEB,
      ['remove-user-entry', 'set-default'],
      null,
    ],
    [
      'deb whose entry is right but not the default (another app took the scheme)',
      state({ systemEntry: entry(DEB), defaultId: 'other.desktop' }),
      DEB,
      ['set-default'],
      null,
    ],
    [
      'a user entry of our name that the app did not write: left alone',
      state({ userEntry: entry('/usr/local/bin/custom', { user: true, path: '/h/a/x.desktop' }) }),
      DEB,
      [],
      '/h/a/x.desktop',
    ],
    [
      'an entry that starts us but does not handle the scheme: written again',
      state({ userEntry: ours(APPIMAGE) && { ...ours(APPIMAGE), handlesScheme: false } }),
      APPIMAGE,
      ['write-user-entry', 'set-default'],
      null,
    ],
    [
      'installed without an entry (a tar.gz): one written for the executable',
      state({}),
      DEB,
      ['write-user-entry', 'set-default'],
      null,
    ],
  ] as const)('%s', (_name, given, program, steps, blockedBy) => {
    expect(linuxRepairPlan(given, program)).toEqual({ steps, blockedBy });
  });
});
