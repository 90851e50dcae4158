/**
 * The optional model writer (`--writer llm`): any OpenAI-compatible chat-completions endpoint (a local llama.cpp or
 * Ollama server, vLLM, a hosted API) may rephrase and connect the facts the extractive composer selected. The model
 * answers in JSON, one sentence per input fact id, so every sentence it writes is tied to the fact it came from. Each
 * goes through the same verifier as an extractive sentence, twice: against all the story's sources (no contradiction,
 * every name, number, date and quote supported) and against the spans the fact cites (its citations stay honest).
 * Whatever fails, or never comes, is replaced by the extractive sentence of that fact, and the composite's provenance
 * records which and why. An unreachable endpoint, an HTTP error, a timeout or an unreadable answer leaves the whole
 * article extractive, with a warning.
 */
import { buildSourceIndex, verifyClaim, type ClaimResult } from '../verify/index.js';
import { composeWithSources } from './extractive.js';
import { wordCount, type Prepared } from './prepare.js';
import type { ComposeInput, ComposeOptions, Composite, CompositeSentence, WriterProvenance } from './types.js';

export interface ModelWriterOptions {
  /** Base URL (`http://127.0.0.1:8080`, `.../v1`) or the full `.../chat/completions` URL. */
  url: string;
  model: string;
  /** Bearer token (the CLI reads it from ROUNDUP_LLM_KEY); none for a local server. */
  key?: string | null;
  /** Whole request, ms. Default 60 000. */
  timeoutMs?: number;
  /** For tests and custom transports. */
  fetch?: typeof fetch;
}

export interface ModelWriterResult {
  composite: Composite;
  /** One line each, for people (also in `composite.provenance.writer.warnings`). */
  warnings: string[];
}

export const DEFAULT_TIMEOUT_MS = 60_000;
/** A model sentence longer than this many times its fact (plus a few words) is not a rephrasing. */
const MAX_GROWTH = 1.6;
const GROWTH_WORDS = 8;
const PRONOUN_START = /^(?:He|She|They|It|His|Her|Their|Its|This|These|Those)\b/;

const SYSTEM = [
  'You are a careful news editor. You receive the facts of one news article in reading order, each with an id and the section it sits in ("lede" for the opening).',
  'Rewrite each fact as one fluent sentence so the article reads as one piece: you may reorder words, shorten, and add a short connective, and you may replace a pronoun by the name it stands for when the fact itself names that person.',
  'Never add information that is not in the fact. Never change a name, a role or title, a number, a date or a place. Keep every quotation inside its quotation marks exactly as written, character for character.',
  'Answer with JSON only, in this shape: {"sentences":[{"fact":"f1","text":"..."}]}, one entry per fact id, in the order given.',
].join('\n');

/** The chat-completions URL for a base URL. */
export function chatCompletionsUrl(url: string): string {
  const u = url.replace(/\/+$/, '');
  if (/\/chat\/completions$/.test(u)) return u;
  if (/\/v\d+$/.test(u)) return `${u}/chat/completions`;
  return `${u}/v1/chat/completions`;
}

/** The URL as recorded in provenance: no user info, no query (keys sometimes travel there). */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

interface Draft {
  fact: string;
  text: string;
}

/** The JSON answer in a model's message: fenced or bare, an object with `sentences` or the array itself. */
export function parseDrafts(content: string): Draft[] | null {
  const unfenced = content.replace(/^\s*```(?:json)?\s*/i, '').replace(/\s*```\s*$/, '');
  const candidates = [unfenced];
  const a = unfenced.indexOf('{');
  const b = unfenced.lastIndexOf('}');
  if (a >= 0 && b > a) candidates.push(unfenced.slice(a, b + 1));
  const c = unfenced.indexOf('[');
  const d = unfenced.lastIndexOf(']');
  if (c >= 0 && d > c) candidates.push(unfenced.slice(c, d + 1));
  for (const cand of candidates) {
    let v: unknown;
    try {
      v = JSON.parse(cand);
    } catch {
      continue;
    }
    const list = Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { sentences?: unknown }).sentences) ? (v as { sentences: unknown[] }).sentences : null;
    if (!list) continue;
    const out: Draft[] = [];
    for (const x of list) {
      if (!x || typeof x !== 'object') continue;
      const fact = (x as { fact?: unknown; id?: unknown }).fact ?? (x as { id?: unknown }).id;
      const text = (x as { text?: unknown }).text;
      if ((typeof fact === 'string' || typeof fact === 'number') && typeof text === 'string' && text.trim()) out.push({ fact: String(fact), text: text.replace(/\s+/g, ' ').trim() });
    }
    return out;
  }
  return null;
}

async function ask(opts: ModelWriterOptions, facts: { id: string; text: string; section: string }[]): Promise<Draft[]> {
  const f = opts.fetch ?? fetch;
  const controller = new AbortController();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    const body = {
      model: opts.model,
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: JSON.stringify({ facts }) },
      ],
    };
    let res: Response;
    try {
      res = await f(chatCompletionsUrl(opts.url), { method: 'POST', headers, body: JSON.stringify(body), signal: controller.signal });
    } catch (e) {
      if (controller.signal.aborted) throw new Error(`no answer within ${timeoutMs} ms`, { cause: e });
      throw new Error(`request failed: ${(e as Error).message}`, { cause: e });
    }
    let raw: string;
    try {
      raw = await res.text();
    } catch (e) {
      if (controller.signal.aborted) throw new Error(`no answer within ${timeoutMs} ms`, { cause: e });
      throw new Error(`reading the answer failed: ${(e as Error).message}`, { cause: e });
    }
    if (!res.ok) throw new Error(`HTTP ${res.status}${raw ? `: ${raw.replace(/\s+/g, ' ').slice(0, 120)}` : ''}`);
    let content: unknown;
    try {
      content = (JSON.parse(raw) as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
    } catch (e) {
      throw new Error('the answer is not chat-completions JSON', { cause: e });
    }
    if (typeof content !== 'string') throw new Error('the answer has no message content');
    const drafts = parseDrafts(content);
    if (!drafts) throw new Error('the message is not the JSON asked for');
    return drafts;
  } finally {
    clearTimeout(timer);
  }
}

/** The verifier's verdict on a model sentence against all the sources, or why it can not stand for its fact. */
function gate(prep: Prepared, draft: string, s: CompositeSentence): { result: ClaimResult } | { why: string } {
  if (!/[.!?…"”’']$/.test(draft)) return { why: 'not a finished sentence' };
  if (wordCount(draft) > MAX_GROWTH * wordCount(s.text) + GROWTH_WORDS) return { why: 'longer than its fact allows' };
  const lead = PRONOUN_START.exec(draft)?.[0];
  if (lead && !s.text.startsWith(lead)) return { why: `opens with "${lead}" that the fact does not` };
  const publishedOf = (id: string | undefined): string | null => prep.articles.find((a) => a.id === id)?.published ?? null;
  const published = publishedOf(s.citations[0]?.articleId);
  const all = verifyClaim(draft, prep.index, { published });
  if (all.verdict !== 'supported') return { why: `${all.verdict} by the sources: ${all.conflicts[0]?.explanation ?? all.note ?? `missing ${all.missing.join(', ')}`}` };
  if (all.quotes.some((q) => !q.verbatim)) return { why: 'a quote is not verbatim' };
  // Its citations stay those of the fact: the cited passages alone must support it.
  const cited = buildSourceIndex(s.citations.filter((c) => c.caption === undefined).map((c, i) => ({ id: `${c.articleId}#${i}`, text: c.text, published: publishedOf(c.articleId) })));
  const own = verifyClaim(draft, cited, { published });
  if (own.verdict !== 'supported') return { why: `not supported by the passages the fact cites: ${own.conflicts[0]?.explanation ?? own.note ?? `missing ${own.missing.join(', ')}`}` };
  return { result: all };
}

/**
 * Composes the story extractively, then asks the model to rephrase and connect the published sentences; keeps each
 * model sentence the gate passes and the extractive sentence otherwise.
 */
export async function composeWithModel(input: ComposeInput, options: ComposeOptions, writer: ModelWriterOptions): Promise<ModelWriterResult> {
  const { composite, prep } = composeWithSources(input, options);
  const slots: CompositeSentence[] = [...composite.lede, ...composite.sections.flatMap((s) => s.paragraphs.flat())];
  const sectionOf = [...composite.lede.map(() => 'lede'), ...composite.sections.flatMap((s) => s.paragraphs.flat().map(() => s.heading ?? ''))];
  const ids = slots.map((_, i) => `f${i + 1}`);
  const record: WriterProvenance = { kind: 'llm', model: writer.model, url: safeUrl(chatCompletionsUrl(writer.url)), kept: 0, fallbacks: [], warnings: [] };
  const done = (): ModelWriterResult => {
    composite.provenance.writer = record;
    return { composite, warnings: record.warnings ?? [] };
  };
  if (!slots.length) return done();
  let drafts: Draft[];
  try {
    drafts = await ask(writer, slots.map((s, i) => ({ id: ids[i]!, text: s.text, section: sectionOf[i]! })));
  } catch (e) {
    record.warnings!.push(`model writer (${writer.model} at ${record.url}): ${(e as Error).message}; the extractive article stands`);
    return done();
  }
  const byFact = new Map<string, string>();
  for (const d of drafts) if (!byFact.has(d.fact)) byFact.set(d.fact, d.text);
  const replaced = new Map<CompositeSentence, CompositeSentence>();
  slots.forEach((s, i) => {
    const id = ids[i]!;
    const draft = byFact.get(id) ?? null;
    if (draft === null) {
      record.fallbacks!.push({ fact: id, extractive: s.text, model: null, reason: 'the model wrote no sentence for this fact' });
      return;
    }
    if (draft === s.text) {
      record.kept!++;
      return;
    }
    const g = gate(prep, draft, s);
    if ('why' in g) {
      record.fallbacks!.push({ fact: id, extractive: s.text, model: draft, reason: g.why });
      return;
    }
    const v = g.result;
    replaced.set(s, { ...s, text: draft, rewrites: [...s.rewrites, { kind: 'model', from: s.text, to: draft }], verdict: v.verdict, score: v.score, evidence: v.evidence });
    record.kept!++;
  });
  const swap = (s: CompositeSentence): CompositeSentence => replaced.get(s) ?? s;
  composite.lede = composite.lede.map(swap);
  composite.sections = composite.sections.map((sec) => ({ ...sec, paragraphs: sec.paragraphs.map((p) => p.map(swap)) }));
  const body = [...composite.lede, ...composite.sections.flatMap((s) => s.paragraphs.flat())];
  composite.words = body.reduce((n, s) => n + wordCount(s.text), 0);
  composite.provenance.verdicts = body.map((s) => ({ text: s.text, verdict: s.verdict, score: s.score, evidence: s.evidence }));
  // The AI note says what the model did, when it did anything.
  if (replaced.size) composite.disclosure += ` ${replaced.size} of its ${slots.length} sentences were reworded by the language model ${writer.model}, each checked by the verifier against the passages it cites${record.fallbacks!.length ? `; ${record.fallbacks!.length} model drafts that failed were replaced by the source sentence` : ''}.`;
  return done();
}
