/**
 * Audit of a whole article: every sentence checked against the sources, with the article analysed once so that
 * pronouns and role nouns resolve across sentences ("he told the BBC"). Headings, source lists and AI disclosures
 * are not claims: they are marked and left out of the counts.
 */
import { analyse } from '../text/index.js';
import { verifyInContext } from './claim.js';
import { buildSourceIndex, type SourceIndex } from './retrieve.js';
import type { AuditResult, ClaimKind, ClaimResult, SourceDoc, Verdict, VerifyOptions } from './types.js';

const META_RE = [
  /^(?:sources?(?: used)?|note|editor['’]?s note|disclosure|correction|credits?)\s*:/i,
  /\b(?:artificial intelligence|AI)\b[^.]*\b(?:edited|written|generated|assisted|produced|created)\b/i,
  /\b(?:edited|written|generated|assisted|produced|created)\b[^.]*\b(?:artificial intelligence|AI)\b/i,
];

/** What a line of an article is: a heading (short, no final punctuation), a meta line, or a claim. */
export function classifySentence(sentence: string): ClaimKind {
  const s = sentence.trim();
  if (META_RE.some((re) => re.test(s))) return 'meta';
  const words = s.split(/\s+/).filter(Boolean).length;
  if (words <= 12 && !/[.!?:;…"'”’)\]]$/.test(s)) return 'heading';
  return 'claim';
}

const RANK: Record<Verdict, number> = { supported: 0, unsupported: 1, contradicted: 2 };

/** The worst verdict of checkable sentences (supported when there is none). */
export function worstVerdict(results: readonly ClaimResult[]): Verdict {
  let v: Verdict = 'supported';
  for (const r of results) if ((r.kind ?? 'claim') === 'claim' && RANK[r.verdict] > RANK[v]) v = r.verdict;
  return v;
}

/** Sentence spans, with line breaks inside a sentence splitting it (a heading line runs into the next sentence). */
function spans(text: string, sentences: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of sentences) {
    let from = s.start;
    const body = text.slice(s.start, s.end);
    for (const m of body.matchAll(/\n+/g)) {
      const at = s.start + (m.index ?? 0);
      if (text.slice(from, at).trim()) out.push(trimSpan(text, from, at));
      from = at + m[0].length;
    }
    if (text.slice(from, s.end).trim()) out.push(trimSpan(text, from, s.end));
  }
  return out;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

export function auditArticle(article: { text: string; published?: string | null }, sources: SourceDoc[] | SourceIndex, options: VerifyOptions = {}): AuditResult {
  const index = Array.isArray(sources) ? buildSourceIndex(sources) : sources;
  const published = article.published ?? options.published ?? null;
  const analysis = analyse({ text: article.text, published });
  const results: ClaimResult[] = [];
  for (const { start, end } of spans(article.text, analysis.sentences)) {
    const sentence = article.text.slice(start, end);
    const kind = classifySentence(sentence);
    if (kind !== 'claim') {
      results.push({ claim: sentence, start, end, kind, verdict: 'unsupported', score: 0, evidence: [], missing: [], conflicts: [], quotes: [], note: kind === 'heading' ? 'heading: not a claim' : 'meta line: not a claim' });
      continue;
    }
    const r = verifyInContext(index, { text: article.text, start, end, analysis, published }, { ...options, published });
    results.push({ ...r, start, end, kind: 'claim' });
  }
  const summary = { supported: 0, unsupported: 0, contradicted: 0, total: 0 };
  for (const r of results) if (r.kind === 'claim') {
    summary[r.verdict]++;
    summary.total++;
  }
  return { sentences: results, summary };
}
