/**
 * runCycle against a real server on 127.0.0.1: a feed the operator gives on a loopback address may link to its own
 * host, but not elsewhere on the local network (a redirect to 169.254.169.254, another port, localhost), nor to a
 * file: URL; robots.txt keeps a page from being fetched; a feed that fails is scheduled with backoff.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, startServer, type TestServer } from '../ingest/test-server.js';
import { Store } from '../store/index.js';
import { WatchStore } from '../store/watch.js';
import { runCycle, type WatchEvent } from './cycle.js';
import { HostGate } from './hosts.js';

const page = (title: string, text: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p><p>${text} It was the second paragraph of the invented report, long enough to be the article body.</p></article></body></html>`;

describe('runCycle', () => {
  let server: TestServer;
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    server = await startServer();
    const other = await startServer();
    const otherPort = new URL(other.url('/')).port;
    await other.close();
    const items = [
      server.url('/ok.html'),
      server.url('/redirect'),
      `http://localhost:${otherPort}/elsewhere.html`,
      'file:///etc/passwd',
      server.url('/private/kept-out.html'),
    ]
      .map((link, i) => `<item><title>Entry ${i + 1}</title><link>${link}</link><description>Summary of invented entry ${i + 1}, as the feed gives it.</description></item>`)
      .join('');
    server.route('/feed.xml', send(`<?xml version="1.0"?><rss version="2.0"><channel><title>Invented</title><link>${server.url('/')}</link><description>x</description><ttl>120</ttl>${items}</channel></rss>`, 'application/rss+xml'));
    server.route('/ok.html', send(page('A quay wall was repaired in Ostervik', 'Workers in the invented port of Ostervik repaired the quay wall on Tuesday.'), 'text/html'));
    server.route('/redirect', send('', 'text/html', 302, { location: 'http://169.254.169.254/latest/meta-data/' }));
    server.route('/robots.txt', send('User-agent: *\nDisallow: /private/\n', 'text/plain'));
    server.route('/broken.xml', send('oops', 'text/html', 503, { 'retry-after': '7200' }));
    dir = mkdtempSync(join(tmpdir(), 'roundup-cycle-'));
    store = Store.open(join(dir, 'r.db'));
  });
  afterAll(async () => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  it('follows links to the feed’s own host only, refuses the rest by name, and keeps to robots.txt', async () => {
    const log: WatchEvent[] = [];
    const now = () => new Date('2026-03-02T12:00:00Z');
    const totals = await runCycle(store, [{ ref: server.url('/feed.xml'), from: 'x', kind: 'url' }], { everyS: 300, allowPrivate: false, gate: new HostGate(2, 0), now, log: (e) => log.push(e) });
    const entries = log.filter((e): e is Extract<WatchEvent, { event: 'entry' }> => e.event === 'entry');
    expect(entries.map((e) => [e.input.replace(server.url(''), ''), e.status])).toEqual([
      ['/ok.html', 'stored'],
      ['/redirect', 'failed'],
      [expect.stringMatching(/^http:\/\/localhost:\d+\/elsewhere\.html$/), 'failed'],
      ['file:///etc/passwd', 'failed'],
      ['/private/kept-out.html', 'stored'],
    ]);
    expect(entries[1]!.error).toMatch(/refused: http:\/\/169\.254\.169\.254\/latest\/meta-data\/ resolves to 169\.254\.169\.254, a loopback, private or link-local address/);
    expect(entries[2]!.error).toMatch(/resolves to (127\.0\.0\.1|::1), a loopback/);
    expect(entries[3]!.error).toMatch(/not following a file: link from a feed/);
    // The page robots.txt keeps out was never requested: its feed summary stands in, with the reason.
    expect(server.requests.map((r) => r.path)).not.toContain('/private/kept-out.html');
    const kept = store.db.prepare<[], { summary_reason: string }>("SELECT summary_reason FROM raw_records WHERE url LIKE '%kept-out%'").get()!;
    expect(kept.summary_reason).toMatch(/robots\.txt disallows \/private\/kept-out\.html/);
    expect(totals).toMatchObject({ fetched: 1, failed: 0, stored: 2, entriesFailed: 3 });
    // The feed's ttl (120 minutes) sets its next fetch.
    expect(new WatchStore(store.db).feed(server.url('/feed.xml')).nextAt).toBe('2026-03-02T14:00:00.000Z');
    // Refused links are remembered: the next cycle (the feed unchanged, no validators: fetched again) tries none of them.
    const again: WatchEvent[] = [];
    await runCycle(store, [{ ref: server.url('/feed.xml'), from: 'x', kind: 'url' }], { everyS: 300, allowPrivate: false, gate: new HostGate(2, 0), now: () => new Date('2026-03-02T15:00:00Z'), log: (e) => again.push(e) });
    expect(again.filter((e) => e.event === 'entry')).toEqual([]);
  });

  it('schedules a failing feed by its Retry-After and counts its failures', async () => {
    const log: WatchEvent[] = [];
    const ref = server.url('/broken.xml');
    await runCycle(store, [{ ref, from: ref, kind: 'url' }], { everyS: 300, allowPrivate: false, gate: new HostGate(2, 0), now: () => new Date('2026-03-02T12:00:00Z'), log: (e) => log.push(e) });
    expect(log).toEqual([{ event: 'feed-failed', feed: ref, error: `${ref}: HTTP 503 Service Unavailable`, kind: 'http-status', failures: 1, nextAt: '2026-03-02T14:00:00.000Z', failing: false }]);
    // Not due before then: not fetched.
    const before = server.requests.length;
    const quiet: WatchEvent[] = [];
    await runCycle(store, [{ ref, from: ref, kind: 'url' }], { everyS: 300, allowPrivate: false, gate: new HostGate(2, 0), now: () => new Date('2026-03-02T13:00:00Z'), log: (e) => quiet.push(e) });
    expect(quiet.map((e) => e.event)).toEqual(['feed']);
    expect(server.requests.length).toBe(before);
  });
});
