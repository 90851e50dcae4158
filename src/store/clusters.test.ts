import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterStore } from '../pipeline/cluster.js';
import { ingestInto } from '../pipeline/ingest.js';
import { ClusterStore } from './clusters.js';
import { Store } from './index.js';

describe('ClusterStore (migration 2)', () => {
  it('stores stories ranked by families, with stable ids across recomputation', async () => {
    const store = Store.open(':memory:');
    try {
      await ingestInto(store, [join(process.cwd(), 'examples', 'corpus')]);
      const t = clusterStore(store);
      expect(t.stories).toBe(3);
      const clusters = new ClusterStore(store.db);
      const first = clusters.listStories();
      expect(first[0]!.families).toBe(4);
      expect(first[0]!.articles).toBe(8);
      const detail = clusters.getStory(first[0]!.id, { versions: true })!;
      expect(detail.familyDetails.some((f) => f.members.length === 5 && f.members.some((m) => m.adds.length > 0))).toBe(true);
      // The flood night and the day-2 inquiry: two developments of one story, stored with it.
      expect(detail.developments.map((d) => d.members.length)).toEqual([7, 1]);
      expect(detail.developments[1]!.title).toMatch(/inquiry/i);
      expect(detail.storylineStories).toEqual([]);
      // Every other family's canonical is compared with the lead (the earliest member's family) and adds to it.
      const lead = detail.familyDetails.find((f) => f.id === detail.members[0]!.familyId)!.canonical;
      const others = detail.familyDetails.map((f) => f.canonical).filter((c) => c !== lead);
      expect(detail.versions!.map((v) => v.id)).toEqual(others);
      for (const v of detail.versions!) {
        expect(v.over).toBe(lead);
        expect(v.adds.length).toBeGreaterThan(0);
      }
      expect(clusters.getStory(first[0]!.id)!.versions).toBeUndefined();
      clusterStore(store);
      expect(clusters.listStories().map((s) => [s.id, s.title])).toEqual(first.map((s) => [s.id, s.title]));
    } finally {
      store.close();
    }
  });
});
