import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml } from './index.js';

// test/pages/026: Readability keeps the review and the affiliate line under it; the densest-blocks
// container is the review alone, with all its prose, so it wins and the line is recorded as removed.
const page = readFileSync(new URL('../../../test/pages/026-review-specs/source.html', import.meta.url), 'utf8');

describe('Readability against the densest blocks (container.ts) in extractHtml', () => {
  it('takes the denser part and records what it leaves out', () => {
    const a = extractHtml(page, { url: 'https://fakehost.example/pages/article' });
    expect(a.paragraphs.at(-1)).toBe('Verdict: expensive, but worth every crown if you camp in snow.');
    expect(a.removed).toContainEqual({ text: 'We may earn a commission when you buy through links on our site.', reason: 'outside-densest-blocks' });
  });
});
