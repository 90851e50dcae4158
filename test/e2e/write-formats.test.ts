/** `roundup write` on inputs that form several stories: one HTML document; plain text claims no links it lacks. */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

describe('roundup write on several stories', () => {
  it('--format html prints one document with an article per story, anchors kept apart', () => {
    const r = runCli(['write', 'examples/corpus', '--format', 'html', '--words', '120']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/<!DOCTYPE html>/g)).toHaveLength(1);
    expect(r.stdout.match(/<\/html>/g)).toHaveLength(1);
    const articles = r.stdout.match(/<article>/g)?.length ?? 0;
    expect(articles).toBeGreaterThan(1);
    // No article's anchors are another's, and every in-page link has its target.
    const idsOf = (html: string): Set<string> => new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
    const parts = r.stdout.split('<article>').slice(1).map(idsOf);
    for (const [i, a] of parts.entries()) for (const b of parts.slice(i + 1)) expect([...a].filter((x) => b.has(x))).toEqual([]);
    const ids = idsOf(r.stdout);
    for (const m of r.stdout.matchAll(/ href="#([^"]+)"/g)) expect(ids.has(m[1]!), m[1]).toBe(true);
  });

  it('--format text does not say its sentences link to passages', () => {
    const r = runCli(['write', 'examples/corpus', '--format', 'text', '--words', '120']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/every sentence links/);
    expect(r.stdout).toMatch(/every sentence is drawn from them/);
  });
});
