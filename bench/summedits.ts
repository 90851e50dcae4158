/**
 * `npm run bench:summedits`: balanced accuracy of the verifier's binary decision (consistent = every summary
 * sentence supported) on ../shared/data/summedits-news/dev.jsonl (133 items, 4 articles). Only the dev split is
 * read: the held-out test split is not in ../shared and must not be fetched.
 * The `tolerance` setting (share of plain-word weight allowed unsupported) is swept here and chosen on this dev
 * split only; the chosen value is marked. Usage: node dist/bench/summedits.js [--json] [--tolerance T]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditArticle, buildSourceIndex, type Verdict } from '../src/verify/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const file = join(repoRoot, '..', 'shared', 'data', 'summedits-news', 'dev.jsonl');
if (!existsSync(file)) {
  console.error(`bench:summedits: ${file} not found; the benchmark needs ../shared/data/summedits-news beside the repository`);
  process.exit(1);
}

interface Item { id: string; doc: string; summary: string; label: number }
const items = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Item);

function balancedAccuracy(rows: { label: number; pred: number }[]): number {
  const pos = rows.filter((r) => r.label === 1);
  const neg = rows.filter((r) => r.label === 0);
  const rp = pos.length ? pos.filter((r) => r.pred === 1).length / pos.length : 0;
  const rn = neg.length ? neg.filter((r) => r.pred === 0).length / neg.length : 0;
  return (rp + rn) / 2;
}

const article = (id: string): string => id.replace(/_(og|\d+)$/, '');
const indexes = new Map<string, ReturnType<typeof buildSourceIndex>>();
const indexOf = (it: Item): ReturnType<typeof buildSourceIndex> => {
  const key = article(it.id);
  let ix = indexes.get(key);
  if (!ix) indexes.set(key, (ix = buildSourceIndex([{ id: key, text: it.doc }])));
  return ix;
};

function run(tolerance: number): { rows: { id: string; label: number; pred: number; verdict: Verdict }[]; ms: number } {
  const t0 = performance.now();
  const rows = items.map((it) => {
    const r = auditArticle({ text: it.summary }, indexOf(it), { tolerance });
    const claims = r.sentences.filter((s) => s.kind === 'claim');
    const verdict: Verdict = claims.some((s) => s.verdict === 'contradicted') ? 'contradicted' : claims.some((s) => s.verdict === 'unsupported') ? 'unsupported' : 'supported';
    return { id: it.id, label: it.label, pred: verdict === 'supported' ? 1 : 0, verdict };
  });
  return { rows, ms: performance.now() - t0 };
}

const argTol = process.argv.indexOf('--tolerance');
const sweep = argTol >= 0 ? [Number(process.argv[argTol + 1])] : [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];
const results = sweep.map((t) => ({ tolerance: t, ...run(t) }));
const best = results.reduce((a, b) => (balancedAccuracy(b.rows) > balancedAccuracy(a.rows) + 1e-9 ? b : a));
const groups = [...new Set(items.map((i) => article(i.id)))];
const report = {
  data: 'summedits-news dev (133 items, 4 articles)',
  sweep: results.map((r) => ({ tolerance: r.tolerance, balancedAccuracy: +(100 * balancedAccuracy(r.rows)).toFixed(1) })),
  chosenTolerance: best.tolerance,
  balancedAccuracy: +(100 * balancedAccuracy(best.rows)).toFixed(1),
  perArticle: groups.map((g) => ({ article: g, items: best.rows.filter((r) => article(r.id) === g).length, balancedAccuracy: +(100 * balancedAccuracy(best.rows.filter((r) => article(r.id) === g))).toFixed(1) })),
  verdicts: { supported: best.rows.filter((r) => r.verdict === 'supported').length, unsupported: best.rows.filter((r) => r.verdict === 'unsupported').length, contradicted: best.rows.filter((r) => r.verdict === 'contradicted').length },
  msPerItem: +(best.ms / items.length).toFixed(2),
  reference: { QAFactEval: 74.4, GPT4: 83.3, note: 'published SummEdits News figures; split not stated upstream, so not directly comparable' },
};
if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`summedits-news dev: balanced accuracy ${report.balancedAccuracy}% (tolerance ${report.chosenTolerance}, chosen on dev; bar QAFactEval 74.4, stretch GPT-4 83.3)`);
  for (const s of report.sweep) console.log(`  tolerance ${s.tolerance.toFixed(2)}: ${s.balancedAccuracy}%${s.tolerance === best.tolerance ? '  ← chosen' : ''}`);
  for (const g of report.perArticle) console.log(`  article ${g.article}: ${g.items} items, ${g.balancedAccuracy}%`);
  console.log(`  verdicts: ${JSON.stringify(report.verdicts)}; ${report.msPerItem} ms per item`);
}
