import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bcubed, clusterStories, StoryIndex, storiesOf } from '../../src/stories/index.js';
import { mulberry32 } from '../helpers/random.js';
import { missingShared, sharedPath } from './helpers.js';

// The online story path (StoryIndex.addArticles per arrival batch, as `roundup watch` steps) on ECB+ dev
// (../shared/data/ecbplus-dev): every article ends in exactly one story, and the stories are the batch's.
// bench/stories-online.ts measures the same through the extractor, on three arrival orders.
const skip = missingShared('data', 'ecbplus-dev', 'docs.jsonl');

describe('online stories on ECB+ dev, 20 arrivals at a time', () => {
  it.skipIf(skip)('place every article once and give the batch clustering', () => {
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
    for (let i = 0; i < order.length; i += 20) index.addArticles(order.slice(i, i + 20));
    const online = storiesOf(index).map((s) => s.members);
    const placed = online.flat();
    expect(placed.length).toBe(docs.length);
    expect(new Set(placed).size).toBe(docs.length);
    const batch = clusterStories(docs).stories.map((s) => s.members);
    expect(bcubed(online, batch).f1).toBeGreaterThan(0.99);
  });
});
