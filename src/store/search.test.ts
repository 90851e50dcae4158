import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterStore } from '../pipeline/cluster.js';
import { ingestInto } from '../pipeline/ingest.js';
import { Store } from './index.js';
import { ftsQuery, HIT_END, HIT_START, SearchStore } from './search.js';

describe('ftsQuery', () => {
  it('quotes every word so that FTS5 syntax in user input is plain text', () => {
    expect(ftsQuery('reservoir gate')).toBe('"reservoir" "gate"');
    expect(ftsQuery('"foo')).toBe('"foo"');
    expect(ftsQuery('AND(')).toBe('"AND"');
    expect(ftsQuery('NEAR(a b) OR * -x')).toBe('"NEAR" "a" "b" "OR" "x"');
    expect(ftsQuery("Hollin's re-open")).toBe('"Hollin\'s" "re-open"');
    expect(ftsQuery('  ** () "" ')).toBeNull();
  });
});

describe('SearchStore (migration 3)', () => {
  let store: Store;
  beforeAll(async () => {
    store = Store.open(':memory:');
    await ingestInto(store, [join(process.cwd(), 'examples', 'corpus')]);
    clusterStore(store);
  });
  afterAll(() => store.close());

  it('finds articles by text with a marked snippet, and stories by title or by their articles', () => {
    const r = new SearchStore(store.db).search('reservoir');
    expect(r.articles.length).toBeGreaterThan(0);
    expect(r.articles[0]!.snippet).toContain(HIT_START);
    expect(r.articles[0]!.snippet).toContain(HIT_END);
    expect(r.stories.some((s) => /reservoir/i.test(s.title ?? '') && s.matched === 'title')).toBe(true);
    // A word of an article's body that no story title holds finds the story through its articles.
    const byArticles = new SearchStore(store.db).search('Benali');
    expect(byArticles.articles.length).toBeGreaterThan(0);
    expect(byArticles.stories.length).toBeGreaterThan(0);
    expect(byArticles.stories.every((st) => st.matched === 'articles' && !/Benali/.test(st.title ?? ''))).toBe(true);
    const museum = new SearchStore(store.db).search('Ropeworks museum');
    expect(museum.stories.map((s) => s.title)).toEqual([expect.stringMatching(/Ropeworks/)]);
  });

  it('answers odd queries without error and empty ones with nothing', () => {
    const s = new SearchStore(store.db);
    for (const q of ['"foo', 'AND(', 'NEAR(', '*', 'title:x', '(((', "'", '']) expect(() => s.search(q)).not.toThrow();
    expect(s.search('')).toEqual({ query: '', stories: [], articles: [] });
    expect(s.search('zzzqqqnotaword').articles).toEqual([]);
  });

  it('stays current when articles are rewritten and stories recomputed', () => {
    const s = new SearchStore(store.db);
    const before = s.search('reservoir').articles.length;
    clusterStore(store);
    const a = store.articles.get(s.search('reservoir').articles[0]!.id)!;
    store.db.prepare("UPDATE articles SET text = text || ' Quillwort.' WHERE raw_id = ?").run(a.id);
    expect(s.search('quillwort').articles.map((x) => x.id)).toEqual([a.id]);
    expect(s.search('reservoir').articles.length).toBe(before);
  });
});
