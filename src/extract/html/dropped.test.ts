import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { droppedBlocks } from './dropped.js';
import { extractHtml } from './index.js';

describe('droppedBlocks', () => {
  it('lists the blocks the article keeps nowhere, once, with a remembered reason where there is one', () => {
    const out = droppedBlocks(['Kept paragraph.', 'Skip to content', 'Skip to content', 'Advertisement', 'The  title'], ['Kept paragraph.', 'The title', null], new Map([['Advertisement', 'advertisement']]));
    expect(out).toEqual([
      { text: 'Skip to content', reason: 'readability' },
      { text: 'Advertisement', reason: 'advertisement' },
    ]);
  });
});

describe('extractHtml records what pruning and Readability dropped', () => {
  const page = readFileSync(new URL('../../../examples/corpus/wire-northgate-press.html', import.meta.url), 'utf8');
  const a = extractHtml(page, { url: 'https://www.northgate-press.example/news/2026/03/10/marrowby-hollin-fell-reservoir-gate-flood' });

  it('keeps the newsletter box and the ad slot with their reasons', () => {
    expect(a.removed.length).toBeGreaterThan(0);
    const newsletter = a.removed.find((r) => r.text.includes('Sign up for The Northgate Briefing'));
    expect(newsletter?.reason).toBe('pruned:aside');
    expect(a.removed.find((r) => r.text === 'Advertisement')).toBeDefined();
    expect(a.removed.find((r) => r.reason === 'pruned:navigation')?.text).toMatch(/^News World Business/);
  });

  it('lists nothing the article keeps', () => {
    for (const r of a.removed) for (const p of a.paragraphs) expect(p.includes(r.text) && r.text.length > 40, r.text).toBe(false);
  });
});
