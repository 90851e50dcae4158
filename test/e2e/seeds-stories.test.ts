import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingShared, repoRoot, runCli, sharedPath } from './helpers.js';

// `roundup cluster --json` on the seeds (gold.json `stories`, `storylines`) and on our corpus
// (examples/expected.json `stories`, `storylines`). A story is an event with its coverage over the following weeks
// (what ECB+ scores, test/e2e/ecbplus.test.ts); each day's news within it is a development. The gold files' stories
// are day-level: each must be exactly one development, and a gold storyline one story holding its developments in
// time order.
interface Output {
  stories: { id: string; title: string | null; members: string[]; developments: { members: string[]; first: string | null }[] }[];
  families: { id: string; members: string[] }[];
  storylines: { id: string; stories: string[] }[];
}

const name = (input: string): string => (/#\d+$/.test(input) ? `${basename(input.replace(/#\d+$/, ''))}${input.match(/#\d+$/)![0]}` : basename(input));

function check(out: Output, stories: Record<string, string[]>, storylines: string[][]): void {
  const developments = out.stories.flatMap((s) => s.developments.map((d) => ({ story: s.id, members: d.members.map(name).sort() })));
  const devOf = (key: string): { story: string; at: number } => {
    // Storylines are written with story keys or, for a one-document story, the document itself.
    const members = [...(stories[key] ?? [key])].sort();
    const d = developments.find((x) => JSON.stringify(x.members) === JSON.stringify(members));
    expect(d, `${key}: ${members.join(', ')} as one development`).toBeDefined();
    return { story: d!.story, at: developments.indexOf(d!) };
  };
  for (const key of Object.keys(stories)) devOf(key);
  for (const line of storylines) {
    const devs = line.map(devOf);
    // One story, its developments in time order.
    expect(new Set(devs.map((d) => d.story)).size, `storyline ${line.join(' → ')}`).toBe(1);
    expect(devs.map((d) => d.at)).toEqual([...devs.map((d) => d.at)].sort((a, b) => a - b));
  }
  // Every story is one gold story or the union of a gold storyline's.
  const inLine = new Set(storylines.flat().flatMap((k) => stories[k] ?? [k]));
  const expectedStories = [...storylines.map((l) => l.flatMap((k) => stories[k] ?? [k]).sort()), ...Object.values(stories).filter((v) => !v.every((m) => inLine.has(m))).map((v) => [...v].sort())];
  expect(out.stories.map((s) => s.members.map(name).sort()).sort()).toEqual(expectedStories.sort());
}

describe('roundup cluster on the seeds', () => {
  const skip = missingShared('seeds', 'gold.json');
  it.skipIf(skip !== null)('000–003 are one development, 004 the one before it, of one story', () => {
    const gold = JSON.parse(readFileSync(sharedPath('seeds', 'gold.json'), 'utf8')) as { stories: Record<string, { members: string[] }>; storylines: string[][] };
    const inputs = Object.values(gold.stories).flatMap((s) => s.members.map((m) => sharedPath('seeds', m)));
    const r = runCli(['cluster', ...inputs, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    const stories = Object.fromEntries(Object.entries(gold.stories).map(([k, v]) => [k, v.members]));
    expect(out.stories).toHaveLength(1);
    check(out, stories, gold.storylines);
  });
});

// The stored workflow on the seeds: `roundup ingest` computes families and stories; `roundup stories` ranks them;
// `roundup show s<N>` groups the members by family and says what each version adds over the story's lead (000).
describe('roundup stories and show on the seeds', () => {
  const skip = missingShared('seeds', 'gold.json');
  const dir = mkdtempSync(join(tmpdir(), 'roundup-seeds-stories-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'seeds.db');
  interface Row {
    id: string;
    articles: number;
    families: number;
    storyline: string | null;
  }
  interface Shown {
    members: { id: number; locator: string }[];
    families: { id: string; canonical: number; members: { id: number }[] }[];
  }
  const prefix = (locator: string): string => basename(locator).slice(0, 3);

  it.skipIf(skip !== null)('one story, 004 then 000–003 its developments; 000 and 003 one family; what 002 and 003 add over 000', () => {
    const gold = JSON.parse(readFileSync(sharedPath('seeds', 'gold.json'), 'utf8')) as { stories: Record<string, { members: string[] }> };
    const inputs = Object.values(gold.stories).flatMap((s) => s.members.map((m) => sharedPath('seeds', m)));
    const ing = runCli(['ingest', ...inputs, '--db', db]);
    expect(ing.code, ing.stderr).toBe(0);
    const rows = runCli(['stories', '--json', '--db', db])
      .stdout.split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Row);
    expect(rows).toHaveLength(1);
    const shown = new Map(rows.map((r) => [r.id, JSON.parse(runCli(['show', r.id, '--json', '--db', db]).stdout) as Shown]));
    const seedsOf = (id: string): string[] => shown.get(id)!.members.map((m) => prefix(m.locator)).sort();
    // Four families; one is 001, a derived source (AI-assisted composite), not counted as independent.
    expect(rows.map((r) => seedsOf(r.id))).toEqual([['000', '001', '002', '003', '004']]);
    expect(rows.map((r) => r.families)).toEqual([3]);
    const devs = (JSON.parse(runCli(['show', rows[0]!.id, '--json', '--db', db]).stdout) as { developments: { members: number[]; first: string | null }[] }).developments;
    const prefixOf = new Map(shown.get(rows[0]!.id)!.members.map((m) => [m.id, prefix(m.locator)]));
    expect(devs.map((d) => d.members.map((m) => prefixOf.get(m)).sort())).toEqual([['004'], ['000', '001', '002', '003']]);
    expect(devs[0]!.first).toMatch(/^2025-08-16/);

    const main = shown.get(rows[0]!.id)!;
    const idOf = new Map(main.members.map((m) => [prefix(m.locator), m.id]));
    const familyOf = (p: string) => main.families.find((f) => f.members.some((m) => m.id === idOf.get(p)))!;
    expect(familyOf('000').members.map((m) => m.id).sort()).toEqual([idOf.get('000'), idOf.get('003')].sort());
    expect(familyOf('000').canonical).toBe(idOf.get('000'));
    expect(familyOf('002').members).toHaveLength(1);

    // The text view: each family's block (canonical, copies with their adds, adds over the lead).
    const text = runCli(['show', rows[0]!.id, '--db', db]).stdout;
    const blocks = text.split(/\n(?=Family \d)/);
    const blockOf = (p: string): string => blocks.find((b) => b.includes(`canonical [${familyOf(p).canonical}]`))!;
    const lines = (b: string, head: RegExp): string[] => {
      const all = b.split('\n');
      const at = all.findIndex((l) => head.test(l));
      expect(at, `${head} in\n${b}`).toBeGreaterThanOrEqual(0);
      const out: string[] = [];
      for (const l of all.slice(at + 1)) {
        if (!/^\s+\+ /.test(l)) break;
        out.push(l);
      }
      return out;
    };
    // 003 (a copy of 000): its Tuesday coalition call.
    const adds003 = lines(blockOf('000'), new RegExp(`copy\\s+\\[${idOf.get('003')}\\]`));
    expect(adds003.join('\n')).toMatch(/co-chair a call on Tuesday morning of the so-called .coalition of the willing/);
    // 002 (its own family): Witkoff's CNN quote and the missing-children passage, over 000.
    const adds002 = lines(blockOf('002'), new RegExp(`adds over \\[${idOf.get('000')}\\]`)).join('\n');
    expect(adds002).toMatch(/We were able to win the following concession/);
    expect(adds002).toMatch(/the massive worldwide problem of missing children/);
    expect(adds002).toMatch(/bring every child home/);
    // Restatements of what 000 says are not adds.
    expect(adds002).not.toMatch(/Moscow would "accept"/);
    expect(adds002).not.toMatch(/At the conclusion of the meetings/);
    // Its developments: 004's call two days before the talks.
    expect(text).toMatch(/Developments\n\s+1\s+2025-08-16 .*\n\s+2\s+2025-08-1[89]/);
  });
});

describe('roundup cluster on examples/corpus', () => {
  it('finds the expected stories and storyline', () => {
    const expected = JSON.parse(readFileSync(join(repoRoot, 'examples', 'expected.json'), 'utf8')) as { stories: Record<string, string[]>; storylines: string[][] };
    const r = runCli(['cluster', join(repoRoot, 'examples', 'corpus'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    check(out, expected.stories, expected.storylines);
    // Same result whatever the order of the inputs.
    const files = ['wire-northgate-press.html', 'followup-day2.html', 'records.jsonl', 'outlet-d-analysis.html', 'unrelated-story.html', 'outlet-a-syndicated.html', 'aggregator-copy.txt', 'outlet-c-independent.html', 'outlet-b-syndicated.txt'];
    const shuffled = runCli(['cluster', ...files.map((f) => join(repoRoot, 'examples', 'corpus', f)), '--json']);
    const sOut = JSON.parse(shuffled.stdout) as Output;
    expect(sOut.stories.map((s) => s.members.map(name).sort())).toEqual(out.stories.map((s) => s.members.map(name).sort()));
  });
});
