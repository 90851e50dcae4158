/**
 * Chooses DENSEST_PROSE_RATIO (src/extract/html/index.ts): Readability's container against the
 * densest prose blocks' on trafilatura-eval, one half at a time.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/container-rule.js --half odd [--ratios 1.2,1.5,2]
 *     → per ratio the half's F when the densest body is taken above that ratio of Readability's prose
 *       (or, at each --furniture, a run of Readability's paragraphs whose leftovers are short lines;
 *       densestWins), `--rows FILE` the per-page figures,
 *       then the pages where the two candidates disagree most (missed and extra segments of each).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeBytes } from '../src/ingest/decode.js';
import { DENSEST_PROSE_RATIO, densestWins, extractHtml, FURNITURE_MAX_CHARS, proseChars } from '../src/extract/html/index.js';
import { inHalf, scorePage, type GoldPage, type Half } from '../test/helpers/segment-score.js';

const SHARED = resolve(process.env.ROUNDUP_SHARED ?? '/work/shared');
const args = process.argv.slice(2);
const half = (args.includes('--half') ? args[args.indexOf('--half') + 1] : 'odd') as Half;
const list = (flag: string, fallback: string): number[] => (args.includes(flag) ? (args[args.indexOf(flag) + 1] ?? '') : fallback).split(',').map(Number);
const ratios = list('--ratios', '1,1.2,1.5,2,3,5,1e9');
const furnitures = list('--furniture', '0,40,60,80,100,150');
const dir = join(SHARED, 'data', 'trafilatura-eval');
const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as GoldPage[];

interface Side {
  tp: number;
  fp: number;
  fn: number;
  prose: number;
  chars: number;
  paragraphs: string[];
}
interface Row {
  page: number;
  file: string;
  r: Side;
  d: Side;
}
const rows: Row[] = [];
gold.forEach((page, i) => {
  if (!inHalf(i, half)) return;
  const html = decodeBytes(readFileSync(join(dir, page.file)), 'html').text;
  const side = (choice: 'readability' | 'densest'): Side => {
    const paragraphs = extractHtml(html, { url: page.url ?? null }, choice).paragraphs;
    const text = paragraphs.join('\n\n');
    return { ...scorePage(page, text), prose: proseChars(paragraphs), chars: text.length, paragraphs };
  };
  rows.push({ page: i + 1, file: page.file, r: side('readability'), d: side('densest') });
});

// --rows FILE: the per-page figures, for trying other rules offline
if (args.includes('--rows')) writeFileSync(args[args.indexOf('--rows') + 1] ?? 'rows.json', JSON.stringify(rows));
const f = (tp: number, fp: number, fn: number): number => (2 * tp) / (2 * tp + fp + fn || 1);
for (const ratio of ratios) {
  for (const furniture of furnitures) {
    let tp = 0, fp = 0, fn = 0, taken = 0;
    for (const row of rows) {
      const take = densestWins(row.r.paragraphs, row.d.paragraphs, { ratio, furniture });
      const c = take ? row.d : row.r;
      if (take) taken++;
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
    const shipped = ratio === DENSEST_PROSE_RATIO && furniture === FURNITURE_MAX_CHARS ? ' (shipped)' : '';
    console.log(`${half} ratio ${ratio} furniture ${furniture}${shipped}: F ${f(tp, fp, fn).toFixed(4)} (tp ${tp} fp ${fp} fn ${fn}; densest taken on ${taken} of ${rows.length})`);
  }
}
const gain = (row: Row): number => row.r.fn + row.r.fp - (row.d.fn + row.d.fp);
const differ = rows.filter((row) => gain(row) !== 0).sort((a, b) => Math.abs(gain(b)) - Math.abs(gain(a)));
console.log(`pages where the candidates score differently: ${differ.length}`);
for (const row of differ.slice(0, 40)) {
  console.log(`${row.page}\t${row.file}\treadability fn ${row.r.fn} fp ${row.r.fp} prose ${row.r.prose}\tdensest fn ${row.d.fn} fp ${row.d.fp} prose ${row.d.prose}\tratio ${(row.d.prose / (row.r.prose || 1)).toFixed(2)}`);
}
