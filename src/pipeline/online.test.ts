import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClusterStore } from '../store/clusters.js';
import { Store } from '../store/index.js';
import { clusterStore } from './cluster.js';
import { ingestInto } from './ingest.js';
import { updateClusters, type ClusterStep } from './online.js';

/** Stories and families as stored, by article locator, with story ids. */
function snapshot(store: Store) {
  const clusters = new ClusterStore(store.db);
  const locator = new Map(store.db.prepare<[], { id: number; l: string }>('SELECT id, origin_locator AS l FROM raw_records').all().map((r) => [r.id, r.l.replace(/.*\//, '')]));
  const stories = clusters
    .listStories()
    .map((s) => clusters.getStory(s.id)!)
    .map((d) => ({ id: d.id, title: d.title, members: d.members.map((m) => locator.get(m.id)!).sort(), families: d.families, developments: d.developments.map((x) => x.members.map((m) => locator.get(m)!).sort()) }))
    .sort((a, b) => a.id - b.id);
  const families = store.db
    .prepare<[], { f: string; a: number }>('SELECT family_id AS f, article_id AS a FROM family_members ORDER BY family_id, article_id')
    .all()
    .reduce((m, r) => m.set(r.f, [...(m.get(r.f) ?? []), locator.get(r.a)!]), new Map<string, string[]>());
  const lines = store.db.prepare('SELECT storyline_id, story_id, position FROM storyline_stories ORDER BY storyline_id, position').all();
  return { stories, families: [...families.entries()].sort(), lines };
}

const files = (dir: string, order: (a: string, b: string) => number): string[] =>
  readdirSync(join(process.cwd(), 'examples', dir)).filter((f) => !f.endsWith('.jsonl')).sort(order).map((f) => join(process.cwd(), 'examples', dir, f));

async function stepwise(inputs: string[]): Promise<{ store: Store; steps: ClusterStep[] }> {
  const store = Store.open(':memory:');
  const steps: ClusterStep[] = [];
  for (const f of inputs) {
    await ingestInto(store, [f]);
    steps.push(updateClusters(store));
  }
  return { store, steps };
}

describe('online clustering (pipeline/online.ts)', () => {
  // Originals first (wires, then the rest by name), so that copies join families whose canonical they leave alone.
  const wiresFirst = (a: string, b: string): number => Number(!a.startsWith('wire')) - Number(!b.startsWith('wire')) || (a < b ? -1 : 1);

  it('one article at a time gives the stories, families, storylines and ids the full recluster gives', async () => {
    const { store, steps } = await stepwise([...files('developing', wiresFirst), ...files('corpus', wiresFirst)]);
    try {
      expect(steps[0]!.mode).toBe('full');
      const online = steps.filter((s) => s.mode === 'online');
      expect(online.length).toBeGreaterThan(steps.length / 2);
      // Online steps rewrite only the stories whose articles changed: one new article joins one story, or starts one
      // and takes another's articles.
      for (const s of online) expect(s.changed!.length).toBeLessThanOrEqual(2);
      const got = snapshot(store);
      clusterStore(store);
      expect(got).toEqual(snapshot(store));
    } finally {
      store.close();
    }
  });

  it('falls back to the full recluster when a new article would change a family canonical, and stays equal', async () => {
    // By name: aggregator and syndicated copies arrive before the wire they copy.
    const { store, steps } = await stepwise(files('developing', (a, b) => (a < b ? -1 : 1)));
    try {
      expect(steps.some((s) => s.mode === 'full' && /family .* would change/.test(s.reason ?? ''))).toBe(true);
      expect(steps[steps.length - 1]!.mode).toBe('online');
      // Stories, families, storylines and ids are the full recluster's. The developments within a story may drift: a
      // unit weighed early keeps the heaviest terms of that time (story-index.ts KEEP_COUNTS) and the later batch
      // weighs them with the final document frequencies (here: the day-3 wire and the day-4 report come out one
      // development online, two in the batch).
      const flat = (x: ReturnType<typeof snapshot>) => ({ ...x, stories: x.stories.map((s) => ({ ...s, developments: s.developments.flat().sort() })) });
      const got = snapshot(store);
      clusterStore(store);
      expect(flat(got)).toEqual(flat(snapshot(store)));
    } finally {
      store.close();
    }
  });

  it('takes the full path after another connection writes the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roundup-online-'));
    const path = join(dir, 'r.db');
    const store = Store.open(path);
    const other = Store.open(path);
    try {
      const [a, b, c] = files('corpus', wiresFirst);
      await ingestInto(store, [a!]);
      expect(updateClusters(store).mode).toBe('full');
      await ingestInto(store, [b!]);
      expect(updateClusters(store).mode).toBe('online');
      await ingestInto(other, [c!]);
      const step = updateClusters(store);
      expect(step.mode).toBe('full');
      expect(step.reason).toMatch(/another connection/);
    } finally {
      other.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
