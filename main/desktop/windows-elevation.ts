// Whether this copy runs as administrator on Windows. A browser running
// without administrator rights starts the app link's command at its own
// (medium) integrity level; that copy cannot hand the link to an elevated
// first copy, so the way back must not count on the app link then.
//
// Told from `whoami /groups /fo csv /nh`: the token's mandatory label is one
// of its groups, named in the OS's language but with a fixed SID (Microsoft,
// "Well-known SIDs": Medium S-1-16-8192, High S-1-16-12288, System
// S-1-16-16384). Elevated means High or System. Pure: the adapter runs whoami.

export const MEDIUM_MANDATORY_LEVEL = 'S-1-16-8192';
export const HIGH_MANDATORY_LEVEL = 'S-1-16-12288';
export const SYSTEM_MANDATORY_LEVEL = 'S-1-16-16384';

/** whoami's arguments: the groups as CSV without a header, one group a line. */
export const WHOAMI_GROUPS_ARGS: readonly string[] = ['/groups', '/fo', 'csv', '/nh'];

/**
 * True for a High or System mandatory label, false for any other label, null
 * when the output names none (not whoami's answer: cannot tell).
 */
export function elevatedFromWhoamiGroups(output: string): boolean | null {
  const sids = new Set<string>();
  for (const line of output.split(/\r?\n/)) {
    for (const field of line.matchAll(/"(S-1-16-\d+)"/g)) sids.add(field[1] as string);
  }
  if (sids.size === 0) return null;
  return sids.has(HIGH_MANDATORY_LEVEL) || sids.has(SYSTEM_MANDATORY_LEVEL);
}
