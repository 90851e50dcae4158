import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `../shared` beside the repository: seeds, gold files, data sets. */
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const cliPath = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

/** Why a test that needs `../shared/<parts>` must skip, or null when it is there. */
export function missingShared(...parts: string[]): string | null {
  const p = sharedPath(...parts);
  return existsSync(p) ? null : `skipped: ${p} is absent (tests read ../shared beside the repository)`;
}

export function assertBuilt(): void {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first (npm test does)`);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const cleanEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.ROUNDUP_DB;
  return env;
};

/** Runs the built `roundup` CLI synchronously. */
export function runCli(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliResult {
  assertBuilt();
  const p = spawnSync(process.execPath, [cliPath, ...args], {
    input: options.input,
    env: { ...cleanEnv(), ...options.env },
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

/** Runs the CLI without blocking the event loop (needed when the test itself serves HTTP). */
export function runCliAsync(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  assertBuilt();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env: { ...cleanEnv(), ...options.env }, cwd: options.cwd ?? repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export function jsonLines<T = Record<string, unknown>>(s: string): T[] {
  return s
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}
