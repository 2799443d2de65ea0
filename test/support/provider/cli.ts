// npm run provider -- [--port 4010] [--config FILE]
// Starts the portal stand-in on 127.0.0.1 and prints exactly one line,
// "Provider stand-in listening on http://127.0.0.1:PORT". A bad argument or
// config is reported on stderr (naming the field) and exits with status 2.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from './config';
import { startProvider } from './server';

const USAGE = 'Usage: npm run provider -- [--port PORT] [--config FILE]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function readArgs(): { port: number; configFile: string | undefined } {
  let values: { port?: string; config?: string };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, config: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(
      `--port must be a whole number from 0 to 65535 (0 picks a free port), not "${values.port}".`,
    );
  }
  return { port, configFile: values.config };
}

function readConfig(file: string | undefined): unknown {
  if (file === undefined) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    fail(`Cannot read the config file ${file} (${code}).`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`The config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  const { port, configFile } = readArgs();
  const config = readConfig(configFile);
  let portal;
  try {
    portal = await startProvider(config as object, { port });
  } catch (error) {
    if (error instanceof ConfigError) {
      fail(`${error.message}${configFile ? ` (in ${configFile})` : ''}`);
    }
    process.stderr.write(`Cannot start the stand-in: ${(error as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Provider stand-in listening on ${portal.url}\n`);
  const shutdown = (): void => {
    void portal.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main();
