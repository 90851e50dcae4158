/**
 * `npm run bench:stories`: story clustering speed and peak memory on streams of 1k, 10k and 100k articles, each
 * size in its own process (so peak RSS is its own). Reports articles per second (wall clock, and per CPU second,
 * which a machine shared with other work disturbs less), peak RSS, the cost per article relative to the smallest
 * size, so the growth of cost with volume is visible (near-linear is the bar), and the B-cubed F1 of the stories
 * against the source texts the stream was made from (quality must hold as volume grows).
 *
 * Data, read at run time (never copied into the repository): the texts of ../shared/data/ecbplus-dev/docs.jsonl
 * (772 news documents) and the extracted body text of those of the first `--pages` (default 200) pages of
 * ../shared/data/trafilatura-eval that hold over 400 characters (197): 969 source texts. An event is an ECB+ gold
 * story (its documents report one event: 66 events) or one page (197), with a made-up event day in 2030. (Until
 * stories held an event's weeks, every source text was its own event and only its random day told two reports of
 * one ECB+ event apart.) An article of the stream is a source text drawn uniformly at random,
 * perturbed: each sentence swapped with a random other one with probability 0.3, one sentence dropped (when there
 * are more than three), 5% of its words replaced by words of another source drawn at random, its headline the
 * first 120 characters of its (perturbed) first sentence, and its date the event day plus 0–2 days. The number of events is fixed, so the stories grow with the
 * stream: about 1 article per event at 1k, 10 at 10k and 100 at 100k (69–135), which is the hard case for cost
 * (big stories, many near-identical candidates). Deterministic: a seeded PRNG (mulberry32, `--seed`, default 1).
 *
 * Usage: node dist/bench/stories.js [--sizes 1000,10000,100000] [--pages 200] [--seed 1] [--options '{"protagonistFactor":1}']
 * (`--options`: StoryOptions for clusterStories, to measure a signal's cost or effect at volume).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleText, extractDocument } from '../src/extract/index.js';
import { bcubed, clusterStories, type StoryInput, type StoryOptions } from '../src/stories/index.js';
import { mulberry32 } from '../test/helpers/random.js';

const here = fileURLToPath(import.meta.url);
const repoRoot = resolve(dirname(here), '..', '..');
const dataDir = resolve(repoRoot, '..', 'shared', 'data');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}


/** A source text and the event it reports (ECB+ documents of one gold story report one event). */
interface Source {
  text: string;
  event: string;
}

function sources(pages: number): Source[] {
  const out: Source[] = [];
  const ecb = join(dataDir, 'ecbplus-dev', 'docs.jsonl');
  if (existsSync(ecb)) {
    for (const line of readFileSync(ecb, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { text: string; subtopic: string };
      out.push({ text: d.text, event: `ecb:${d.subtopic}` });
    }
  }
  const html = join(dataDir, 'trafilatura-eval', 'html');
  if (existsSync(html)) {
    for (const f of readdirSync(html).sort().slice(0, pages)) {
      const a = extractDocument({ content: readFileSync(join(html, f), 'utf8'), kind: 'html' });
      const text = articleText(a);
      if (text.length > 400) out.push({ text, event: `page:${f}` });
    }
  }
  return out;
}

/** The stream, and the event of every article. */
function stream(n: number, src: Source[], seed: number): { docs: StoryInput[]; events: string[] } {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const base = Date.UTC(2030, 0, 1);
  // Every event on its own day, spread over a year.
  const dayOf = new Map<string, number>();
  for (const s of src) if (!dayOf.has(s.event)) dayOf.set(s.event, Math.floor(rnd() * 365));
  const sents = src.map((s) => s.text.split(/(?<=[.!?])\s+|\n+/).filter((x) => x.trim()));
  const docs: StoryInput[] = [];
  const events: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rnd() * src.length);
    let ss = [...sents[k]!];
    for (let j = 0; j < ss.length; j++) {
      if (rnd() < 0.3) {
        const m = Math.floor(rnd() * ss.length);
        [ss[j], ss[m]] = [ss[m]!, ss[j]!];
      }
    }
    if (ss.length > 3) ss.splice(Math.floor(rnd() * ss.length), 1);
    const other = pick(sents).join(' ').split(/\s+/);
    ss = ss.map((s) => s.split(' ').map((w) => (rnd() < 0.05 ? pick(other) : w)).join(' '));
    const day = dayOf.get(src[k]!.event)! + Math.floor(rnd() * 3);
    events.push(src[k]!.event);
    docs.push({ id: `a${String(i).padStart(6, '0')}`, title: ss[0]!.slice(0, 120), text: ss.join('\n\n'), published: new Date(base + day * 86_400_000).toISOString().slice(0, 10) });
  }
  return { docs, events };
}

interface Result {
  articles: number;
  seconds: number;
  /** CPU seconds (user and system, all threads) spent clustering. */
  cpuSeconds: number;
  peakRssMB: number;
  /** RSS once the source texts are loaded and the stream built, before clustering. */
  baseRssMB: number;
  stories: number;
  /** B-cubed F1 of the stories against the source texts (events). */
  eventF1: number;
}

function child(size: number): void {
  const src = sources(Number(arg('pages', '200')));
  const { docs, events } = stream(size, src, Number(arg('seed', '1')));
  const baseRssMB = process.memoryUsage().rss / 2 ** 20;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = clusterStories(docs, JSON.parse(arg('options', '{}')) as StoryOptions);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const gold = new Map<string, string[]>();
  docs.forEach((d, i) => (gold.get(events[i]!) ?? gold.set(events[i]!, []).get(events[i]!)!).push(d.id));
  const eventF1 = bcubed(
    r.stories.map((s) => s.members),
    [...gold.values()],
  ).f1;
  const out: Result = { articles: size, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMB: process.resourceUsage().maxRSS / 1024, baseRssMB, stories: r.stories.length, eventF1 };
  process.stdout.write(JSON.stringify(out) + '\n');
}

function main(): void {
  if (process.argv.includes('--child')) {
    child(Number(arg('size', '1000')));
    return;
  }
  if (!existsSync(join(dataDir, 'ecbplus-dev', 'docs.jsonl'))) {
    process.stderr.write(`bench:stories: ${dataDir}/ecbplus-dev is absent; nothing to measure\n`);
    return;
  }
  const sizes = arg('sizes', '1000,10000,100000').split(',').map(Number);
  const results: Result[] = [];
  for (const size of sizes) {
    const p = spawnSync(process.execPath, ['--max-old-space-size=8192', here, '--child', '--size', String(size), '--pages', arg('pages', '200'), '--seed', arg('seed', '1'), '--options', arg('options', '{}')], { encoding: 'utf8', maxBuffer: 2 ** 26 });
    if (p.status !== 0) {
      process.stderr.write(`size ${size} failed: ${p.stderr}\n`);
      continue;
    }
    const r = JSON.parse(p.stdout.trim().split('\n').pop()!) as Result;
    results.push(r);
    process.stdout.write(
      `${String(size).padStart(7)} articles: ${(r.articles / r.seconds).toFixed(0).padStart(6)} articles/s (${(r.articles / r.cpuSeconds).toFixed(0)} per CPU s), ${r.seconds.toFixed(1).padStart(7)} s, peak RSS ${r.peakRssMB.toFixed(0).padStart(5)} MB (${r.baseRssMB.toFixed(0)} MB before clustering), ${r.stories} stories, B³ F1 vs source events ${r.eventF1.toFixed(3)}\n`,
    );
  }
  const first = results[0];
  if (first) {
    process.stdout.write('\ncost per article relative to the smallest size (1.0 = linear): wall, CPU\n');
    for (const r of results) {
      const wall = r.seconds / r.articles / (first.seconds / first.articles);
      const cpu = r.cpuSeconds / r.articles / (first.cpuSeconds / first.articles);
      process.stdout.write(`${String(r.articles).padStart(7)}: ${wall.toFixed(2)}, ${cpu.toFixed(2)}\n`);
    }
  }
}

main();
