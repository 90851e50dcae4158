/**
 * Editions over the invented Kestrel Bay flood (story.ts), ingested cycle by cycle as records: each development
 * is an edition with the right change kinds, an unchanged cycle makes none, and the reader's API, story page and
 * feeds show the latest one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionsOf, publishEditions } from '../../src/pipeline/editions.js';
import { createApp } from '../../src/server/app.js';
import { Store } from '../../src/store/index.js';
import type { EditionTotals } from '../../src/pipeline/editions.js';
import { ingestCycle } from './records.js';

describe('editions of a developing story', () => {
  let dir: string;
  let store: Store;
  const cycles: EditionTotals[] = [];
  let flood: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roundup-editions-'));
    store = Store.open(join(dir, 'roundup.db'));
    for (let c = 0; c < 6; c++) cycles.push(await ingestCycle(store, c));
    flood = store.db.prepare<[], { id: number }>("SELECT id FROM stories WHERE title LIKE '%Kestrel Bay%'").get()!.id;
  }, 120_000);
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes one edition per development, none for a cycle that changed nothing', () => {
    expect(cycles.map((c) => c.published.filter((p) => p.storyId === flood).length)).toEqual([1, 0, 1, 1, 1, 0]);
    expect(cycles[1]!.composed).toBe(0);
    expect(cycles[5]!.composed).toBe(0);
  });

  it('gives each edition the change kinds of what happened', () => {
    const { editions } = editionsOf(store, flood);
    expect(editions.map((e) => e.n)).toEqual([1, 2, 3, 4]);
    const kinds = editions.map((e) => [...new Set(e.changes.map((c) => c.kind))].sort());
    expect(kinds).toEqual([['added', 'source-added'], ['added', 'source-added', 'updated'], ['added', 'updated', 'withdrawn'], ['added', 'source-added']]);
    const homes = editions[1]!.changes.find((c) => c.kind === 'updated')!;
    expect([homes.before, homes.after]).toEqual(['300', '412']);
    expect(homes.text).toMatch(/412 homes/);
    expect(homes.citations.length).toBeGreaterThan(0);
    const correction = editions[2]!.changes.filter((c) => c.kind !== 'added');
    expect(correction.map((c) => [c.kind, c.before, c.after])).toEqual([['updated', 'Six', 'Four'], ['withdrawn', undefined, undefined]]);
    expect(correction[1]!.text).toMatch(/dinghies/);
    // The correction is a new version of a page already cited: not a new source.
    expect(editions[2]!.changes.some((c) => c.kind === 'source-added')).toBe(false);
    expect(editions[3]!.changes.find((c) => c.kind === 'source-added')!.text).toMatch(/Valley Wire/);
    expect(editions.map((e) => e.at)).toEqual(['2026-03-02T12:00:00.000Z', '2026-03-03T12:00:00.000Z', '2026-03-03T18:00:00.000Z', '2026-03-04T12:00:00.000Z']);
  });

  it('makes no edition when the story is composed again to the same composite', () => {
    store.db.prepare('DELETE FROM story_inputs').run();
    const again = publishEditions(store, { now: () => new Date('2026-03-05T00:00:00Z') });
    expect(again.composed).toBeGreaterThan(0);
    expect(again.published).toEqual([]);
  });

  it('keeps editions immutable', () => {
    expect(() => store.db.prepare('UPDATE editions SET headline = ? WHERE story_id = ?').run('x', flood)).toThrow(/immutable/);
  });

  it('serves them: /api/stories/:id/editions, "Updated" and the change list on the page, updated time and summary in the feeds', async () => {
    const app = createApp({ store });
    const res = await app.request(`http://reader.example/api/stories/s${flood}/editions`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { editions: { n: number; changes: { kind: string }[] }[] };
    expect(body).toEqual(editionsOf(store, flood));
    expect((await app.request('http://reader.example/api/stories/999/editions')).status).toBe(404);
    const page = await (await app.request(`http://reader.example/stories/${flood}`)).text();
    expect(page).toMatch(/Updated <time datetime="2026-03-04T12:00:00.000Z">/);
    expect(page).toMatch(/<h2>What changed<\/h2>/);
    expect(page).toMatch(/412, up from 300/);
    expect(page).toMatch(/<del>Volunteers from the Kestrel Bay sailing club/);
    const atom = parseAtomFeed(await (await app.request('http://reader.example/feeds/stories.atom')).text());
    const entry = atom.entries!.find((e) => e.id === `http://reader.example/stories/${flood}`)!;
    expect(new Date(String(entry.updated)).toISOString()).toBe('2026-03-04T12:00:00.000Z');
    expect(entry.content?.value).toMatch(/Updated:<\/strong> 2 facts added, 1 source added/);
  });
});
