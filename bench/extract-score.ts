/**
 * Extraction quality on shared test data (reads ../shared/data at run time; copies nothing).
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/extract-score.js OUT.jsonl
 *     → one JSON line per trafilatura-eval page, {"input": "html/<name>", "text": ...}; score it with
 *       python3 /work/shared/tools/score-trafilatura-eval.py OUT.jsonl
 *   node dist/bench/extract-score.js --metadata
 *     → per-field agreement of extractHtml with Readability's own metadata on readability-pages
 *       (that is agreement with Readability, not human gold).
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
  for (const entry of gold) {
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
  console.log(`${gold.length} pages → ${outPath}; ${warned} with warnings; median ${median.toFixed(1)} ms, total ${(total / 1000).toFixed(1)} s`);
  console.log(`score: python3 ${join(SHARED, 'tools', 'score-trafilatura-eval.py')} ${outPath}`);
}

interface ReadabilityIndexEntry {
  slug: string;
  source: string;
  metadata: { title?: string | null; byline?: string | null; siteName?: string | null; lang?: string | null; publishedTime?: string | null };
}

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function checkMetadata(): void {
  const dir = join(SHARED, 'data', 'readability-pages');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as ReadabilityIndexEntry[];
  const fields = ['title', 'byline', 'siteName', 'lang', 'publishedTime'] as const;
  const agree = Object.fromEntries(fields.map((f) => [f, 0])) as Record<(typeof fields)[number], number>;
  const total = Object.fromEntries(fields.map((f) => [f, 0])) as Record<(typeof fields)[number], number>;
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
    }
  }
  for (const f of fields) console.log(`${f.padEnd(14)} ${agree[f]}/${total[f]} = ${((100 * agree[f]) / Math.max(1, total[f])).toFixed(1)}%`);
}

const args = process.argv.slice(2);
if (args.includes('--metadata')) checkMetadata();
else if (args[0]) scoreTrafilatura(args[0]);
else {
  console.error('usage: extract-score.js OUT.jsonl | --metadata [--verbose]');
  process.exitCode = 2;
}
