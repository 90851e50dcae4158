import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestInto } from '../pipeline/ingest.js';
import { ClusterStore, type StoryRow } from './clusters.js';
import { Store } from './index.js';

// `roundup stories` order (ClusterStore.listStories): independent sources (families) discounted by age in days,
// families / (1 + age), age counted from the newest story in the store; ties: newer, then lower id.
describe('story ranking', () => {
  it('ranks by independent families and recency together', async () => {
    const store = Store.open(':memory:');
    try {
      await ingestInto(store, [join(process.cwd(), 'examples', 'corpus')]);
      const clusters = new ClusterStore(store.db);
      const ids = clusters.latestArticles().map((a) => a.id);
      expect(ids.length).toBeGreaterThanOrEqual(7);
      const story = (title: string, members: number[], families: number, day: string): StoryRow => ({
        members,
        familyOf: members.map((m) => `family:${m}`),
        title,
        first: day,
        last: day,
        families,
        developments: [],
      });
      const rows = [
        story('old, many sources', ids.slice(0, 3), 3, '2030-01-01'), // 3 / (1 + 10) = 0.27
        story('new, one source', [ids[3]!], 1, '2030-01-11'), // 1 / 1
        story('new, two sources', ids.slice(4, 6), 2, '2030-01-11'), // 2 / 1
        story('yesterday, two sources', [ids[6]!], 2, '2030-01-10'), // 2 / 2: ties with "new, one source", which is newer
      ];
      clusters.replace([], rows, []);
      expect(clusters.listStories().map((s) => s.title)).toEqual(['new, two sources', 'new, one source', 'yesterday, two sources', 'old, many sources']);
      // More sources win at equal age.
      clusters.replace([], [story('a', [ids[0]!], 1, '2030-01-11'), story('b', ids.slice(1, 3), 2, '2030-01-11')], []);
      expect(clusters.listStories().map((s) => s.title)).toEqual(['b', 'a']);
    } finally {
      store.close();
    }
  });
});
