/**
 * What each story signal adds, on each half of ECB+ topics 1–35, through the path `roundup cluster` takes: the
 * files are read and cleaned by extractInputs (as the CLI does), families are found, and stories clustered with
 * the shipped constants; each variant takes one signal away from the inputs or the options. B³ F1 against the
 * gold subtopics, each half (odd / even topic numbers) clustered alone. Reads ../shared at run time; copies nothing.
 *
 *   npm run build && node dist/bench/stories-ablation.js
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFamilies } from '../src/families/index.js';
import { pipelineArticle, type PipelineArticle } from '../src/pipeline/cluster.js';
import { extractInputs } from '../src/pipeline/extract-inputs.js';
import { bcubed, clusterStories, singlePassBaseline, type StoryOptions } from '../src/stories/index.js';

// dist/bench/ → the repository root → ../shared beside it.
const SHARED = resolve(process.env.ROUNDUP_SHARED ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared'));
const DATA = join(SHARED, 'data', 'ecbplus-dev');

interface Doc {
  id: string;
  topic: number;
  subtopic: string;
  text: string;
}

interface Variant {
  name: string;
  input: (a: PipelineArticle) => PipelineArticle;
  options?: StoryOptions;
  families?: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'shipped (fitted on the odd half)', input: (a) => a },
  // `npm run fit:stories -- even`: the held-out figure of the odd half is this row's.
  { name: 'fitted on the even half', input: (a) => a, options: { threshold: 0.141, yearFactor: 0.721, protagonistFactor: 0.784 } },
  { name: 'no publication dates', input: (a) => ({ ...a, published: null }) },
  { name: 'no headline', input: (a) => ({ ...a, title: null }) },
  { name: 'no entity overlap (words only)', input: (a) => a, options: { entityWeight: 0 } },
  { name: 'no protagonist', input: (a) => a, options: { protagonistFactor: 1 } },
  { name: 'no syndication families', input: (a) => a, families: false },
];

async function main(): Promise<void> {
  const docs = readFileSync(join(DATA, 'docs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc);
  const files = new Set(readdirSync(join(DATA, 'docs')));
  const rows: string[] = ['| variant | odd half | even half |', '| --- | --- | --- |'];
  const results = new Map<string, string[]>();
  for (const odd of [true, false]) {
    const part = docs.filter((d) => (d.topic % 2 === 1) === odd && files.has(`${d.id}.txt`));
    const bySubtopic = new Map<string, string[]>();
    for (const d of part) (bySubtopic.get(d.subtopic) ?? bySubtopic.set(d.subtopic, []).get(d.subtopic)!).push(d.id);
    const gold = [...bySubtopic.values()];
    const { articles } = await extractInputs(part.map((d) => join(DATA, 'docs', `${d.id}.txt`)));
    const base = articles.map(({ input, article }) => pipelineArticle(basename(input, '.txt'), article));
    for (const v of VARIANTS) {
      const arts = base.map(v.input).filter((a) => a.text.trim());
      const families = v.families === false ? undefined : findFamilies(arts);
      const { stories } = clusterStories(arts, { ...v.options, families });
      const f1 = bcubed(stories.map((s) => s.members), gold).f1;
      (results.get(v.name) ?? results.set(v.name, []).get(v.name)!).push(f1.toFixed(3));
    }
    let best = 0;
    let bestT = 0;
    for (let t = 0.1; t <= 0.501; t += 0.05) {
      const f1 = bcubed(singlePassBaseline(part, t), gold).f1;
      if (f1 > best) [best, bestT] = [f1, t];
    }
    const name = 'single-pass TF-IDF baseline (threshold tuned on the half)';
    (results.get(name) ?? results.set(name, []).get(name)!).push(`${best.toFixed(3)} (t ${bestT.toFixed(2)})`);
  }
  for (const [name, [odd, even]] of results) rows.push(`| ${name} | ${odd} | ${even} |`);
  process.stdout.write(rows.join('\n') + '\n');
}

await main();
