// One table of portal addresses for both checks: the window's quick check
// (renderer/src/format/portal-url.ts) and the main process's rule
// (main/providers/portal-url.ts). The layers may not share code, so they share
// the cases: an address the window passes must pass main, and one main
// refuses must be refused beside the field, for the same reason.

/** What both checks answer. `refused` names the rule broken; both use the same names. */
export type PortalUrlCase =
  | { readonly input: string; readonly accepted: string }
  | {
      readonly input: string;
      readonly refused: 'not-a-url' | 'not-https' | 'has-credentials' | 'has-query-or-fragment';
    };

export const PORTAL_URL_CASES: readonly PortalUrlCase[] = [
  { input: 'https://portal.example.com', accepted: 'https://portal.example.com' },
  { input: 'https://portal.example.com/', accepted: 'https://portal.example.com' },
  { input: '  https://Portal.Example.com/video/  ', accepted: 'https://portal.example.com/video' },
  { input: 'http://127.0.0.1:8080', accepted: 'http://127.0.0.1:8080' },
  { input: 'http://[::1]:4010/base', accepted: 'http://[::1]:4010/base' },
  { input: 'http://portal.example.com', refused: 'not-https' },
  { input: 'http://localhost:8080', refused: 'not-https' },
  { input: 'http://127.0.0.2', refused: 'not-https' },
  { input: 'http://[::2]:4010', refused: 'not-https' },
  { input: 'ftp://portal.example.com', refused: 'not-https' },
  { input: 'https://user:pw@portal.example.com', refused: 'has-credentials' },
  { input: 'https://portal.example.com/?next=1', refused: 'has-query-or-fragment' },
  { input: 'https://portal.example.com/#x', refused: 'has-query-or-fragment' },
  { input: 'https://portal.example.com/?', refused: 'has-query-or-fragment' },
  { input: 'https://portal.example.com/#', refused: 'has-query-or-fragment' },
  { input: 'https://', refused: 'not-a-url' },
];
