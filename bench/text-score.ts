/**
 * Text-mode cleaning quality on shared test data (reads ../shared/data at run time; copies nothing).
 *
 * Each trafilatura-eval page is dumped to plain text with test/helpers/html-to-text.ts (the
 * documented, deliberately simple conversion), cleaned with cleanText, and written as one JSON line
 * {"input": "<gold file path>", "text": paragraphs joined by blank lines}:
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/text-score.js OUT.jsonl [--dumps DIR]
 *   python3 /work/shared/tools/score-trafilatura-eval.py OUT.jsonl
 *
 * `--dumps DIR` also writes each page's text dump (DIR/<name>.txt) for error analysis; the dumps
 * are third-party text: keep them out of the repository.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { cleanText } from '../src/extract/text/index.js';
import { htmlBytesToText } from '../test/helpers/html-to-text.js';

const SHARED = resolve(process.env.ROUNDUP_SHARED ?? '/work/shared');

interface GoldEntry {
  file: string;
}

function main(argv: string[]): void {
  const outPath = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--dumps');
  const dumpsAt = argv.indexOf('--dumps');
  const dumps = dumpsAt >= 0 ? argv[dumpsAt + 1] : undefined;
  if (!outPath) {
    process.stderr.write('usage: node dist/bench/text-score.js OUT.jsonl [--dumps DIR]\n');
    process.exit(2);
  }
  if (dumps) mkdirSync(dumps, { recursive: true });
  const dir = join(SHARED, 'data', 'trafilatura-eval');
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as GoldEntry[];
  const lines: string[] = [];
  const times: number[] = [];
  for (const entry of gold) {
    const text = htmlBytesToText(readFileSync(join(dir, entry.file)));
    if (dumps) writeFileSync(join(dumps, `${basename(entry.file)}.txt`), text);
    const t0 = performance.now();
    const article = cleanText(text);
    times.push(performance.now() - t0);
    lines.push(JSON.stringify({ input: entry.file, text: article.paragraphs.join('\n\n') }));
  }
  writeFileSync(outPath, `${lines.join('\n')}\n`);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  process.stderr.write(`${gold.length} pages → ${outPath}; cleanText median ${median.toFixed(2)} ms/page\n`);
}

main(process.argv.slice(2));
