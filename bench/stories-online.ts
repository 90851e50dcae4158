/**
 * `npm run bench:stories-online`: how far the online story path (StoryIndex.addArticles, one call per arrival batch,
 * as a watch cycle would make it) drifts from the batch clustering (`clusterStories`, what `roundup reprocess` and
 * the store's recluster compute), per #15.
 *
 * Corpora: examples/corpus and examples/developing (the repository's own), and ECB+ dev (../shared/data/ecbplus-dev,
 * 772 documents; `--ecb N` takes the first N of a seeded shuffle). Each corpus goes through the path `roundup cluster`
 * takes (extractInputs, pipelineArticle, families of the whole corpus, so the figure is the story path's drift
 * alone), then arrives in a seeded random order: the examples (a dozen texts each) one article at a time, ECB+ in
 * batches of `--batch` (20: bench:watch's cycle). Reported: B³ of
 * the online stories against the batch stories (1.000 = the same partition), and for ECB+ each against the gold
 * events.
 *
 * Usage: node dist/bench/stories-online.js [--batch 20] [--ecb 772] [--seeds 1,2,3]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFamilies } from '../src/families/index.js';
import { pipelineArticle, type PipelineArticle } from '../src/pipeline/cluster.js';
import { extractInputs } from '../src/pipeline/extract-inputs.js';
import { bcubed, clusterStories, familyMap, StoryIndex, storiesOf } from '../src/stories/index.js';
import { mulberry32 } from '../test/helpers/random.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const batch = Number(arg('batch', '20'));
const ecbN = Number(arg('ecb', '772'));
const seeds = arg('seeds', '1,2,3').split(',').map(Number);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = resolve(process.env.ROUNDUP_SHARED ?? join(ROOT, '..', 'shared'));

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rand = mulberry32(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function articlesOf(files: string[]): Promise<PipelineArticle[]> {
  const { articles } = await extractInputs(files);
  return articles.map(({ input, article }) => pipelineArticle(basename(input).replace(/\.txt$/, ''), article)).filter((a) => a.text.trim());
}

/** Online stories: the articles in `order`, `batch` at a time, into one index. */
function online(arts: readonly PipelineArticle[], seed: number, families: ReturnType<typeof findFamilies>, batch: number): string[][] {
  const index = new StoryIndex();
  const fam = familyMap(families);
  const order = shuffled(arts, seed);
  for (let i = 0; i < order.length; i += batch) index.addArticles(order.slice(i, i + batch), fam);
  return storiesOf(index).map((s) => s.members);
}

const f3 = (x: number): string => x.toFixed(4);

/** Articles whose story (as a set of articles) differs between two partitions. */
function moved(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): number {
  const keyOf = (gs: readonly (readonly string[])[]) => new Map(gs.flatMap((g) => { const k = [...g].sort().join('\n'); return g.map((x) => [x, k] as const); }));
  const ka = keyOf(a);
  const kb = keyOf(b);
  let n = 0;
  for (const [x, k] of ka) if (kb.get(x) !== k) n++;
  return n;
}

async function corpus(name: string, files: string[], gold: string[][] | null, batch: number): Promise<void> {
  const arts = await articlesOf(files);
  const families = findFamilies(arts);
  const batchStories = clusterStories(arts, { families }).stories.map((s) => s.members);
  const line = [`${name} (${arts.length} articles in batches of ${batch}, ${batchStories.length} batch stories)`];
  if (gold) line.push(`batch vs gold B³ F1 ${f3(bcubed(batchStories, gold).f1)}`);
  console.log(line.join(': '));
  for (const seed of seeds) {
    const on = online(arts, seed, families, batch);
    const d = bcubed(on, batchStories);
    const placed = new Set(on.flat());
    if (placed.size !== arts.length || on.flat().length !== placed.size) console.log(`  seed ${seed}: online stories hold ${placed.size} distinct articles (${on.flat().length} in all) of ${arts.length}`);
    const parts = [`  seed ${seed}: ${on.length} online stories; online vs batch B³ P ${f3(d.precision)} R ${f3(d.recall)} F1 ${f3(d.f1)}, ${moved(on, batchStories)} articles in a story that differs`];
    if (gold) parts.push(`online vs gold F1 ${f3(bcubed(on, gold).f1)}`);
    console.log(parts.join('; '));
  }
}

console.log(`bench:stories-online — batches of ${batch}, families of the whole corpus`);
const ex = join(ROOT, 'examples');
for (const sub of ['corpus', 'developing']) {
  const dir = join(ex, sub);
  if (existsSync(dir)) await corpus(`examples/${sub}`, readdirSync(dir).filter((f) => !f.endsWith('.jsonl') && !f.endsWith('.md')).sort().map((f) => join(dir, f)), null, 1);
}
const ecb = join(SHARED, 'data', 'ecbplus-dev');
if (existsSync(ecb)) {
  const stories = JSON.parse(readFileSync(join(ecb, 'stories.json'), 'utf8')) as Record<string, string[]>;
  const ids = shuffled(Object.values(stories).flat().sort(), 7).slice(0, ecbN);
  const keep = new Set(ids);
  await corpus(`ECB+ dev`, ids.map((id) => join(ecb, 'docs', `${id}.txt`)), Object.values(stories).map((g) => g.filter((x) => keep.has(x))), batch);
} else console.log(`ECB+ dev not found at ${ecb}`);
process.exit(0);
