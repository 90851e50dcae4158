/**
 * The fuzzing pass (issue 18): generated hostile inputs, ingested in one batch beside five good pages
 * by the built CLI, whose heap is capped so that unbounded memory would crash it. For each input: a
 * named error or a stored article; then the store passes `PRAGMA integrity_check` and the good pages
 * are in it. `npm run test:full` (ROUNDUP_FULL=1) uses the full sizes.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/ingest/feed-parse.js';
import { startServer, type TestServer } from '../../src/ingest/test-server.js';
import { jsonLines, repoRoot, runCli, runCliAsync, type CliResult } from '../e2e/helpers.js';
import { bigFeed, gzipBomb, hostileFiles } from './hostile.js';

const FULL = process.env.ROUNDUP_FULL === '1';
/** The main process's heap: the batch must get through inside it (the extraction worker has its own, --extract-memory). */
const HEAP_MB = 512;
const GOOD = readdirSync(join(repoRoot, 'examples', 'corpus')).filter((f) => f.endsWith('.html')).slice(0, 5);
const FEED_ENTRIES = FULL ? 100_000 : 20_000;
const MAX_ENTRIES = FULL ? 1000 : 100;

type Outcome = { status: string; input: string; kind?: string; error?: string; title?: string | null; warnings?: string[] };

describe('hostile inputs never stall a batch', () => {
  let dir: string;
  let server: TestServer;
  let db: string;
  let run: CliResult;
  let outcomes: Outcome[];
  const hostile = hostileFiles(FULL);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roundup-fuzz-'));
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    for (const f of hostile) writeFileSync(join(batch, f.name), f.bytes);
    writeFileSync(join(batch, 'long-feed.xml'), bigFeed(FEED_ENTRIES));
    for (const g of GOOD) copyFileSync(join(repoRoot, 'examples', 'corpus', g), join(batch, g));
    const bomb = await gzipBomb(FULL ? 1024 : 64);
    server = await startServer({
      '/bomb.html': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        res.end(bomb);
      },
    });
    db = join(dir, 'fuzz.db');
    run = await runCliAsync(['ingest', batch, server.url('/bomb.html'), '--db', db, '--json', '--max-entries', String(MAX_ENTRIES)], {
      env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` },
    });
    outcomes = jsonLines<Outcome>(run.stdout);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const outcomeOf = (name: string): Outcome[] => outcomes.filter((o) => o.input.endsWith(`/${name}`) || o.input === name);

  it('finishes the batch with status 2 (some failed), no crash, no stack trace', () => {
    expect(run.code, run.stderr.slice(-2000)).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at \S+ \(|FATAL ERROR|heap out of memory/);
  });

  for (const f of hostileFiles(false)) {
    it(`${f.name}: ${'failed' in f.expect ? 'a named error' : 'either' in f.expect ? 'stored, or a named error' : 'stored within the budget'}`, () => {
      const expected = hostile.find((h) => h.name === f.name)!.expect;
      const got = outcomeOf(f.outcome ?? f.name);
      expect(got, JSON.stringify(outcomes.map((o) => o.input))).toHaveLength(1);
      const o = got[0]!;
      if ('failed' in expected) {
        expect(o.status).toBe('failed');
        expect(o.error).toMatch(expected.failed);
      } else if ('either' in expected) {
        if (o.status === 'failed') expect(o.error).toMatch(expected.either);
        else expect(o.status).toBe('stored');
      } else {
        expect(o.status, o.error).toBe('stored');
        if (expected.warning) expect(o.warnings?.join('\n')).toMatch(expected.warning);
      }
    });
  }

  it(`a feed of ${FEED_ENTRIES.toLocaleString('en-US')} entries: the first ${MAX_ENTRIES} read, the rest named as not read`, () => {
    const got = outcomeOf('long-feed.xml');
    expect(got.map((o) => o.status)).toEqual(['expanded', 'failed']);
    expect(got[1]!.error).toMatch(new RegExp(`long-feed\\.xml: the feed lists ${FEED_ENTRIES.toLocaleString('en-US')} entries; only the first ${MAX_ENTRIES.toLocaleString('en-US')} were read \\(--max-entries\\)`));
    expect(outcomes.filter((o) => o.status === 'stored' && /long-feed\.xml#\d+$/.test(o.input))).toHaveLength(MAX_ENTRIES);
  });

  it('an entity bomb read as a feed is not expanded either', () => {
    const feed = parseFeed(hostile.find((h) => h.name === 'entity-bomb.xml')!.bytes, null, 'entity-bomb.xml');
    expect(feed.entries).toHaveLength(1);
    expect(JSON.stringify(feed.entries[0]).length).toBeLessThan(10_000);
  });

  it('a gzip bomb served over HTTP stops at the byte limit', () => {
    const got = outcomes.filter((o) => o.input === server.url('/bomb.html'));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ status: 'failed', kind: 'too-large' });
    expect(got[0]!.error).toMatch(/bomb\.html: body exceeds the 10485760-byte limit/);
  });

  it('keeps the store intact and the good pages next to the hostile ones ingested', () => {
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      sqlite.close();
    }
    for (const g of GOOD) expect(outcomeOf(g).map((o) => o.status), g).toEqual(['stored']);
    const listed = jsonLines<{ locator: string; words: number }>(runCli(['articles', '--json', '--db', db]).stdout);
    for (const g of GOOD) expect(listed.some((a) => a.locator.endsWith(`/${g}`)), g).toBe(true);
    // The entity bomb was not expanded: its article stays small.
    const bomb = listed.find((a) => a.locator.endsWith('/entity-bomb.xml'));
    expect(bomb?.words ?? 0).toBeLessThan(10_000);
  });
});

describe('the budget is enforced by ending the worker', () => {
  const deep = `<html><body>${'<div>'.repeat(5000)}<p>x</p>${'</div>'.repeat(5000)}</body></html>\n`;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roundup-budget-'));
    writeFileSync(join(dir, 'deep.html'), deep);
    for (const g of GOOD) copyFileSync(join(repoRoot, 'examples', 'corpus', g), join(dir, g));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const suffix of ['.db', '.db-wal', '.db-shm']) rmSync(`${dir}${suffix}`, { force: true });
  });

  it('the issue reproduction: deep.html fails by name within the default budget, and the five good pages come out', () => {
    const r = runCli(['extract', 'deep.html', ...GOOD, '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: deep.html: extraction stopped before parsing: nesting depth 5,003 is over the budget of 128 (--max-depth)');
    expect(jsonLines<{ input: string }>(r.stdout).map((a) => a.input)).toEqual(GOOD);
  });

  it('a folder holding it and five good pages ingests the five', () => {
    const r = runCli(['ingest', '.', '--db', join(dir, '..', `${dir.replace(/^.*\//, '')}.db`), '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const out = jsonLines<Outcome>(r.stdout);
    expect(out.filter((o) => o.status === 'stored').map((o) => o.input.replace(/^.*\//, '')).sort()).toEqual([...GOOD].sort());
    expect(out.filter((o) => o.status === 'failed')).toEqual([expect.objectContaining({ kind: 'budget', error: expect.stringMatching(/deep\.html: extraction stopped before parsing: nesting depth 5,003/) })]);
  });

  it('past the wall-time budget, the worker is ended, the input named, and the next input extracted', () => {
    // With the size limits lifted, the nested page would keep the extractor busy for minutes.
    const r = runCli(['extract', 'deep.html', GOOD[0]!, '--json', '--max-depth', '1000000', '--extract-timeout', '1500'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: deep\.html: extraction stopped after 1\.5 s: over the time budget \(--extract-timeout 1500; 55,035 bytes, nesting depth 5,003, 5,003 elements\)\n$/);
    expect(jsonLines<{ input: string }>(r.stdout).map((a) => a.input)).toEqual([GOOD[0]]);
  });

  it('past the memory budget, the worker is ended, the input named, and the next input extracted', () => {
    writeFileSync(join(dir, 'paragraphs.html'), `<html><body>${'<p>x</p>'.repeat(1_000_000)}</body></html>`);
    const r = runCli(['extract', 'paragraphs.html', GOOD[0]!, '--json', '--max-nodes', '10000000', '--max-chars', '100000000', '--extract-memory', '48', '--extract-timeout', '600000'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: paragraphs\.html: extraction stopped after [\d.]+ s: over the memory budget of 48 MB \(--extract-memory\)\n$/);
    expect(jsonLines<{ input: string }>(r.stdout).map((a) => a.input)).toEqual([GOOD[0]]);
  });
});
