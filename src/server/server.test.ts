import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readToken } from '../cli/commands/serve.js';
import { startServer } from './index.js';
import { RateLimiter } from './ratelimit.js';
import { exampleStore, type TestStore } from './test-store.js';

describe('startServer (real HTTP)', () => {
  let t: TestStore;
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    t = await exampleStore();
    server = await startServer({ store: t.store, port: 0, host: '127.0.0.1', token: 'real-token', warm: false });
  });
  afterAll(async () => {
    await server.close();
    t.cleanup();
  });

  it('listens on a free port and answers pages, API and feeds', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const front = await fetch(`${server.url}/`);
    expect(front.status).toBe(200);
    expect(await front.text()).toContain('class="story-card"');
    const api = await fetch(`${server.url}/api/stories`);
    expect(((await api.json()) as { total: number }).total).toBe(4);
    const missing = await fetch(`${server.url}/api/articles/77777`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(/no article/);
    const feed = await fetch(`${server.url}/feeds/stories.rss`);
    expect(await feed.text()).toContain(`<link>${server.url}/stories/`);
  });

  it('accepts the bearer token over HTTP', async () => {
    const res = await fetch(`${server.url}/api/audit`, {
      method: 'POST',
      headers: { Authorization: 'Bearer real-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ article: 'The ferry sails twice a day.', sources: [{ text: 'The ferry sails twice a day.' }] }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { summary: { supported: number } }).summary.supported).toBe(1);
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then refills at the given rate', () => {
    let now = 0;
    const r = new RateLimiter({ capacity: 2, perMinute: 6, now: () => now });
    expect([r.take('a'), r.take('a')]).toEqual([0, 0]);
    expect(r.take('a')).toBe(10);
    expect(r.take('b')).toBe(0);
    now += 10_000;
    expect(r.take('a')).toBe(0);
    expect(r.take('a')).toBeGreaterThan(0);
  });
});

describe('readToken', () => {
  it('takes ROUNDUP_TOKEN when no file is given, and nothing when neither is set', () => {
    expect(readToken(undefined, { ROUNDUP_TOKEN: ' abc ' })).toBe('abc');
    expect(readToken(undefined, {})).toBeNull();
    expect(() => readToken('/nonexistent/token-file', {})).toThrow(/cannot read/);
  });
});
