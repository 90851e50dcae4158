import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bcubed, clusterStories, profileOf, StoryIndex, storiesOf, storylinesOf, storyOfUnits, type Story } from '../../src/stories/index.js';
import { StorylineGraph } from '../../src/stories/storylines.js';
import { mulberry32 } from '../helpers/random.js';
import { missingShared, sharedPath } from './helpers.js';

// The online story path (StoryIndex.addArticles per arrival batch, as `roundup watch` steps) on ECB+ dev
// (../shared/data/ecbplus-dev): every article ends in exactly one story, and the stories are the batch's.
// bench/stories-online.ts measures the same through the extractor, on three arrival orders.
const skip = missingShared('data', 'ecbplus-dev', 'docs.jsonl');

describe('online stories on ECB+ dev, 20 arrivals at a time', () => {
  it.skipIf(skip)('place every article once and give the batch stories; storylines relinked story by story give the batch links', () => {
    const docs = readFileSync(sharedPath('data', 'ecbplus-dev', 'docs.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; text: string });
    const rand = mulberry32(1);
    const order = [...docs];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const index = new StoryIndex();
    // Storylines relinked story by story, as the store's online step does (pipeline/online.ts).
    const graph = new StorylineGraph({ entityWeight: index.entityWeight });
    const current = new Map<number, Story>();
    for (let i = 0; i < order.length; i += 20) {
      index.addArticles(order.slice(i, i + 20));
      const changed: Story[] = [];
      const gone: string[] = [];
      for (const num of index.takeChanged()) {
        const units = index.stories().get(num);
        if (!units) {
          current.delete(num);
          gone.push(`s${num}`);
          continue;
        }
        const s = storyOfUnits(index, num, units);
        current.set(num, s);
        changed.push(s);
      }
      graph.update(changed.map((s) => profileOf(index, s)), gone);
    }
    const all = storiesOf(index);
    const online = all.map((s) => s.members);
    const lines = (gs: string[][]) => gs.map((g) => [...g].sort().join(' ')).sort();
    const batchLines = storylinesOf(index, all).map((l) => l.stories);
    expect(batchLines.length).toBeGreaterThan(0);
    expect(lines(graph.groups())).toEqual(lines(batchLines));
    const placed = online.flat();
    expect(placed.length).toBe(docs.length);
    expect(new Set(placed).size).toBe(docs.length);
    const batch = clusterStories(docs).stories.map((s) => s.members);
    expect(bcubed(online, batch).f1).toBeGreaterThan(0.99);
  });
});
