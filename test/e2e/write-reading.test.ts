/**
 * `roundup write` read as an editor would (the built CLI, `npm run build`), on the seeds (../shared/seeds, read at
 * run time) and on our corpora (examples/corpus, examples/developing): no section heading is one common word (a
 * single word says too little: "Water"; a name may stand alone).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingShared, repoRoot, runCli, sharedPath } from './helpers.js';

interface Written {
  lede: { text: string }[];
  sections: { heading: string | null; paragraphs: { text: string }[][] }[];
}

/** The headings that are one common word: a single word the article also writes in lower case (so no name). */
const oneCommonWord = (args: string[]): { all: number; bad: string[] } => {
  const r = runCli(['write', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const out = r.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Written);
  expect(out.length).toBeGreaterThan(0);
  let all = 0;
  const bad: string[] = [];
  for (const c of out) {
    const text = [...c.lede, ...c.sections.flatMap((s) => s.paragraphs.flat())].map((s) => s.text).join(' ');
    for (const h of c.sections.map((s) => s.heading).filter((x): x is string => !!x)) {
      all++;
      const words = h.trim().split(/\s+/);
      if (words.length === 1 && new RegExp(`\\b${words[0]!.toLowerCase()}\\b`, 'u').test(text)) bad.push(h);
    }
  }
  return { all, bad };
};

/** Every section heading of `roundup write` on the inputs. */
const headingsOf = (args: string[]): string[] =>
  runCli(['write', ...args, '--format', 'json'])
    .stdout.split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => (JSON.parse(l) as Written).sections.map((s) => s.heading ?? ''));

describe('section headings', () => {
  it('our corpora: headings name what the coverage keeps returning to, never a noun one sentence wrote', () => {
    const hs = headingsOf([join(repoRoot, 'examples', 'corpus')]);
    // The previous headings of the flood story: phrases written once each ("the floor still covered in brown silt").
    expect(hs.filter((h) => /brown silt|sister home|eastern gate|front doors/i.test(h))).toEqual([]);
    expect(hs).toContain('Spillway gate');
  });
  it('our corpora: no heading is a single common word', () => {
    const { all, bad } = oneCommonWord([join(repoRoot, 'examples', 'corpus'), join(repoRoot, 'examples', 'developing')]);
    expect(all).toBeGreaterThan(5);
    expect(bad).toEqual([]);
  });
  const skip = missingShared('seeds');
  it.skipIf(skip !== null)('the seeds: no heading is a single common word', () => {
    const seeds = readdirSync(sharedPath('seeds'))
      .filter((f) => /^00[0234]_.*\.txt$/.test(f))
      .map((f) => join(sharedPath('seeds'), f));
    const { all, bad } = oneCommonWord(seeds);
    expect(all).toBeGreaterThan(2);
    expect(bad).toEqual([]);
    // The sub-events, in the sources' words; not the colour lines ("Holiday plans") nor a name alone.
    const hs = headingsOf(seeds);
    expect(hs).toContain('Security guarantees');
    expect(hs).toContain('Three-way meeting');
    expect(hs).not.toContain('Holiday plans');
    expect(hs.filter((h) => /^(?:Trump|Starmer|Zelensky|Putin)$/.test(h))).toEqual([]);
  });
});
