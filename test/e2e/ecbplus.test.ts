import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bcubed, singlePassBaseline, type ClusterScores } from '../../src/stories/index.js';
import { missingShared, runCli, sharedPath } from './helpers.js';

// ECB+ topics 1–35 (../shared/data/ecbplus-dev): 772 documents, 66 gold stories (subtopics), each topic two
// similar events. Measured the way a user runs it: `roundup cluster <files> --json` on the plain-text files, each
// half of the topics (odd / even topic numbers) clustered alone, against a plain single-pass TF-IDF baseline whose
// threshold is chosen on that same half (its best B³ F1 over a grid). The time model's constants were chosen on
// the odd half (src/stories/thresholds.ts); the even half is the held-out figure.
interface Doc {
  id: string;
  topic: number;
  subtopic: string;
  text: string;
}
interface Output {
  stories: { members: string[] }[];
}

const skip = missingShared('data', 'ecbplus-dev', 'docs.jsonl');
const fmt = (s: ClusterScores): string => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;

describe('stories on ECB+ (topics 1–35) through roundup cluster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roundup-ecbplus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = (): Doc[] =>
    readFileSync(sharedPath('data', 'ecbplus-dev', 'docs.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Doc);
  const goldOf = (docs: Doc[]): string[][] => {
    const gold = new Map<string, string[]>();
    for (const d of docs) (gold.get(d.subtopic) ?? gold.set(d.subtopic, []).get(d.subtopic)!).push(d.id);
    return [...gold.values()];
  };
  const cluster = (inputs: string[]): Output => {
    const r = runCli(['cluster', ...inputs, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Output;
  };

  it.skipIf(skip !== null)('each half of the topics, clustered alone from the files, beats the baseline tuned on it', () => {
    const docs = load();
    const files = new Set(readdirSync(sharedPath('data', 'ecbplus-dev', 'docs')));
    const lines: string[] = [];
    const scores: Record<string, [number, number]> = {};
    for (const [name, odd] of [
      ['odd (tuned on)', true],
      ['even (held out)', false],
    ] as const) {
      const part = docs.filter((d) => d.topic % 2 === 1 === odd && files.has(`${d.id}.txt`));
      const gold = goldOf(part);
      const out = cluster(part.map((d) => sharedPath('data', 'ecbplus-dev', 'docs', `${d.id}.txt`)));
      const ours = bcubed(
        out.stories.map((s) => s.members.map((m) => basename(m, '.txt'))),
        gold,
      );
      let base = { t: 0, f1: -1, s: null as ClusterScores | null };
      for (let t = 0.1; t <= 0.501; t += 0.05) {
        const s = bcubed(singlePassBaseline(part, t), gold);
        if (s.f1 > base.f1) base = { t: Math.round(t * 100) / 100, f1: s.f1, s };
      }
      scores[name] = [ours.f1, base.f1];
      lines.push(`  ${name}: ${part.length} documents, ${gold.length} gold stories; roundup cluster ${out.stories.length} stories, B³ ${fmt(ours)}; baseline (threshold ${base.t}) B³ ${fmt(base.s!)}`);
    }
    console.log(`ECB+ topics 1–35 through roundup cluster:\n${lines.join('\n')}`);
    // Measured with the combination fitted on the odd topics (src/stories/thresholds.ts STORY_FIT): odd 0.927
    // (baseline 0.873), even 0.937 (baseline 0.875). Before the event-window time model the whole set gave 0.813
    // through this path; before the fit, 0.900 / 0.907. The bar is issue #12's.
    for (const [ours, base] of Object.values(scores)) {
      expect(ours).toBeGreaterThanOrEqual(0.92);
      expect(ours).toBeGreaterThanOrEqual(base + 0.04);
    }
  });

  it.skipIf(skip !== null)('JSON Lines records that carry their publication dates give the same quality', () => {
    const docs = load();
    // The dates the files' own date lines give (`roundup extract`), carried as records' `published`, as a feed would.
    const ex = runCli(['extract', sharedPath('data', 'ecbplus-dev', 'docs'), '--json']);
    expect(ex.code, ex.stderr).toBe(0);
    const published = new Map(
      ex.stdout
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { input: string; published: string | null })
        .map((o) => [basename(o.input, '.txt'), o.published] as const),
    );
    expect([...published.values()].filter(Boolean).length).toBeGreaterThan(200);
    const file = join(dir, 'ecbplus.jsonl');
    writeFileSync(file, docs.map((d) => JSON.stringify({ url: `https://ecbplus.example/${d.id}`, text: d.text, published: published.get(d.id) ?? null })).join('\n') + '\n');
    const out = cluster([file]);
    const idOf = (m: string): string => docs[Number(/#(\d+)$/.exec(m)![1]) - 1]!.id;
    const ours = bcubed(
      out.stories.map((s) => s.members.map(idOf)),
      goldOf(docs),
    );
    console.log(`ECB+ topics 1–35 as dated JSON Lines records: ${out.stories.length} stories, B³ ${fmt(ours)}`);
    expect(ours.f1).toBeGreaterThan(0.9);
  });
});
