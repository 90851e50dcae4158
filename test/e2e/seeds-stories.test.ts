import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingShared, repoRoot, runCli, sharedPath } from './helpers.js';

// `roundup cluster --json` on the seeds (gold.json `stories`, `storylines`) and on our corpus
// (examples/expected.json `stories`, `storylines`): every expected story found exactly, and stories expected in
// one storyline share one.
interface Output {
  stories: { id: string; title: string | null; members: string[] }[];
  families: { id: string; members: string[] }[];
  storylines: { id: string; stories: string[] }[];
}

const name = (input: string): string => (/#\d+$/.test(input) ? `${basename(input.replace(/#\d+$/, ''))}${input.match(/#\d+$/)![0]}` : basename(input));

function check(out: Output, stories: Record<string, string[]>, storylines: string[][]): void {
  const got = out.stories.map((s) => s.members.map(name).sort());
  for (const members of Object.values(stories)) expect(got).toContainEqual([...members].sort());
  // Storylines are written with story keys or, for a one-document story, the document itself.
  const storyOf = (key: string): string => {
    const members = stories[key] ?? [key];
    const s = out.stories.find((x) => x.members.map(name).includes(members[0]!));
    expect(s, key).toBeDefined();
    return s!.id;
  };
  for (const line of storylines) {
    const ids = line.map(storyOf);
    const l = out.storylines.find((x) => x.stories.includes(ids[0]!));
    expect(l, `storyline ${line.join(' → ')}`).toBeDefined();
    expect(l!.stories).toEqual(expect.arrayContaining(ids));
    // Ordered by time: the earlier story first.
    expect(l!.stories.indexOf(ids[0]!)).toBeLessThan(l!.stories.indexOf(ids[ids.length - 1]!));
  }
}

describe('roundup cluster on the seeds', () => {
  const skip = missingShared('seeds', 'gold.json');
  it.skipIf(skip !== null)('000–003 are one story, 004 another, in one storyline', () => {
    const gold = JSON.parse(readFileSync(sharedPath('seeds', 'gold.json'), 'utf8')) as { stories: Record<string, { members: string[] }>; storylines: string[][] };
    const inputs = Object.values(gold.stories).flatMap((s) => s.members.map((m) => sharedPath('seeds', m)));
    const r = runCli(['cluster', ...inputs, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    const stories = Object.fromEntries(Object.entries(gold.stories).map(([k, v]) => [k, v.members]));
    expect(out.stories).toHaveLength(Object.keys(stories).length);
    check(out, stories, gold.storylines);
  });
});

describe('roundup cluster on examples/corpus', () => {
  it('finds the expected stories and storyline', () => {
    const expected = JSON.parse(readFileSync(join(repoRoot, 'examples', 'expected.json'), 'utf8')) as { stories: Record<string, string[]>; storylines: string[][] };
    const r = runCli(['cluster', join(repoRoot, 'examples', 'corpus'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.stories).toHaveLength(Object.keys(expected.stories).length);
    check(out, expected.stories, expected.storylines);
    // Same result whatever the order of the inputs.
    const files = ['wire-northgate-press.html', 'followup-day2.html', 'records.jsonl', 'outlet-d-analysis.html', 'unrelated-story.html', 'outlet-a-syndicated.html', 'aggregator-copy.txt', 'outlet-c-independent.html', 'outlet-b-syndicated.txt'];
    const shuffled = runCli(['cluster', ...files.map((f) => join(repoRoot, 'examples', 'corpus', f)), '--json']);
    const sOut = JSON.parse(shuffled.stdout) as Output;
    expect(sOut.stories.map((s) => s.members.map(name).sort())).toEqual(out.stories.map((s) => s.members.map(name).sort()));
  });
});
