/**
 * `npm run fit:stories [-- even]`: fits the story model's combination (thresholds.ts STORY_FIT) on one half of ECB+
 * topics 1–35 (odd topics unless `even`), through the path `roundup cluster` takes (files cleaned by extractInputs,
 * families, the shipped features).
 *
 * Every pair of units (one per syndication family) of the half is a case: one gold event or not. A logistic
 * regression of that on log(content similarity), "years differ" and "protagonists differ" is the model the
 * clustering already is in multiplicative form: sim = content × yearFactor^[years differ] × whoFactor^[who
 * differ] ≥ threshold ⇔ log-odds ≥ 0, so threshold = exp(−b0/bc), yearFactor = exp(by/bc), whoFactor =
 * exp(bw/bc). The entity weight (inside content) is the one of a few values with the best likelihood.
 *
 * It prints the fitted constants; thresholds.ts holds the odd fit, and test/e2e/ecbplus.test.ts (or
 * bench/stories-ablation.ts) scores them on both halves through `roundup cluster`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFamilies } from '../src/families/index.js';
import { pipelineArticle } from '../src/pipeline/cluster.js';
import { extractInputs } from '../src/pipeline/extract-inputs.js';
import { mix } from '../src/stories/agglomerate.js';
import { dot } from '../src/stories/features.js';
import { buildIndex } from '../src/stories/index.js';
import { predict, trainLogistic } from '../src/verify/model.js';

const SHARED = resolve(process.env.ROUNDUP_SHARED ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared'));
const DATA = join(SHARED, 'data', 'ecbplus-dev');
const ENTITY_WEIGHTS = [0.3, 0.45, 0.6, 0.75];

interface Doc {
  id: string;
  topic: number;
  subtopic: string;
}
interface Pair {
  t: number;
  e: number | null;
  years: number;
  who: number;
  same: number;
  /** Article pairs the unit pair stands for (B³ counts articles, and a family is one unit of several). */
  weight: number;
}

/**
 * The regression: the verifier's trainer (src/verify/model.ts trainLogistic) with each unit pair weighted by its
 * article pairs, brought back from standardised features to raw coefficients (intercept first), and the weighted
 * log-likelihood. Many more steps than the verifier's default and a negligible penalty: at 20,000 steps the odd-half
 * constants equal a Newton solve's to the third decimal (0.132 / 0.636 / 0.671, the fit before protagonists were told from teams); at 4,000 they were off by up to 0.02.
 */
function fit(xs: number[][], ys: number[], ws: number[]): { beta: number[]; ll: number } {
  const m = trainLogistic(xs, ys, { sampleWeights: ws, features: ['log content', 'years differ', 'protagonists differ'], l2: 1e-6, iterations: 20_000, rate: 1 });
  const slopes = m.weights.map((w, j) => w / m.scale[j]!);
  const intercept = m.bias - slopes.reduce((s, w, j) => s + w * m.mean[j]!, 0);
  let ll = 0;
  xs.forEach((x, r) => {
    const p = predict({ ...m, threshold: 0.5 }, x);
    ll += ws[r]! * (ys[r] ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
  });
  return { beta: [intercept, ...slopes], ll };
}

async function pairsOf(docs: Doc[]): Promise<Pair[]> {
  const { articles } = await extractInputs(docs.map((d) => join(DATA, 'docs', `${d.id}.txt`)));
  const arts = articles.map(({ input, article }) => pipelineArticle(basename(input, '.txt'), article)).filter((a) => a.text.trim());
  const index = buildIndex(arts, { families: findFamilies(arts) });
  const sub = new Map(docs.map((d) => [d.id, d.subtopic]));
  const u = index.units;
  const out: Pair[] = [];
  for (let i = 0; i < u.length; i++)
    for (let j = i + 1; j < u.length; j++) {
      const a = u[i]!;
      const b = u[j]!;
      const ta = a.time;
      const tb = b.time;
      out.push({
        t: dot(a.terms, b.terms),
        e: a.entities.ids.length && b.entities.ids.length ? dot(a.entities, b.entities) : null,
        years: (ta.day === null || tb.day === null) && ta.year !== null && tb.year !== null && ta.year !== tb.year ? 1 : 0,
        who: a.who >= 0 && b.who >= 0 && a.who !== b.who ? 1 : 0,
        same: sub.get(a.key) === sub.get(b.key) ? 1 : 0,
        weight: a.members.length * b.members.length,
      });
    }
  return out;
}

async function main(): Promise<void> {
  const fitOn = process.argv[2] === 'even' ? 0 : 1;
  const docs = readFileSync(join(DATA, 'docs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc);
  const files = new Set(readdirSync(join(DATA, 'docs')));
  const part = docs.filter((d) => d.topic % 2 === fitOn && files.has(`${d.id}.txt`));
  const pairs = await pairsOf(part);
  let best: { ew: number; beta: number[]; ll: number } | null = null;
  for (const ew of ENTITY_WEIGHTS) {
    const xs = pairs.map((p) => [Math.log(Math.max(1e-3, p.e === null ? p.t : mix(p.t, p.e, ew))), p.years, p.who]);
    const { beta, ll } = fit(
      xs,
      pairs.map((p) => p.same),
      pairs.map((p) => p.weight),
    );
    process.stdout.write(`entity weight ${ew}: log-likelihood ${ll.toFixed(1)} (threshold ${Math.exp(-beta[0]! / beta[1]!).toFixed(3)}, years ${Math.exp(beta[2]! / beta[1]!).toFixed(3)}, protagonists ${Math.exp(beta[3]! / beta[1]!).toFixed(3)})\n`);
    if (!best || ll > best.ll) best = { ew, beta, ll };
  }
  const [b0, bc, by, bw] = best!.beta as [number, number, number, number];
  process.stdout.write(
    `fitted on the ${fitOn ? 'odd' : 'even'} topics (${pairs.length} unit pairs, ${pairs.filter((p) => p.same).length} of one event):\n` +
      `  ENTITY_WEIGHT ${best!.ew}\n  STORY_THRESHOLD ${Math.exp(-b0 / bc).toFixed(3)}\n  OTHER_YEAR_FACTOR ${Math.exp(by / bc).toFixed(3)}\n` +
      `  OTHER_PROTAGONIST_FACTOR ${Math.exp(bw / bc).toFixed(3)}\n`,
  );
}

await main();
