export type ElectronBinary = { found: true; path: string } | { found: false; why: string };
export function findElectronBinary(env?: NodeJS.ProcessEnv): ElectronBinary;
export function downloadFailureAdvice(outcome: {
  before: { found: boolean; why?: string };
  after: { found: boolean };
  exitCode: number | null;
  version: string;
}): string | null;
