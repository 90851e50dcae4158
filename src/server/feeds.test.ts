import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ReaderApp } from './app.js';
import { exampleStore, type TestStore } from './test-store.js';

describe('feeds of composite stories', () => {
  let t: TestStore;
  let app: ReaderApp;
  let storyline: number;
  beforeAll(async () => {
    t = await exampleStore();
    app = createApp({ store: t.store });
    storyline = t.store.db.prepare<[], { id: number }>('SELECT id FROM storylines').get()!.id;
  });
  afterAll(() => t.cleanup());

  const fetchFeed = async (path: string, type: RegExp): Promise<string> => {
    const res = await app.request(`http://reader.example${path}`);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type'), path).toMatch(type);
    return res.text();
  };

  it('RSS 2.0: channel title/link/description; every item with title, link, guid, pubDate and its sources', async () => {
    const xml = await fetchFeed('/feeds/stories.rss', /^application\/rss\+xml; charset=utf-8$/);
    expect(xml).toMatch(/<rss version="2.0"/);
    const feed = parseRssFeed(xml);
    expect(feed.title).toBeTruthy();
    expect(feed.link).toBe('http://reader.example/');
    expect(feed.description).toBeTruthy();
    expect(feed.items).toHaveLength(4);
    for (const item of feed.items!) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(/^http:\/\/reader\.example\/stories\/\d+$/);
      expect(item.guid?.value).toBe(item.link);
      expect(item.pubDate).toBeTruthy();
      expect(Number.isNaN(Date.parse(String(item.pubDate)))).toBe(false);
      expect(item.content?.encoded).toMatch(/Composed from \d+ articles? by \d+ independent sources?/);
    }
    const top = feed.items![0]!;
    expect(top.title).toMatch(/Marrowby/);
    expect((top.content?.encoded?.match(/<li>/g) ?? []).length).toBe(8);
  });

  it('Atom: feed id/title/updated; every entry with id, title, updated, link and related links to its sources', async () => {
    const xml = await fetchFeed('/feeds/stories.atom', /^application\/atom\+xml; charset=utf-8$/);
    const feed = parseAtomFeed(xml);
    expect(feed.id).toBe('http://reader.example/feeds/stories.atom');
    expect(feed.title).toBeTruthy();
    expect(Number.isNaN(Date.parse(String(feed.updated)))).toBe(false);
    expect(feed.entries).toHaveLength(4);
    for (const e of feed.entries!) {
      expect(e.id).toMatch(/\/stories\/\d+$/);
      expect(e.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(String(e.updated)))).toBe(false);
      expect(e.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href).toBe(e.id);
      expect(e.links?.filter((l) => l.rel === 'related').length).toBeGreaterThan(0);
    }
  });

  it('JSON Feed 1.1: version, title, items with id and content, and each story\'s sources', async () => {
    const text = await fetchFeed('/feeds/stories.json', /^application\/feed\+json; charset=utf-8$/);
    const raw = JSON.parse(text) as { version: string; items: { _roundup: { sources: { url: string }[] } }[] };
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    const feed = parseJsonFeed(raw);
    expect(feed.title).toBeTruthy();
    expect(feed.items).toHaveLength(4);
    for (const item of feed.items!) {
      expect(item.id).toMatch(/\/stories\/\d+$/);
      expect(item.content_html ?? item.content_text).toBeTruthy();
    }
    expect(raw.items[0]!._roundup.sources).toHaveLength(8);
  });

  it('per storyline, in all three formats; an unknown storyline is a 404 page', async () => {
    const rss = parseRssFeed(await fetchFeed(`/feeds/storylines/${storyline}.rss`, /rss\+xml/));
    expect(rss.items).toHaveLength(2);
    const atom = parseAtomFeed(await fetchFeed(`/feeds/storylines/${storyline}.atom`, /atom\+xml/));
    expect(atom.entries).toHaveLength(2);
    const json = parseJsonFeed(JSON.parse(await fetchFeed(`/feeds/storylines/${storyline}.json`, /feed\+json/)));
    expect(json.items).toHaveLength(2);
    // Newest first.
    expect(Date.parse(String(rss.items![0]!.pubDate))).toBeGreaterThanOrEqual(Date.parse(String(rss.items![1]!.pubDate)));
    for (const path of ['/feeds/storylines/9999.rss', '/feeds/storylines/abc.atom', `/feeds/storylines/${storyline}.xml`]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
  });

  it('the same store gives the same feed', async () => {
    expect(await fetchFeed('/feeds/stories.atom', /atom/)).toBe(await fetchFeed('/feeds/stories.atom', /atom/));
  });
});
