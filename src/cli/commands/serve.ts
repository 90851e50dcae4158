import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { startServer } from '../../server/index.js';
import { dbOption, openStore, type DbFlag } from '../options.js';

interface ServeFlags extends DbFlag {
  port?: number;
  host?: string;
  tokenFile?: string;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`--port must be a whole number from 0 to 65535, got "${value}"`);
  return n;
}

/** The write token: the first line of --token-file, else ROUNDUP_TOKEN; none turns POST /api/ingest and /api/audit off. */
export function readToken(file: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`--token-file ${file}: cannot read (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
    const token = text.split(/\r?\n/)[0]!.trim();
    if (!token) throw new Error(`--token-file ${file}: the file is empty`);
    return token;
  }
  return env.ROUNDUP_TOKEN?.trim() || null;
}

export function registerServe(program: Command): void {
  const cmd = program
    .command('serve')
    .description('serve the reader (front page, stories, articles, audit, search), the JSON API under /api/ and feeds from the store')
    .option('--port <n>', 'port to listen on (0: any free port)', port, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--token-file <file>', 'file whose first line is the bearer token for POST /api/ingest and /api/audit (else $ROUNDUP_TOKEN; none: those endpoints are off)');
  dbOption(cmd);
  cmd.action(async (flags: ServeFlags) => {
    const token = readToken(flags.tokenFile);
    const store = openStore(flags);
    let server;
    try {
      server = await startServer({ store, port: flags.port ?? 8080, host: flags.host ?? '127.0.0.1', token });
    } catch (e) {
      store.close();
      throw new Error(`cannot listen on ${flags.host ?? '127.0.0.1'}:${flags.port ?? 8080} (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
    process.stdout.write(`roundup serve: listening on ${server.url} (store ${store.db.name}; write endpoints ${token ? 'on, token required' : 'off: no token'})\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().finally(() => {
          store.close();
          resolve();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  });
}
