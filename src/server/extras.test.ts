import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ReaderApp } from './app.js';
import { exampleStore, type TestStore } from './test-store.js';

describe('icon, feed authors and the storyline pill', () => {
  let t: TestStore;
  let app: ReaderApp;
  beforeAll(async () => {
    t = await exampleStore();
    app = createApp({ store: t.store });
  });
  afterAll(() => t.cleanup());

  it('answers /favicon.ico and names the icon in every page', async () => {
    for (const path of ['/favicon.ico', '/static/favicon.svg']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(await res.text()).toMatch(/^<svg /);
    }
    expect(await (await app.request('/')).text()).toContain('<link rel="icon" href="/static/favicon.svg"');
  });

  it('gives every feed entry an author', async () => {
    const atom = parseAtomFeed(await (await app.request('http://reader.example/feeds/stories.atom')).text());
    expect(atom.entries?.length).toBeGreaterThan(0);
    for (const e of atom.entries ?? []) expect(e.authors?.[0]?.name).toMatch(/^Roundup/);
    const json = parseJsonFeed(await (await app.request('http://reader.example/feeds/stories.json')).text());
    for (const i of json.items ?? []) expect(i.authors?.[0]?.name).toMatch(/^Roundup/);
    expect(await (await app.request('http://reader.example/feeds/stories.rss')).text()).toMatch(/<item>[\s\S]*<dc:creator>Roundup/);
  });

  it('styles the front page storyline pill as a label, not a link', async () => {
    const css = await (await app.request('/static/app.css')).text();
    const rule = /(?:^|\n)\.storyline-badge\{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toContain('color:var(--muted)');
    expect(rule).not.toContain('var(--accent)');
    expect(await (await app.request('/')).text()).not.toMatch(/<a [^>]*class="storyline-badge"/);
  });
});
