// The stand-in's command line: `npx tsx test/support/provider/cli.ts`, as
// `npm run provider` runs it. Started for real, read, hit, and stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../support/temp-dir';

const CLI = 'test/support/provider/cli.ts';
const LINE = /^Provider stand-in listening on http:\/\/127\.0\.0\.1:(\d+)$/;

interface Run {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<number | null>;
}

const runs: Run[] = [];
let temp: TempDir | undefined;

function run(args: string[]): Run {
  // Its own process group, so the whole tree (npx → tsx → node) can be stopped by id.
  const child = spawn('npx', ['tsx', CLI, ...args], {
    cwd: process.cwd(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result: Run = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  child.stdout!.on('data', (chunk: Buffer) => (result.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
  runs.push(result);
  return result;
}

/** Resolves with the first stdout line, or rejects with stderr when the process ends first. */
function firstLine(result: Run): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const end = result.stdout.indexOf('\n');
      if (end >= 0) resolve(result.stdout.slice(0, end));
    };
    result.child.stdout!.on('data', check);
    check();
    void result.exited.then((code) => reject(new Error(`exited ${code}: ${result.stderr}`)));
  });
}

function stop(result: Run): void {
  if (result.child.exitCode === null && result.child.signalCode === null && result.child.pid) {
    try {
      process.kill(-result.child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

afterEach(async () => {
  for (const result of runs.splice(0)) {
    stop(result);
    await result.exited;
  }
  temp?.dispose();
  temp = undefined;
});

function configFile(content: string): string {
  temp ??= makeTempDir('provider-cli-');
  const path = join(temp.path, 'config.json');
  writeFileSync(path, content);
  return path;
}

describe('refusals: a bad argument or config exits 2 and says what is wrong', () => {
  it.each([
    [
      'a redirect URL that is not a URL',
      {
        clients: [{ client_id: 'a', client_secret: 'b', name: 'c', redirect_uris: ['not a url'] }],
      },
      /clients\[0\]\.redirect_uris\[0\]/,
    ],
    ['an unknown switch', { rotateRefreshToken: true }, /rotateRefreshToken: unknown field/],
    ['a user without password', { users: [{ username: 'x' }] }, /users\[0\]\.password/],
    ['a wrong switch value', { pkce: 'sometimes' }, /pkce/],
  ])('%s', async (_, config, field) => {
    const result = run(['--port', '0', '--config', configFile(JSON.stringify(config))]);
    expect(await result.exited).toBe(2);
    expect(result.stderr).toMatch(field);
    expect(result.stdout).toBe('');
  });

  it('a config file that is not JSON, or missing', async () => {
    const broken = run(['--config', configFile('{"clients": [')]);
    expect(await broken.exited).toBe(2);
    expect(broken.stderr).toMatch(/not valid JSON/);
    const missing = run(['--config', '/nonexistent/stand-in.json']);
    expect(await missing.exited).toBe(2);
    expect(missing.stderr).toMatch(
      /Cannot read the config file \/nonexistent\/stand-in\.json \(ENOENT\)/,
    );
  });

  it('a bad port or an unknown option', async () => {
    const port = run(['--port', 'eighty']);
    expect(await port.exited).toBe(2);
    expect(port.stderr).toMatch(/--port must be a whole number/);
    const option = run(['--verbose']);
    expect(await option.exited).toBe(2);
    expect(option.stderr).toMatch(/Usage: npm run provider/);
  });
});

describe('a running stand-in', () => {
  it('without --config: prints exactly one line and serves the documented default', async () => {
    const result = run(['--port', '0']);
    const line = await firstLine(result);
    const port = Number(LINE.exec(line)?.[1]);
    expect(port).toBeGreaterThan(0);
    const url = `http://127.0.0.1:${port}`;
    const response = await fetch(`${url}/api/graphql.php`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer demo-operator-api-token',
        'content-type': 'application/json',
      },
      body: '{"query":"{cameraList{name}}"}',
    });
    expect(await response.json()).toEqual({
      data: { cameraList: [{ name: 'Entrance' }, { name: 'Parking lot' }, { name: 'Warehouse' }] },
    });
    // Faults over HTTP, for tests that run the CLI.
    await fetch(`${url}/__stand-in/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: 'graphql', fault: { kind: '503', retryAfterSec: 3 } }),
    });
    const faulted = await fetch(`${url}/api/graphql.php`, { method: 'POST' });
    expect(faulted.status).toBe(503);
    stop(result);
    await result.exited; // npx itself may end by the signal rather than with a code
    expect(result.stdout).toBe(`${line}\n`);
    expect(result.stderr).toBe('');
  });

  it('with --config: serves the configured users and switches', async () => {
    const file = configFile(
      JSON.stringify({
        users: [{ username: 'ops', password: 'pw', cameras: ['Dock'], apiTokens: ['ops-token'] }],
        revokeUnknownToken: 'error',
      }),
    );
    const result = run(['--port', '0', '--config', file]);
    const url = `http://127.0.0.1:${LINE.exec(await firstLine(result))?.[1]}`;
    const api = await fetch(`${url}/api/graphql.php`, {
      method: 'POST',
      headers: { authorization: 'Bearer ops-token', 'content-type': 'application/json' },
      body: '{"query":"{cameraList{name}}"}',
    });
    expect(await api.json()).toEqual({ data: { cameraList: [{ name: 'Dock' }] } });
    const revoke = await fetch(`${url}/oauth2/revoke?access_token=unknown`, { method: 'POST' });
    expect(revoke.status).toBe(400);
  });
});
