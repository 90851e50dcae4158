/**
 * `npm run bench:extract`: our extractor and Readability.js over the same pages, each in its own
 * process (so peak memory is its own), on ../shared/data/trafilatura-eval. Reports pages per
 * CPU-second, peak RSS and failures, with our/peer ratios. Median of `--runs` runs (default 3).
 * Usage: node dist/bench/extract.js [--pages N] [--runs N] [--peers readability-linkedom,readability-jsdom]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Result {
  extractor: string;
  pages: number;
  failures: number;
  cpuSeconds: number;
  wallSeconds: number;
  peakRssMB: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const dataDir = resolve(repoRoot, '..', 'shared', 'data', 'trafilatura-eval');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

if (!existsSync(join(dataDir, 'gold.json'))) {
  console.error(`bench:extract: ${dataDir}/gold.json not found; the benchmark needs ../shared/data/trafilatura-eval beside the repository`);
  process.exit(1);
}
const gold = JSON.parse(readFileSync(join(dataDir, 'gold.json'), 'utf8')) as { file: string }[];
const limit = Number(arg('pages', String(gold.length)));
const runs = Number(arg('runs', '3'));
const peers = arg('peers', 'readability-linkedom').split(',').filter(Boolean);
const files = gold.slice(0, limit).map((g) => join(dataDir, g.file));
const listFile = join(mkdtempSync(join(tmpdir(), 'roundup-bench-')), 'files.json');
writeFileSync(listFile, JSON.stringify(files));

const worker = join(here, 'extract-worker.js');
const results: Result[] = [];
for (const extractor of ['ours', ...peers]) {
  const samples: Result[] = [];
  for (let r = 0; r < runs; r++) {
    // The worker's stdout is one line, but a peer may write much to stderr: a buffer overflow kills it.
    const p = spawnSync(process.execPath, ['--max-old-space-size=8192', worker, extractor, listFile], { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (p.status !== 0) {
      const why = p.error ? p.error.message : p.signal ? `killed by ${p.signal}` : `exit ${p.status}`;
      console.error(`bench:extract: ${extractor} failed (${why}): ${(p.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`);
      break;
    }
    samples.push(JSON.parse(p.stdout.trim().split('\n').pop()!) as Result);
  }
  if (samples.length === 0) continue;
  results.push({
    extractor,
    pages: samples[0]!.pages,
    failures: samples[0]!.failures,
    cpuSeconds: median(samples.map((s) => s.cpuSeconds)),
    wallSeconds: median(samples.map((s) => s.wallSeconds)),
    peakRssMB: median(samples.map((s) => s.peakRssMB)),
  });
}

const ours = results.find((r) => r.extractor === 'ours');
console.log(`pages: ${files.length} from ${dataDir}, median of ${runs} run(s), one process per extractor\n`);
console.log('extractor               pages/CPU-s   peak RSS MB   no output/threw   speed ours/peer   memory ours/peer');
for (const r of results) {
  const rate = r.pages / r.cpuSeconds;
  const speedRatio = ours ? (ours.pages / ours.cpuSeconds) / rate : NaN;
  const memRatio = ours ? ours.peakRssMB / r.peakRssMB : NaN;
  console.log(
    `${r.extractor.padEnd(22)}  ${rate.toFixed(1).padStart(11)}   ${r.peakRssMB.toFixed(0).padStart(11)}   ${String(r.failures).padStart(15)}   ${r === ours ? '-'.padStart(15) : speedRatio.toFixed(2).padStart(15)}   ${r === ours ? '-'.padStart(16) : memRatio.toFixed(2).padStart(16)}`,
  );
}
