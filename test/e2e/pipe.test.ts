/**
 * The CLI in a pipe that closes early: `roundup articles --json | head -1` prints one line and exits 0,
 * with nothing on stderr (no EPIPE stack trace); ingest piped to `head` still stores the whole batch.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigFeed } from '../fuzz/hostile.js';
import { assertBuilt, cliPath, jsonLines, runCli } from './helpers.js';

/** Runs `roundup <args> | <reader>` in bash; the CLI's own exit status comes back from PIPESTATUS. */
function piped(args: string[], reader: string): { code: number; stdout: string; stderr: string } {
  assertBuilt();
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = `${[process.execPath, cliPath, ...args].map(quote).join(' ')} | ${reader}; echo "status=\${PIPESTATUS[0]}" >&2`;
  const env = { ...process.env };
  delete env.ROUNDUP_DB;
  const p = spawnSync('bash', ['-c', script], { encoding: 'utf8', env });
  const status = /status=(\d+)\n$/.exec(p.stderr);
  return { code: status ? Number(status[1]) : -1, stdout: p.stdout, stderr: p.stderr.replace(/status=\d+\n$/, '') };
}

describe('roundup in a pipe that closes early', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roundup-pipe-'));
    db = join(dir, 'pipe.db');
    // Enough articles that the listing is far over a pipe's buffer: the reader is gone before it ends.
    writeFileSync(join(dir, 'feed.xml'), bigFeed(1500));
    const r = runCli(['ingest', join(dir, 'feed.xml'), '--db', db, '--max-entries', '1500']);
    expect(r.code, r.stderr).toBe(0);
    expect(runCli(['articles', '--json', '--db', db]).stdout.length).toBeGreaterThan(128 * 1024);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('`articles --json | head -1` prints one line and exits 0, quietly', () => {
    const r = piped(['articles', '--json', '--db', db], 'head -1');
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(jsonLines(r.stdout)[0]).toHaveProperty('title');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('`articles --json | head -c 400` exits 0 without a stack trace', () => {
    const r = piped(['articles', '--json', '--db', db], 'head -c 400');
    expect(r.stdout).toHaveLength(400);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('ingest piped to `head -1` stores the whole batch and never draws progress into the pipe', () => {
    const other = join(dir, 'other.db');
    const r = piped(['ingest', join(dir, 'feed.xml'), '--db', other, '--json', '--max-entries', '1500'], 'head -1');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\r|\x1b\[/);
    expect(jsonLines(r.stdout)).toHaveLength(1);
    expect(jsonLines(runCli(['articles', '--json', '--db', other]).stdout)).toHaveLength(1500);
  });
});
