/**
 * One headline per story: the CLI's listing and the API give the stored title; the front page, the story page,
 * search and the feeds give the composite's headline; all of them must be the same string.
 */
import { parseJsonFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeStoredStory } from '../pipeline/composite.js';
import { escapeHtml } from '../escape-html.js';
import { createApp, type ReaderApp } from './app.js';
import { exampleStore, type TestStore } from './test-store.js';

describe('one headline per story', () => {
  let t: TestStore;
  let app: ReaderApp;
  beforeAll(async () => {
    t = await exampleStore();
    app = createApp({ store: t.store });
  });
  afterAll(() => t.cleanup());

  it('is the same in the store, the API, the composite at any length, the pages, search and the feeds', async () => {
    const stories = t.store.db.prepare<[], { id: number; title: string; storyline: number | null }>('SELECT s.id, s.title, ss.storyline_id AS storyline FROM stories s LEFT JOIN storyline_stories ss ON ss.story_id = s.id').all();
    expect(stories.length).toBeGreaterThan(1);
    const api = ((await (await app.request('/api/stories')).json()) as { stories: { id: number; title: string; headline: string }[] }).stories;
    const front = await (await app.request('/')).text();
    const feed = parseJsonFeed(await (await app.request('http://reader.example/feeds/stories.json')).text());
    for (const s of stories) {
      const short = composeStoredStory(t.store, s.id, { words: 80 })!;
      const long = composeStoredStory(t.store, s.id, { words: 900 })!;
      expect(short.headline.text).toBe(s.title);
      expect(long.headline.text).toBe(s.title);
      const row = api.find((x) => x.id === s.id)!;
      expect(row.title).toBe(s.title);
      expect(row.headline).toBe(s.title);
      const shown = (await (await app.request(`/api/stories/${s.id}`)).json()) as { story: { title: string }; composite: { headline: { text: string } } };
      expect(shown.story.title).toBe(s.title);
      expect(shown.composite.headline.text).toBe(s.title);
      expect(front).toContain(`>${escapeHtml(s.title)}</a>`);
      expect(await (await app.request(`/stories/${s.id}`)).text()).toContain(`<h1>${escapeHtml(s.title)}</h1>`);
      expect(feed.items?.find((i) => i.id?.endsWith(`s${s.id}`) || i.url?.endsWith(`/stories/${s.id}`))?.title).toBe(s.title);
      if (s.storyline !== null) {
        const line = parseJsonFeed(await (await app.request(`http://reader.example/feeds/storylines/${s.storyline}.json`)).text());
        expect(line.items?.find((i) => i.url?.endsWith(`/stories/${s.id}`))?.title).toBe(s.title);
      }
    }
    const search = await (await app.request('/search?q=Marrowby')).text();
    const hit = stories.find((s) => /Marrowby|flood/i.test(s.title))!;
    expect(search).toContain(`>${escapeHtml(hit.title)}</a>`);
  });
});
