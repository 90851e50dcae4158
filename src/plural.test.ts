import { describe, expect, it } from 'vitest';
import { clusterSummary } from './pipeline/cluster.js';
import { articlesFromSources, plural } from './plural.js';

describe('counts in words', () => {
  it('says one and many apart', () => {
    expect(plural(1, 'article')).toBe('1 article');
    expect(plural(2, 'story', 'stories')).toBe('2 stories');
    expect(articlesFromSources(1, 1)).toBe('1 article from 1 independent source');
    expect(articlesFromSources(7, 3)).toBe('7 articles from 3 independent sources');
  });

  it('in the cluster summary', () => {
    expect(clusterSummary({ articles: 1, families: 1, stories: 1, storylines: 1, ms: 3 })).toBe('cluster: 1 article → 1 family, 1 story, 1 storyline in 3 ms');
  });
});
