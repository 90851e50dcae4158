/**
 * #15's "done when": a real HTTP server on 127.0.0.1 publishes three invented feeds whose entries appear over six
 * cycles of a scripted clock (`--now`): one event develops over three days, its count of flooded homes moves, one
 * outlet corrects an earlier figure. Six `roundup watch --once` runs later the editions show each development with
 * the right change kinds, unchanged feeds were answered 304 (from the server's log), and no host saw more than two
 * requests at once. A second store is killed (SIGKILL) in the middle of a cycle and restarted: it ends with exactly
 * the records, articles and editions of the store that was never interrupted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cliPath, runCli } from '../e2e/helpers.js';
import { CYCLES } from './story.js';
import { startStoryServer, type StoryServer } from './server.js';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function watchOnce(server: StoryServer, db: string, cycle: number, onSpawn?: (kill: (signal?: NodeJS.Signals) => void) => void, extra: string[] = []): Promise<Run> {
  server.cycle = cycle;
  const child = spawn(process.execPath, [cliPath, 'watch', ...server.feedUrls, '--once', '--db', db, '--now', CYCLES[cycle]!, '--log', 'json', '--host-delay', '5', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  onSpawn?.((signal = 'SIGKILL') => child.kill(signal));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

const events = (r: Run): Record<string, unknown>[] => r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

/** What a store holds, for comparing two: raw records by hash, articles, entries read, editions with their changes. */
function fingerprint(db: string): Record<string, unknown> {
  const d = new Database(db, { readonly: true });
  try {
    return {
      raw: d.prepare('SELECT content_hash, page_key, version FROM raw_records ORDER BY content_hash').all(),
      articles: d.prepare('SELECT r.content_hash FROM articles a JOIN raw_records r ON r.id = a.raw_id ORDER BY 1').all(),
      entries: d.prepare('SELECT feed_url, entry_key FROM watch_entries ORDER BY 1, 2').all(),
      editions: d.prepare('SELECT n, at, headline, changes_json FROM editions ORDER BY headline, n').all(),
      dirty: d.prepare("SELECT value FROM watch_meta WHERE key = 'dirty'").get(),
    };
  } finally {
    d.close();
  }
}

describe('roundup watch over six cycles of three feeds', () => {
  let server: StoryServer;
  let dir: string;
  const runs: Run[] = [];
  beforeAll(async () => {
    assertBuilt();
    server = await startStoryServer();
    dir = mkdtempSync(join(tmpdir(), 'roundup-watch-'));
    for (let c = 0; c < CYCLES.length; c++) runs.push(await watchOnce(server, join(dir, 'a.db'), c));
  }, 240_000);
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every cycle cleanly, logging one JSON line per event', () => {
    for (const r of runs) expect([r.code, r.stderr]).toEqual([0, '']);
    expect(events(runs[0]!).filter((e) => e.event === 'entry').map((e) => e.status)).toEqual(['stored', 'stored', 'stored']);
    expect(events(runs[1]!).filter((e) => e.event === 'entry')).toEqual([]);
  });

  it('shows each development as an edition with the right change kinds', () => {
    const stories = runCli(['stories', '--json', '--db', join(dir, 'a.db')]).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; title: string });
    const flood = stories.find((s) => /Kestrel Bay/.test(s.title))!;
    const r = runCli(['show', flood.id, '--editions', '--json', '--db', join(dir, 'a.db')]);
    expect(r.code).toBe(0);
    const { editions } = JSON.parse(r.stdout) as { editions: { n: number; at: string; headline: string; changes: { kind: string; text: string; before?: string; after?: string; citations: unknown[] }[] }[] };
    expect(editions.map((e) => e.at)).toEqual([CYCLES[0], CYCLES[2], CYCLES[3], CYCLES[4]].map((t) => new Date(t!).toISOString()));
    const kinds = editions.map((e) => [...new Set(e.changes.map((c) => c.kind))].sort());
    expect(kinds).toEqual([['added', 'source-added'], ['added', 'source-added', 'updated'], ['added', 'updated', 'withdrawn'], ['added', 'source-added']]);
    const moved = editions.flatMap((e) => e.changes.filter((c) => c.kind === 'updated').map((c) => [e.n, c.before, c.after]));
    expect(moved).toEqual([[2, '300', '412'], [3, 'Six', 'Four']]);
    for (const e of editions) for (const c of e.changes) if (c.kind !== 'source-added') expect(c.citations.length, c.text).toBeGreaterThan(0);
  });

  it('was answered 304 for every feed that had not changed', () => {
    const feedLog = server.log.filter((l) => l.path.endsWith('/feed.xml'));
    const statusOf = (cycle: number) => Object.fromEntries(feedLog.filter((l) => l.cycle === cycle).map((l) => [l.path.split('/')[1], l.status]));
    expect([0, 1, 2, 3, 4, 5].map(statusOf)).toEqual([
      { courier: 200, gazette: 200, wire: 200 },
      { courier: 304, gazette: 304, wire: 304 },
      { courier: 200, gazette: 304, wire: 304 },
      { courier: 304, gazette: 200, wire: 304 },
      { courier: 304, gazette: 304, wire: 200 },
      { courier: 304, gazette: 304, wire: 304 },
    ]);
    // Pages were fetched once per version: none again in a cycle where its feed said nothing new.
    const pages = server.log.filter((l) => l.path.endsWith('.html')).map((l) => `${l.cycle}${l.path}`);
    expect(pages.sort()).toEqual(['0/courier/flood-day1.html', '0/gazette/flood.html', '0/wire/footbridge.html', '2/courier/flood-day2.html', '3/gazette/flood.html', '4/wire/flood-claims.html']);
  });

  it('never had more than two requests in flight to one host', () => {
    expect([...server.maxInFlight.keys()]).toEqual([server.base.replace('http://', '')]);
    expect(Math.max(...server.maxInFlight.values())).toBeLessThanOrEqual(2);
  });

  it('on SIGTERM finishes the item in hand, commits and exits; the next run picks up the rest', async () => {
    const db = join(dir, 'c.db');
    let kill: (signal?: NodeJS.Signals) => void = () => undefined;
    // The Wire's page never answers: SIGTERM arrives while it is in hand, and the fetch ends at --timeout.
    server.hold = { path: '/wire/footbridge.html', onHold: () => kill('SIGTERM') };
    const stopped = await watchOnce(server, db, 0, (k) => (kill = k), ['--timeout', '1500']);
    server.hold = null;
    expect([stopped.code, stopped.signal]).toEqual([0, null]);
    const log = events(stopped);
    expect(log.at(-1)).toMatchObject({ event: 'stopped' });
    expect(log.filter((e) => e.event === 'cluster')).toEqual([]);
    const partial = fingerprint(db) as { articles: unknown[]; dirty: unknown };
    expect([partial.articles.length, partial.dirty]).toEqual([2, { value: '1' }]);
    const rest = await watchOnce(server, db, 0);
    expect(rest.code).toBe(0);
    expect(events(rest).filter((e) => e.event === 'entry').map((e) => e.status)).toEqual(['stored']);
    expect((fingerprint(db) as { articles: unknown[] }).articles.length).toBe(3);
  }, 120_000);

  it('loses and duplicates nothing when killed (SIGKILL) in the middle of a cycle and restarted', async () => {
    const db = join(dir, 'b.db');
    for (let c = 0; c < CYCLES.length; c++) {
      if (c === 0) {
        // Killed while the Wire's page is being fetched: the Courier's and the Gazette's entries are stored by then,
        // nothing is clustered yet.
        let kill: (signal?: NodeJS.Signals) => void = () => undefined;
        server.hold = { path: '/wire/footbridge.html', onHold: () => kill() };
        const killed = await watchOnce(server, db, 0, (k) => (kill = k));
        server.hold = null;
        expect(killed.signal).toBe('SIGKILL');
        const partial = fingerprint(db) as { articles: unknown[]; entries: unknown[]; editions: unknown[]; dirty: unknown };
        expect([partial.articles.length, partial.entries.length, partial.editions.length, partial.dirty]).toEqual([2, 2, 0, { value: '1' }]);
      }
      const r = await watchOnce(server, db, c);
      expect([r.code, r.stderr]).toEqual([0, '']);
    }
    const a = fingerprint(join(dir, 'a.db'));
    const b = fingerprint(db);
    expect(b).toEqual(a);
    expect((a.editions as unknown[]).length).toBe(5);
    expect(a.dirty).toEqual({ value: '0' });
  }, 240_000);
});
