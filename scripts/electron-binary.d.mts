export type ElectronBinary = { found: true; path: string } | { found: false; why: string };
export function findElectronBinary(env?: NodeJS.ProcessEnv): ElectronBinary;
