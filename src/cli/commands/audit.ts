import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { articleText } from '../../extract/index.js';
import { extractInputs } from '../../pipeline/extract-inputs.js';
import { auditArticle, buildSourceIndex, DEFAULT_THRESHOLD, HttpClaimScorer, renderAudit, worstVerdict, type AuditResult, type ClaimResult, type ClaimScorer, type RenderFormat, type SourceDoc, type VerifyOptions } from '../../verify/index.js';
import { budgetOptions, collectOptions, fetchOptionFlags, type FetchFlags } from '../options.js';
import { EXIT, writeJsonLine } from '../output.js';

interface AuditFlags extends FetchFlags {
  sources?: string[];
  pairs?: string;
  json?: boolean;
  format?: string;
  scorerUrl?: string;
  scorerModel?: string;
  threshold?: string;
}

interface Loaded {
  docs: SourceDoc[];
  failures: string[];
}

/** Inputs → cleaned documents: the body paragraphs, then the captions as paragraphs of their own. */
async function load(inputs: string[], flags: FetchFlags, withCaptions: boolean): Promise<Loaded> {
  const { articles, failures } = await extractInputs(inputs, collectOptions(flags), budgetOptions(flags));
  const docs = articles.map(({ input, article: a }): SourceDoc => {
    const body = articleText(a);
    return { id: input, text: withCaptions && a.captions.length ? `${body}\n\n${a.captions.join('\n\n')}` : body, published: a.published, title: a.title, publisher: a.publisher };
  });
  return { docs, failures };
}

/** A model's entailment score on each supported claim: below one half, the claim is downgraded to unsupported. */
async function applyScorer(scorer: ClaimScorer | null, results: ClaimResult[]): Promise<void> {
  if (!scorer) return;
  for (const r of results) {
    if ((r.kind ?? 'claim') !== 'claim') continue;
    const p = await scorer.score(r.claim, r.evidence.map((e) => e.text));
    (r as ClaimResult & { entailment?: number }).entailment = p;
    if (r.verdict === 'supported' && p < 0.5) {
      r.verdict = 'unsupported';
      r.note = `entailment model: ${p.toFixed(2)}`;
    }
  }
}

function summarise(result: AuditResult): void {
  const s = { supported: 0, unsupported: 0, contradicted: 0, total: 0 };
  for (const r of result.sentences) if ((r.kind ?? 'claim') === 'claim') {
    s[r.verdict]++;
    s.total++;
  }
  result.summary = s;
}

/** `--threshold P`: the probability at or above which a claim counts as supported (default: the model's). */
function verifyOptions(flags: AuditFlags): VerifyOptions {
  if (flags.threshold === undefined) return {};
  const t = Number(flags.threshold);
  if (!Number.isFinite(t) || t < 0 || t > 1) throw new Error(`--threshold must be a probability between 0 and 1, not ${flags.threshold}`);
  return { threshold: t };
}

async function runPairs(file: string, flags: AuditFlags, scorer: ClaimScorer | null): Promise<number> {
  const options = verifyOptions(flags);
  const raw = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  let failed = 0;
  let n = 0;
  for (const line of raw.split('\n')) {
    n++;
    if (!line.trim()) continue;
    let item: { id?: unknown; claim?: unknown; sources?: unknown; published?: unknown };
    try {
      item = JSON.parse(line) as typeof item;
      if (typeof item.claim !== 'string' || !Array.isArray(item.sources)) throw new Error('needs {id, claim, sources:[{id, text}]}');
    } catch (e) {
      failed++;
      process.stderr.write(`roundup audit: ${file} line ${n}: ${e instanceof Error ? e.message : String(e)}\n`);
      continue;
    }
    const sources = (item.sources as { id?: unknown; text?: unknown; published?: unknown }[]).map((s, i) => ({
      id: typeof s.id === 'string' || typeof s.id === 'number' ? String(s.id) : `s${i}`,
      text: typeof s.text === 'string' ? s.text : '',
      published: typeof s.published === 'string' ? s.published : null,
    }));
    const result = auditArticle({ text: item.claim, published: typeof item.published === 'string' ? item.published : null }, buildSourceIndex(sources), options);
    await applyScorer(scorer, result.sentences);
    const claims = result.sentences.filter((r) => (r.kind ?? 'claim') === 'claim');
    const score = claims.length ? Math.min(...claims.map((r) => r.score)) : 0;
    if (flags.json) writeJsonLine({ id: item.id ?? n, verdict: worstVerdict(result.sentences), score, sentences: result.sentences });
    else process.stdout.write(`${String(item.id ?? n)}\t${worstVerdict(result.sentences)}\t${score.toFixed(3)}\n`);
  }
  return failed ? EXIT.someFailed : EXIT.ok;
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    process.stdin.setEncoding('utf8').on('data', (d: string) => (s += d)).on('end', () => resolve(s)).on('error', reject);
  });
}

export function registerAudit(program: Command): void {
  const cmd = program
    .command('audit')
    .description('check every sentence of an article against its sources: supported, unsupported or contradicted, with evidence')
    .argument('[article]', 'the article to audit: path, URL or - for standard input')
    .option('--sources <inputs...>', 'the sources: paths, folders, URLs')
    .option('--pairs <file>', 'JSON Lines of {id, claim, sources:[{id, text}]}: one result line per input line')
    .option('--json', 'print the result object (with --pairs: one {id, verdict, score, sentences} line per pair)')
    .option('--format <format>', 'report format: text, md or html', 'text')
    .option('--threshold <p>', `probability of support at or above which a claim counts as supported (default ${DEFAULT_THRESHOLD}, calibrated at training)`)
    .option('--scorer-url <url>', 'optional entailment model (plain JSON or OpenAI-compatible endpoint); off by default')
    .option('--scorer-model <name>', 'model name sent to an OpenAI-compatible scorer');
  fetchOptionFlags(cmd);
  cmd.action(async (article: string | undefined, flags: AuditFlags) => {
    const scorer = flags.scorerUrl ? new HttpClaimScorer({ url: flags.scorerUrl, ...(flags.scorerModel ? { model: flags.scorerModel } : {}) }) : null;
    if (flags.pairs) {
      process.exitCode = await runPairs(flags.pairs, flags, scorer);
      return;
    }
    if (!article || !flags.sources?.length) throw new Error('audit needs <article> and --sources <paths...> (or --pairs <file.jsonl>)');
    const format = (flags.format ?? 'text') as RenderFormat;
    if (!['text', 'md', 'html'].includes(format)) throw new Error(`unknown --format ${flags.format} (text, md or html)`);
    const art = await load([article], flags, false);
    const doc = art.docs[0];
    if (!doc) throw new Error(`could not read the article ${article}: ${art.failures.join('; ') || 'no document found'}`);
    const src = await load(flags.sources, flags, true);
    for (const f of [...art.failures, ...src.failures]) process.stderr.write(`roundup audit: ${f}\n`);
    if (!src.docs.length) throw new Error('none of the sources could be read');
    const result = auditArticle({ text: doc.text, published: doc.published ?? null }, src.docs, verifyOptions(flags));
    await applyScorer(scorer, result.sentences);
    summarise(result);
    if (flags.json) {
      writeJsonLine({
        article,
        published: doc.published ?? null,
        summary: result.summary,
        sentences: result.sentences,
        sources: src.docs.map((d) => ({ id: d.id, publisher: d.publisher ?? null, title: d.title ?? null, published: d.published ?? null })),
      });
    } else {
      const names = new Map(src.docs.map((d) => [d.id, d.publisher ? `${d.publisher} (${basename(d.id)})` : basename(d.id)]));
      process.stdout.write(renderAudit(result, { format, tty: format === 'text' && Boolean(process.stdout.isTTY), sourceName: (id) => names.get(id) ?? id }));
    }
    process.exitCode = art.failures.length || src.failures.length ? EXIT.someFailed : EXIT.ok;
  });
}
