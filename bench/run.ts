/**
 * `npm run bench`: every speed benchmark in sequence, each as its own process (the built scripts in dist/bench/),
 * with quick settings so the whole run takes a few minutes on a 2-core machine. Each bench keeps its own method
 * and prints its own table; this script only chooses the flags and sums up what ran, failed or could not run.
 * `--full` runs each bench with its own defaults (much longer); `--only a,b` / `--skip a,b` choose benches by name.
 * Benches that read ../shared exit non-zero with a message when it is absent; they are listed as failed.
 *
 * Usage: node dist/bench/run.js [--full] [--only NAMES] [--skip NAMES]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

interface Bench {
  name: string;
  script: string;
  /** Flags for the quick run (the default); `--full` passes none. */
  quick: string[];
  what: string;
}

const BENCHES: Bench[] = [
  { name: 'extract', script: 'extract.js', quick: ['--pages', '100', '--runs', '1'], what: 'extraction pages/CPU-s and peak RSS vs Readability.js (first 100 trafilatura-eval pages, one run)' },
  { name: 'audit', script: 'audit-speed.js', quick: ['--runs', '3'], what: 'audit of a ~1,000-word article against ten sources (median of 3)' },
  { name: 'compose', script: 'compose.js', quick: ['--runs', '3'], what: 'composing a 20-article story (median of 3)' },
  { name: 'stories', script: 'stories.js', quick: ['--sizes', '1000,10000'], what: 'story clustering on 1k and 10k article streams' },
  { name: 'summedits', script: 'summedits.js', quick: [], what: 'verifier balanced accuracy on SummEdits dev (and its run time)' },
  { name: 'watch', script: 'watch.js', quick: ['--sizes', '1000,20000', '--cycles', '3'], what: 'one watch cycle of 20 new articles against stores of 1k and 20k articles (ratio)' },
  { name: 'serve', script: 'serve.js', quick: ['--duration', '3', '--warmup', '1'], what: 'reader web server req/s and latency vs bare node:http (3 s per route)' },
];

function list(flag: string): string[] | null {
  const i = process.argv.indexOf(flag);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]!.split(',').map((s) => s.trim()).filter(Boolean) : null;
}

const full = process.argv.includes('--full');
const only = list('--only');
const skip = list('--skip') ?? [];
for (const n of [...(only ?? []), ...skip]) {
  if (!BENCHES.some((b) => b.name === n)) {
    console.error(`bench: unknown bench "${n}" (known: ${BENCHES.map((b) => b.name).join(', ')})`);
    process.exit(2);
  }
}
const chosen = BENCHES.filter((b) => (!only || only.includes(b.name)) && !skip.includes(b.name));

const outcomes: { name: string; status: string; seconds: number }[] = [];
for (const b of chosen) {
  const script = join(here, b.script);
  const args = full ? [] : b.quick;
  console.log(`\n=== ${b.name}: ${b.what}\n    node ${join('dist', 'bench', b.script)} ${args.join(' ')}\n`);
  if (!existsSync(script)) {
    outcomes.push({ name: b.name, status: `missing ${script} (npm run build)`, seconds: 0 });
    continue;
  }
  const t0 = performance.now();
  const p = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  const seconds = (performance.now() - t0) / 1000;
  outcomes.push({ name: b.name, status: p.error ? `could not start (${p.error.message})` : p.status === 0 ? 'ok' : `failed (exit ${p.status ?? p.signal})`, seconds });
}

console.log(`\n=== summary (${full ? 'full' : 'quick'} settings)\n`);
console.log('bench        seconds   status');
for (const o of outcomes) console.log(`${o.name.padEnd(12)} ${o.seconds.toFixed(1).padStart(7)}   ${o.status}`);
if (outcomes.some((o) => o.status !== 'ok')) process.exitCode = 1;
