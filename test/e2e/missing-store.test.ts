/** Commands that only read the store never create one: a missing `--db` file is a named error. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'roundup-missing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('read-only commands on a missing store', () => {
  for (const args of [['stories'], ['stories', '--json'], ['articles'], ['show', '1'], ['show', 's1', '--composite']]) {
    it(`roundup ${args.join(' ')}`, () => {
      const db = join(dir, 'typo.db');
      const r = runCli([...args, '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${db}: no such store`);
      expect(r.stdout).toBe('');
      expect(existsSync(db)).toBe(false);
    });
  }

  it('ROUNDUP_DB too', () => {
    const db = join(dir, 'env.db');
    const r = runCli(['stories'], { env: { ROUNDUP_DB: db } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such store');
    expect(existsSync(db)).toBe(false);
  });
});
