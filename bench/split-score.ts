/**
 * F on trafilatura-eval by half: tune on the odd pages, check on the even ones.
 *
 *   node dist/bench/extract-score.js OUT.jsonl   (or text-score.js OUT.jsonl)
 *   node dist/bench/split-score.js OUT.jsonl [--pages odd|even]
 *     → F, precision, recall for all pages and each half (the all-pages F equals
 *       ../shared/tools/score-trafilatura-eval.py's); `--pages` lists that half's pages with misses
 *       (page numbers from 1, in gold.json order).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inHalf, readPredictions, scorePage, scoreSegments, type GoldPage, type Half } from '../test/helpers/segment-score.js';

const SHARED = resolve(process.env.ROUNDUP_SHARED ?? '/work/shared');
const args = process.argv.slice(2);
const out = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--pages');
if (!out) {
  process.stderr.write('usage: node dist/bench/split-score.js OUT.jsonl [--pages odd|even]\n');
  process.exit(2);
}
const gold = JSON.parse(readFileSync(join(SHARED, 'data', 'trafilatura-eval', 'gold.json'), 'utf8')) as GoldPage[];
const texts = readPredictions(readFileSync(out, 'utf8'));
for (const half of ['all', 'odd', 'even'] as Half[]) {
  const s = scoreSegments(gold, texts, half);
  console.log(`${half.padEnd(4)} pages ${s.pages}  F ${s.f.toFixed(4)}  precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  (tp ${s.tp} fp ${s.fp} fn ${s.fn})`);
}
const listed = args[args.indexOf('--pages') + 1] as Half | undefined;
if (args.includes('--pages') && listed) {
  gold.forEach((page, i) => {
    if (!inHalf(i, listed)) return;
    const c = scorePage(page, texts.get(page.file.slice(page.file.lastIndexOf('/') + 1)) ?? null);
    if (c.fn + c.fp > 0) console.log(`${i + 1}\t${page.file}\tfn ${c.fn}\tfp ${c.fp}`);
  });
}
