/**
 * Extraction quality on shared test data (reads ../shared/data at run time; copies nothing).
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/extract-score.js OUT.jsonl
 *     → one JSON line per trafilatura-eval page, {"input": "html/<name>", "text": ...}; score it with
 *       python3 /work/shared/tools/score-trafilatura-eval.py OUT.jsonl
 *     (`--half odd|even` extracts only those pages, numbered from 1: score them with bench/split-score.ts)
 *   node dist/bench/extract-score.js --metadata
 *     → per-field agreement of extractHtml with Readability's own metadata on readability-pages
 *       (that is agreement with Readability, not human gold). For the full side-by-side with
 *       Readability.js's own metadata, and postlight-fixtures' human gold, see bench/metadata-score.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeBytes } from '../src/ingest/decode.js';
import { normalizeDate } from '../src/extract/html/dates.js';
import { extractHtml } from '../src/extract/html/index.js';
import { primarySubtag } from '../src/extract/html/language.js';

const SHARED = resolve(process.env.ROUNDUP_SHARED ?? '/work/shared');

interface GoldEntry {
  file: string;
  url?: string;
}

function scoreTrafilatura(outPath: string): void {
  const dir = join(SHARED, 'data', 'trafilatura-eval');
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as GoldEntry[];
  const lines: string[] = [];
  const times: number[] = [];
  let warned = 0;
  const half = process.argv.includes('--half') ? process.argv[process.argv.indexOf('--half') + 1] : undefined;
  for (const [i, entry] of gold.entries()) {
    // --half odd|even: only those pages (numbered from 1), for tuning runs; the rest get no line.
    if (half && (i % 2 === 0) !== (half === 'odd')) continue;
    const decoded = decodeBytes(readFileSync(join(dir, entry.file)), 'html');
    const t0 = performance.now();
    const article = extractHtml(decoded.text, { url: entry.url ?? null });
    times.push(performance.now() - t0);
    if (article.warnings.length > 0) warned++;
    lines.push(JSON.stringify({ input: entry.file, text: article.paragraphs.join('\n\n') }));
  }
  writeFileSync(outPath, lines.join('\n') + '\n');
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const total = times.reduce((a, b) => a + b, 0);
  console.log(`${lines.length} pages → ${outPath}; ${warned} with warnings; median ${median.toFixed(1)} ms, total ${(total / 1000).toFixed(1)} s`);
  console.log(`score: python3 ${join(SHARED, 'tools', 'score-trafilatura-eval.py')} ${outPath}`);
}

interface ReadabilityIndexEntry {
  slug: string;
  source: string;
  metadata: { title?: string | null; byline?: string | null; siteName?: string | null; lang?: string | null; publishedTime?: string | null };
}

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function lenientMatch(field: string, want: string, got: string): boolean {
  if (want === got) return true;
  if (!got) return false;
  const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (field === 'publishedTime') return !Number.isNaN(Date.parse(want)) && Date.parse(want) === Date.parse(got);
  if (field === 'title') return fold(want).startsWith(fold(got)) || fold(want).endsWith(fold(got));
  if (field === 'byline') return fold(want).includes(fold(got));
  return fold(want) === fold(got);
}

function checkMetadata(): void {
  const dir = join(SHARED, 'data', 'readability-pages');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as ReadabilityIndexEntry[];
  const fields = ['title', 'byline', 'siteName', 'lang', 'publishedTime'] as const;
  const agree = Object.fromEntries(fields.map((f) => [f, 0])) as Record<(typeof fields)[number], number>;
  const total = Object.fromEntries(fields.map((f) => [f, 0])) as Record<(typeof fields)[number], number>;
  const lenientAgree = { ...agree };
  const lenientTotal = { ...agree };
  const verbose = process.argv.includes('--verbose');
  for (const entry of index) {
    const path = join(dir, entry.source);
    if (!existsSync(path)) continue;
    const html = decodeBytes(readFileSync(path), 'html').text;
    const a = extractHtml(html, { url: 'http://fakehost/test/page.html' });
    const want = entry.metadata;
    const pairs: Record<(typeof fields)[number], [string, string]> = {
      title: [norm(want.title), norm(a.title)],
      byline: [norm(want.byline), norm(a.byline)],
      siteName: [norm(want.siteName), norm(a.publisher)],
      lang: [primarySubtag(want.lang) ?? '', want.lang ? (a.languageFoundBy === 'detected:franc' ? '' : (a.language ?? '')) : a.languageFoundBy === 'detected:franc' ? '' : (a.language ?? '')],
      publishedTime: [normalizeDate(want.publishedTime) ?? norm(want.publishedTime), a.published ?? ''],
    };
    for (const f of fields) {
      total[f]++;
      const [w, got] = pairs[f];
      if (w === got) agree[f]++;
      else if (verbose) console.log(`${entry.slug} ${f}: want ${JSON.stringify(w)} got ${JSON.stringify(got)}`);
      // Lenient: only where Readability has a value, and forgiving what we strip on purpose
      // (a "By" opener, a trailing " | Site" part, dates beside names, the same instant in another offset).
      if (!w) continue;
      lenientTotal[f]++;
      if (lenientMatch(f, w, got)) lenientAgree[f]++;
    }
  }
  for (const f of fields) {
    const pct = (a: number, t: number): string => `${((100 * a) / Math.max(1, t)).toFixed(1)}%`;
    console.log(`${f.padEnd(14)} exact ${agree[f]}/${total[f]} = ${pct(agree[f], total[f])}   lenient ${lenientAgree[f]}/${lenientTotal[f]} = ${pct(lenientAgree[f], lenientTotal[f])}`);
  }
}

const args = process.argv.slice(2);
if (args.includes('--metadata')) checkMetadata();
else if (args[0]) scoreTrafilatura(args[0]);
else {
  console.error('usage: extract-score.js OUT.jsonl | --metadata [--verbose]');
  process.exitCode = 2;
}
