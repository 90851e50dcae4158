/**
 * `npm run bench:audit`: time to audit a ~1,000-word article against ten sources, on one core (one process, no
 * workers). Sources: the four seed copies in ../shared/seeds and six pages from ../shared/data/trafilatura-eval,
 * cleaned at run time (never copied here). The article: seed 001 plus sentences of the sources, to ~1,000 words.
 * Reports the median of `--runs` (default 7) for the whole audit (sources analysed) and for claims against a
 * prebuilt index. Usage: node dist/bench/audit-speed.js [--runs N]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleText, extractDocument } from '../src/extract/index.js';
import { auditArticle, buildSourceIndex, type SourceDoc } from '../src/verify/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(here, '..', '..', '..', 'shared');
const seeds = join(shared, 'seeds');
const pages = join(shared, 'data', 'trafilatura-eval', 'html');
if (!existsSync(seeds)) {
  console.error(`bench:audit: ${seeds} not found; the benchmark needs ../shared beside the repository`);
  process.exit(1);
}
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 7;

const clean = (content: string, kind: 'html' | 'text'): { text: string; published: string | null; publisher: string | null } => {
  const a = extractDocument({ content, kind });
  return { text: [articleText(a), ...a.captions].join('\n\n'), published: a.published, publisher: a.publisher };
};
const seedFiles = readdirSync(seeds).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
const sources: SourceDoc[] = seedFiles.filter((f) => !f.startsWith('001_')).map((f) => ({ id: f, ...clean(readFileSync(join(seeds, f), 'utf8'), 'text') }));
if (existsSync(pages)) {
  for (const f of readdirSync(pages).sort()) {
    if (sources.length >= 10) break;
    const doc = clean(readFileSync(join(pages, f), 'utf8'), 'html');
    const words = doc.text.split(/\s+/).length;
    if (words >= 300 && words <= 3000) sources.push({ id: f, ...doc });
  }
}
const base = clean(readFileSync(join(seeds, seedFiles.find((f) => f.startsWith('001_'))!), 'utf8'), 'text').text;
const extra = sources.flatMap((s) => s.text.split(/\n\n/)).filter((p) => p.split(/\s+/).length > 15);
let article = base;
for (let i = 0; article.split(/\s+/).length < 1000 && i < extra.length; i += 3) article += `\n\n${extra[i]}`;
const words = article.split(/\s+/).length;
const sourceWords = sources.reduce((n, s) => n + s.text.split(/\s+/).length, 0);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const full: number[] = [];
const claimsOnly: number[] = [];
let summary = '';
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const index = buildSourceIndex(sources);
  const t1 = performance.now();
  const res = auditArticle({ text: article }, index);
  const t2 = performance.now();
  full.push(t2 - t0);
  claimsOnly.push(t2 - t1);
  summary = JSON.stringify(res.summary);
}
console.log(`audit of a ${words}-word article (${summary}) against ${sources.length} sources (${sourceWords} words), one core, median of ${runs}:`);
console.log(`  whole audit (sources analysed + every sentence checked): ${median(full).toFixed(0)} ms`);
console.log(`  sentences against a prebuilt source index:             ${median(claimsOnly).toFixed(0)} ms`);
