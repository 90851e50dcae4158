/**
 * Derived sources on the seeds (../shared/seeds, read at run time, never copied here): 001 is an AI-assisted
 * composite of other outlets' reports that names Olaf Scholz as German chancellor where every first-hand source
 * names Friedrich Merz. With all five seeds in one store, the story's composite must not repeat its error, People
 * must show Merz only, and 001 must be listed as a derived source and not counted as independent.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Composite } from '../../src/compose/index.js';
import { toHtml, toMarkdown, toText } from '../../src/publish/index.js';
import { jsonLines, missingShared, runCli, sharedPath } from './helpers.js';

const skip = missingShared('seeds');
const seeds = skip ? [] : readdirSync(sharedPath('seeds')).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort().map((f) => sharedPath('seeds', f));
const dir = mkdtempSync(join(tmpdir(), 'roundup-derived-'));
const db = join(dir, 'seeds.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!!skip)('derived sources: the five seeds in one store', () => {
  it('keeps the AI-written composite out of the story and its count', () => {
    const ing = runCli(['ingest', ...seeds, '--db', db]);
    expect(ing.code, ing.stderr).toBe(0);
    const articles = jsonLines<{ id: number; locator: string }>(runCli(['articles', '--json', '--db', db]).stdout);
    const derivedId = articles.find((a) => a.locator.includes('/001_'))!.id;
    const stories = jsonLines<{ id: string; articles: number; families: number }>(runCli(['stories', '--json', '--db', db]).stdout);
    const shown = stories.map((s) => ({ s, detail: JSON.parse(runCli(['show', s.id, '--json', '--db', db]).stdout) as { families: { id: string; members: { id: number }[] }[] } }));
    const hit = shown.find(({ detail }) => detail.families.some((f) => f.members.some((m) => m.id === derivedId)));
    expect(hit, 'a story holds seed 001').toBeDefined();
    const { s, detail } = hit!;
    // Independent sources: the families with a first-hand member.
    const firstHand = detail.families.filter((f) => f.members.some((m) => m.id !== derivedId)).length;
    expect(detail.families.length).toBeGreaterThan(firstHand);
    expect(s.families).toBe(firstHand);

    const out = runCli(['show', s.id, '--composite', '--format', 'json', '--db', db]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).not.toMatch(/Scholz/);
    const c = JSON.parse(out.stdout) as Composite;
    const chancellors = (c.people ?? []).filter((p) => /chancellor/i.test(p.role)).map((p) => p.name);
    expect(chancellors).toEqual(['Friedrich Merz']);
    expect(c.sourcesUsed.map((x) => x.articleId)).not.toContain(String(derivedId));
    const listed = c.sourcesNotUsed.find((x) => x.articleId === String(derivedId));
    expect(listed?.derived?.map((d) => d.kind)).toContain('ai-disclosure');
    expect(listed?.reason).toMatch(/^derived source/);
    for (const sen of [...c.lede, ...c.sections.flatMap((x) => x.paragraphs.flat())]) expect(sen.citations.map((x) => x.articleId)).not.toContain(String(derivedId));
    // Articles and independent sources said apart: 001 is an article of the story but not an independent source.
    expect(toMarkdown(c)).toContain(`Roundup of ${s.articles} articles from ${firstHand} independent sources`);
    // Every rendering of the composite too, and each lists 001 as derived.
    for (const render of [toMarkdown, toHtml, toText]) {
      const page = render(c);
      expect(page).not.toMatch(/Scholz/);
      expect(page).toMatch(/Derived sources/);
    }
  });
});
