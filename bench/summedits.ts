/**
 * `npm run bench:summedits`: balanced accuracy of the verifier's binary decision (consistent = every summary
 * sentence supported) on ../shared/data/summedits-news/dev.jsonl (133 items, 4 articles), with the shipped default
 * (the decision model's threshold, fixed at training time on synthetic data: src/verify/model/README.md). Nothing
 * is tuned here: dev is validation only. The held-out test split is not in ../shared and must not be fetched.
 * Usage: node dist/bench/summedits.js [--json] [--threshold T] [--dump]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditArticle, buildSourceIndex, DEFAULT_THRESHOLD, worstVerdict, type ClaimResult, type Verdict } from '../src/verify/index.js';

const here = dirname(fileURLToPath(import.meta.url));
/** ../shared beside the repository, found from wherever the compiled file sits (dist/bench, .bench-out/dist/bench). */
function findShared(): string | null {
  for (let dir = here, i = 0; i < 6; i++, dir = dirname(dir)) {
    const f = join(dir, '..', 'shared', 'data', 'summedits-news', 'dev.jsonl');
    if (existsSync(f)) return resolve(f);
  }
  return null;
}
const file = findShared();
if (!file) {
  console.error('bench:summedits: shared/data/summedits-news/dev.jsonl not found; the benchmark needs ../shared/data/summedits-news beside the repository');
  process.exit(1);
}

interface Item { id: string; doc: string; summary: string; label: number }
const items = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Item);

interface Row { id: string; label: number; pred: number; verdict: Verdict; sentences: ClaimResult[] }

function balancedAccuracy(rows: readonly { label: number; pred: number }[]): number {
  const pos = rows.filter((r) => r.label === 1);
  const neg = rows.filter((r) => r.label === 0);
  const rp = pos.length ? pos.filter((r) => r.pred === 1).length / pos.length : 0;
  const rn = neg.length ? neg.filter((r) => r.pred === 0).length / neg.length : 0;
  return (rp + rn) / 2;
}
const pct = (x: number): number => +(100 * x).toFixed(1);

const article = (id: string): string => id.replace(/_(og|\d+)$/, '');
const indexes = new Map<string, ReturnType<typeof buildSourceIndex>>();
const indexOf = (it: Item): ReturnType<typeof buildSourceIndex> => {
  const key = article(it.id);
  let ix = indexes.get(key);
  if (!ix) indexes.set(key, (ix = buildSourceIndex([{ id: key, text: it.doc }])));
  return ix;
};

const argT = process.argv.indexOf('--threshold');
const threshold = argT >= 0 ? Number(process.argv[argT + 1]) : DEFAULT_THRESHOLD;
const t0 = performance.now();
const rows: Row[] = items.map((it) => {
  const r = auditArticle({ text: it.summary }, indexOf(it), { threshold });
  const verdict = worstVerdict(r.sentences);
  return { id: it.id, label: it.label, pred: verdict === 'supported' ? 1 : 0, verdict, sentences: r.sentences.filter((s) => s.kind === 'claim') };
});
const ms = performance.now() - t0;
const groups = [...new Set(items.map((i) => article(i.id)))];
const report = {
  data: 'summedits-news dev (133 items, 4 articles)',
  threshold,
  balancedAccuracy: pct(balancedAccuracy(rows)),
  truePositiveRate: pct(rows.filter((r) => r.label === 1 && r.pred === 1).length / Math.max(1, rows.filter((r) => r.label === 1).length)),
  trueNegativeRate: pct(rows.filter((r) => r.label === 0 && r.pred === 0).length / Math.max(1, rows.filter((r) => r.label === 0).length)),
  perArticle: groups.map((g) => {
    const of = rows.filter((r) => article(r.id) === g);
    const pos = of.filter((r) => r.label === 1);
    const neg = of.filter((r) => r.label === 0);
    return {
      article: g,
      items: of.length,
      faithful: pos.length,
      balancedAccuracy: pct(balancedAccuracy(of)),
      truePositiveRate: pct(pos.filter((r) => r.pred === 1).length / Math.max(1, pos.length)),
      trueNegativeRate: pct(neg.filter((r) => r.pred === 0).length / Math.max(1, neg.length)),
    };
  }),
  verdicts: { supported: rows.filter((r) => r.verdict === 'supported').length, unsupported: rows.filter((r) => r.verdict === 'unsupported').length, contradicted: rows.filter((r) => r.verdict === 'contradicted').length },
  msPerItem: +(ms / items.length).toFixed(2),
  reference: { QAFactEval: 74.4, GPT4: 83.3, note: 'published SummEdits News figures; split not stated upstream, so not directly comparable' },
};
if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`summedits-news dev: balanced accuracy ${report.balancedAccuracy}% at threshold ${threshold} (TPR ${report.truePositiveRate}%, TNR ${report.trueNegativeRate}%; bar QAFactEval 74.4, stretch GPT-4 83.3)`);
  for (const g of report.perArticle) console.log(`  article ${g.article}: ${g.items} items (${g.faithful} faithful), ${g.balancedAccuracy}% (TPR ${g.truePositiveRate}%, TNR ${g.trueNegativeRate}%)`);
  console.log(`  verdicts: ${JSON.stringify(report.verdicts)}; ${report.msPerItem} ms per item`);
}
if (process.argv.includes('--dump')) {
  for (const r of rows) {
    const ok = r.pred === r.label ? '  ' : 'XX';
    const why = r.sentences.map((s) => `${s.verdict} p=${s.score}${s.missing.length ? ` missing=${JSON.stringify(s.missing)}` : ''}${s.conflicts.length ? ` conflicts=${JSON.stringify(s.conflicts.map((c) => `${c.kind}:${c.claimSpan}`))}` : ''}${s.note ? ` (${s.note})` : ''}`).join(' | ');
    console.log(`${ok} ${r.id} label=${r.label} ${why}`);
  }
}
