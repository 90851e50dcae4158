import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingShared, runCliAsync, sharedPath } from './helpers.js';

// The bar: `roundup ingest ../shared/data/trafilatura-eval/html` stores all 990 pages,
// a second run adds nothing, and `roundup reprocess` rebuilds every article from raw.
// About 108 s, so it runs only under `npm run test:full` (ROUNDUP_FULL=1); the per-page regression
// corpus (test/pages) covers extraction in every `npm test`.
const skip = process.env.ROUNDUP_FULL === '1' ? missingShared('data', 'trafilatura-eval', 'gold.json') : 'skipped: set ROUNDUP_FULL=1 (npm run test:full)';
const dir = mkdtempSync(join(tmpdir(), 'roundup-traf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(skip !== null)(`ingest of the 990 trafilatura-eval pages ${skip ?? ''}`, () => {
  const db = join(dir, 'traf.db');
  const htmlDir = sharedPath('data', 'trafilatura-eval', 'html');
  const pages = skip ? 0 : (JSON.parse(readFileSync(sharedPath('data', 'trafilatura-eval', 'gold.json'), 'utf8')) as unknown[]).length;

  it('stores every page', async () => {
    const r = await runCliAsync(['ingest', htmlDir, '--db', db]);
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${pages} stored, 0 unchanged, 0 failed`);
  }, 600_000);

  it('adds nothing on a second run', async () => {
    const r = await runCliAsync(['ingest', htmlDir, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`0 stored, ${pages} unchanged, 0 failed`);
  }, 600_000);

  it('rebuilds every article from raw', async () => {
    const r = await runCliAsync(['reprocess', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${pages} articles rebuilt from raw, 0 failed`);
  }, 600_000);
});
