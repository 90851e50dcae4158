import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bcubed, clusterStories, pairwise, singlePassBaseline, type ClusterScores } from '../../src/stories/index.js';
import { missingShared, sharedPath } from './helpers.js';

// ECB+ topics 1–35 (../shared/data/ecbplus-dev): 772 documents, 66 gold stories (subtopics), each topic two
// similar events. Our stories against a plain single-pass TF-IDF baseline whose threshold is chosen on the same
// data (its best B³ F1 over a grid), both run here. Text only: the `url` field (its slug names the event) is left out.
interface Doc {
  id: string;
  topic: number;
  subtopic: string;
  text: string;
  split: string;
}

const skip = missingShared('data', 'ecbplus-dev', 'docs.jsonl');
const fmt = (s: ClusterScores): string => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;

describe('stories on ECB+ (topics 1–35)', () => {
  it.skipIf(skip !== null)('beats the single-pass TF-IDF baseline on B-cubed and pairwise F1', () => {
    const file = sharedPath('data', 'ecbplus-dev', 'docs.jsonl');
    const docs = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Doc);
    const gold = new Map<string, string[]>();
    for (const d of docs) (gold.get(d.subtopic) ?? gold.set(d.subtopic, []).get(d.subtopic)!).push(d.id);
    const goldGroups = [...gold.values()];
    const topics = new Map<number, string[]>();
    for (const d of docs) (topics.get(d.topic) ?? topics.set(d.topic, []).get(d.topic)!).push(d.id);

    const t0 = performance.now();
    const ours = clusterStories(docs.map((d) => ({ id: d.id, text: d.text })));
    const ms = performance.now() - t0;
    const ourGroups = ours.stories.map((s) => s.members);
    const ourB3 = bcubed(ourGroups, goldGroups);
    const ourPw = pairwise(ourGroups, goldGroups);

    let best = { threshold: 0, b3: { precision: 0, recall: 0, f1: -1 } as ClusterScores, groups: [] as string[][] };
    for (let t = 0.1; t <= 0.501; t += 0.05) {
      const groups = singlePassBaseline(docs, t);
      const b3 = bcubed(groups, goldGroups);
      if (b3.f1 > best.b3.f1) best = { threshold: Math.round(t * 1000) / 1000, b3, groups };
    }
    const basePw = pairwise(best.groups, goldGroups);
    const lines = [
      `ECB+ topics 1–35: ${docs.length} documents, ${goldGroups.length} gold stories`,
      `  ours:     ${ourGroups.length} stories in ${Math.round(ms)} ms; B³ ${fmt(ourB3)}; pairwise ${fmt(ourPw)}; B³ vs topics ${fmt(bcubed(ourGroups, [...topics.values()]))}`,
      `  baseline: single-pass TF-IDF, threshold ${best.threshold} (best on this data): ${best.groups.length} clusters; B³ ${fmt(best.b3)}; pairwise ${fmt(basePw)}`,
    ];
    // The Cybulska & Vossen topic split: our constants were set on all 33 topics, so show that the gain holds on
    // each part (ours restricted to the part's documents; the baseline clustered and tuned on that part alone).
    const splitF1: Record<string, [number, number]> = {};
    for (const split of ['train', 'dev']) {
      const part = docs.filter((d) => d.split === split);
      const ids = new Set(part.map((d) => d.id));
      const g = goldGroups.map((grp) => grp.filter((id) => ids.has(id))).filter((grp) => grp.length);
      const o = bcubed(ourGroups.map((grp) => grp.filter((id) => ids.has(id))).filter((grp) => grp.length), g).f1;
      let b = 0;
      for (let t = 0.1; t <= 0.501; t += 0.05) b = Math.max(b, bcubed(singlePassBaseline(part, t), g).f1);
      splitF1[split] = [o, b];
      lines.push(`  ${split} topics (${part.length} documents): ours B³ F1 ${o.toFixed(3)}, baseline ${b.toFixed(3)}`);
    }
    console.log(lines.join('\n'));
    // Margin measured: +0.051 B³ F1 (0.918 vs 0.867) and +0.077 pairwise F1 (0.886 vs 0.809) over a baseline whose
    // threshold was tuned on this same data; +0.051 on the train topics (0.916 vs 0.865), +0.078 on the dev topics
    // (0.929 vs 0.851), each baseline tuned on its own part.
    expect(ourB3.f1).toBeGreaterThan(best.b3.f1 + 0.04);
    expect(ourPw.f1).toBeGreaterThan(basePw.f1 + 0.05);
    for (const [o, b] of Object.values(splitF1)) expect(o).toBeGreaterThan(b + 0.03);
  });
});
