import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/cli/commands/write.js';
import { clusterArticles } from '../../src/pipeline/cluster.js';
import { repoRoot, runCli } from './helpers.js';

// One clustering path: `roundup cluster`, `roundup write` and the store call clusterArticles (src/pipeline/cluster.ts)
// on the same article fields, so the library and the CLI give the same stories on the same inputs.
interface Output {
  stories: { id: string; title: string | null; members: string[]; developments: { members: string[]; first: string | null }[] }[];
  storylines: { id: string; stories: string[] }[];
}

const name = (input: string): string => {
  const line = /#\d+$/.exec(input)?.[0] ?? '';
  return `${basename(input.replace(/#\d+$/, ''))}${line}`;
};
const groups = (stories: { members: string[] }[]): string[][] => stories.map((s) => s.members.map(name).sort()).sort();

describe('one clustering path', () => {
  const inputs = [join(repoRoot, 'examples', 'corpus'), join(repoRoot, 'examples', 'developing')];

  it('clusterArticles on the loaded articles gives the stories and developments roundup cluster prints', async () => {
    const r = runCli(['cluster', ...inputs, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const cli = JSON.parse(r.stdout) as Output;
    const { articles } = await loadArticles(inputs);
    const lib = clusterArticles(articles);
    expect(groups(lib.stories)).toEqual(groups(cli.stories));
    expect(lib.stories.map((s) => s.developments.map((d) => d.members.map(name).sort()))).toEqual(cli.stories.map((s) => s.developments.map((d) => d.members.map(name).sort())));
    expect(lib.storylines).toEqual(cli.storylines);
  });
});

// examples/developing: one wildfire over five days (ten articles, syndicated copies, an aggregator copy), an
// unrelated by-election, and a decoy: another moorland fire a month later (examples/developing-expected.json).
describe('a developing story (examples/developing)', () => {
  const expected = JSON.parse(readFileSync(join(repoRoot, 'examples', 'developing-expected.json'), 'utf8')) as {
    stories: Record<string, string[]>;
    decoy: string;
    developments: { day: string; files: string[] }[];
  };

  it('the five days are one story, its developments in time order; the same-kind fire a month later stays apart', () => {
    const r = runCli(['cluster', join(repoRoot, 'examples', 'developing'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(groups(out.stories)).toEqual(Object.values(expected.stories).map((m) => [...m].sort()).sort());
    const fire = out.stories.find((s) => s.members.map(name).includes('wire-day1.html'))!;
    // Developments: one per day of news, in time order (src/stories/thresholds.ts DEVELOPMENT_THRESHOLD).
    const firsts = fire.developments.map((d) => d.first!);
    expect(firsts).toEqual([...firsts].sort());
    expect(fire.developments.map((d) => d.members.map(name).sort())).toEqual(expected.developments.map((d) => [...d.files].sort()));
    // The decoy is neither in the fire's story nor in its storyline.
    const decoy = out.stories.find((s) => s.members.map(name).includes(expected.stories[expected.decoy]![0]!))!;
    expect(decoy.id).not.toBe(fire.id);
    const lineOf = (id: string) => out.storylines.find((l) => l.stories.includes(id));
    expect(lineOf(fire.id)?.stories ?? [fire.id]).not.toContain(decoy.id);
  });
  it('roundup write: the latest day opens the fire story; its timeline names each day\'s development with its date, the latest marked', () => {
    const r = runCli(['write', join(repoRoot, 'examples', 'developing'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    // One JSON object per story, one per line.
    const composites = r.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { kind?: string; headline: string; lede: { text: string; citations: { articleId: string }[] }[]; timeline: { storyId: string; title: string | null; published: string | null; current: boolean }[] });
    const fire = composites.find((c) => c.timeline.length > 1 && c.kind !== 'overview')!;
    // The latest state first: the lede opens the day-5 report (residents return, the recovery fund).
    expect(fire.lede[0]!.citations[0]!.articleId).toMatch(/courier-day5\.txt$/);
    expect(fire.lede[0]!.text).toMatch(/returning to their homes/);
    expect(fire.timeline.map((t) => t.published?.slice(0, 10))).toEqual(expected.developments.map((d) => d.day));
    expect(fire.timeline.map((t) => t.current)).toEqual([false, false, false, false, true]);
    expect(fire.timeline[2]!.title).toMatch(/arrest/i);
    const md = runCli(['write', join(repoRoot, 'examples', 'developing')]).stdout;
    expect(md).toMatch(/- 2026-07-17: [^\n]*\*\(latest\)\*/);
  });
  it('roundup write: the five days open with one storyline overview, the latest state first, then each day\'s development under its date', () => {
    const r = runCli(['write', join(repoRoot, 'examples', 'developing'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    interface S {
      text: string;
      verdict: string;
      citations: { articleId: string }[];
    }
    const composites = r.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { kind?: string; lede: S[]; sections: { heading: string; paragraphs: S[][] }[] });
    // The first article written is the overview, and it is the only one.
    expect(composites[0]!.kind).toBe('overview');
    expect(composites.filter((c) => c.kind === 'overview')).toHaveLength(1);
    const o = composites[0]!;
    const file = (c: { articleId: string }): string => name(c.articleId);
    // The latest state first: the day-5 report's opening.
    expect(file(o.lede[0]!.citations[0]!)).toBe('courier-day5.txt');
    // Then one section per day, in order, headed by its date, whose first sentence is that day's own report of
    // what was new (the development's files in developing-expected.json).
    expect(o.sections.map((s) => s.heading)).toEqual(['Monday 13 July', 'Tuesday 14 July', 'Wednesday 15 July', 'Thursday 16 July', 'Friday 17 July']);
    o.sections.forEach((s, i) => {
      const d = expected.developments[i]!;
      expect(d.files, `${s.heading}: ${s.paragraphs[0]![0]!.text}`).toContain(file(s.paragraphs[0]![0]!.citations[0]!));
    });
    const said = o.sections.map((s) => s.paragraphs.flat().map((x) => x.text).join(' '));
    expect(said[0]).toMatch(/evacuated/);
    expect(said[1]).toMatch(/Kestlewood Forest/);
    expect(said[2]).toMatch(/arrested/);
    expect(said[3]).toMatch(/contained/);
    expect(`${o.lede[0]!.text} ${said[4]}`).toMatch(/recovery fund/);
    // Every sentence cited and passed by the verifier.
    for (const x of [...o.lede, ...o.sections.flatMap((s) => s.paragraphs.flat())]) {
      expect(x.verdict).toBe('supported');
      expect(x.citations.length).toBeGreaterThan(0);
    }
    const md = runCli(['write', join(repoRoot, 'examples', 'developing')]).stdout;
    expect(md.split('\n')[2]).toMatch(/^\*Storyline overview: 10 articles from 7 independent sources/);
  });
});
