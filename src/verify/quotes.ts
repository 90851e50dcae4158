/**
 * Quote checks: a quote must appear character for character in a source (after folding typographic quote marks and
 * whitespace), and, when the claim names its speaker, a source must not give it to someone else.
 */
import { tokenize, type Quote } from '../text/index.js';
import { quoteForm, type IndexedSource, type SourceIndex, type Unit } from './retrieve.js';
import type { Conflict, Evidence, QuoteCheck } from './types.js';

export interface QuoteOutcome {
  checks: QuoteCheck[];
  conflicts: Conflict[];
  evidence: Evidence[];
  /** Quotes found nowhere and with no close variant: their words must be checked like the writer's own. */
  unfound: Quote[];
  /** Quotes found verbatim (or differing only in capitals): their words need no other support. */
  found: Quote[];
}

/** Token-level similarity at which a missing quote counts as an altered copy of a source quote. */
const ALTERED_MIN_SIMILARITY = 0.6;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function needleOf(text: string): string {
  return quoteForm(text).replace(/ +/g, ' ').trim().replace(/^[\s,.;:'"-]+|[\s,.;:'"-]+$/g, '');
}

interface Hit {
  src: IndexedSource;
  index: number;
  start: number;
  end: number;
  exact: boolean;
}

function findQuote(index: SourceIndex, needle: string): Hit | null {
  if (!needle) return null;
  const body = escapeRe(needle).replace(/ /g, '\\s+');
  const pattern = `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`;
  const exact = new RegExp(pattern, 'u');
  // A capital at the start of a quote is the writer's choice ("All of us..." / "all of us...").
  const first = new RegExp(`(?<![\\p{L}\\p{N}])[${escapeRe(needle[0]!.toLowerCase())}${escapeRe(needle[0]!.toUpperCase())}]${escapeRe(needle.slice(1)).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u');
  const loose = new RegExp(pattern, 'iu');
  for (const [re, isExact] of [[exact, true], [first, true], [loose, false]] as const) {
    for (let i = 0; i < index.sources.length; i++) {
      const src = index.sources[i]!;
      const m = re.exec(src.quoteText);
      if (m) return { src, index: i, start: m.index, end: m.index + m[0].length, exact: isExact };
    }
  }
  return null;
}

function unitAt(src: IndexedSource, pos: number): Unit | null {
  return src.units.find((u) => u.start <= pos && pos < u.end) ?? null;
}

function evidenceOf(src: IndexedSource, start: number, end: number, score: number): Evidence {
  return { sourceId: src.doc.id, start, end, text: src.doc.text.slice(start, end), score };
}

function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return prev[b.length]!;
}

const nameParts = (s: string | null): string[] => (s ?? '').toLowerCase().split(/\s+/).filter((w) => w.length > 1);

/** Every quote in the claim's span of its analysed text. */
export function checkQuotes(index: SourceIndex, quotes: readonly Quote[]): QuoteOutcome {
  const out: QuoteOutcome = { checks: [], conflicts: [], evidence: [], unfound: [], found: [] };
  for (const q of quotes) {
    const needle = needleOf(q.text);
    if (needle.length < 2) continue;
    const hit = findQuote(index, needle);
    if (hit) {
      const unit = unitAt(hit.src, hit.start);
      const ev = unit ? evidenceOf(hit.src, unit.start, unit.end, 1) : evidenceOf(hit.src, hit.start, hit.end, 1);
      out.evidence.push(ev);
      out.found.push(q);
      out.checks.push({
        text: q.text,
        verbatim: hit.exact,
        sourceId: hit.src.doc.id,
        ...(hit.exact ? {} : { note: 'found only with different capitalisation' }),
      });
      const conflict = speakerConflict(index, q, needle, ev);
      if (conflict) out.conflicts.push(conflict);
      continue;
    }
    // Not found: is there a close variant (an altered quote) or nothing like it (a paraphrase presented as a quote)?
    const words = tokenize(needle).map((t) => t.norm);
    let best: { unit: Unit; sim: number; src: IndexedSource } | null = null;
    if (words.length >= 3) {
      const wordSet = new Set(words);
      for (const src of index.sources) for (const u of src.units) {
        const toks = tokenize(u.text).map((t) => t.norm);
        let overlap = 0;
        for (const w of new Set(toks)) if (wordSet.has(w)) overlap++;
        if (overlap < wordSet.size * 0.5) continue;
        const sim = lcs(words, toks) / words.length;
        if (!best || sim > best.sim) best = { unit: u, sim, src };
      }
    }
    if (best && best.sim >= ALTERED_MIN_SIMILARITY) {
      const toks = new Set(tokenize(best.unit.text).map((t) => t.norm));
      const changed = tokenize(needle).filter((t) => !toks.has(t.norm)).map((t) => t.text);
      const srcQuote = best.src.analysis.quotes.find((sq) => sq.start < best.unit.end && best.unit.start < sq.end);
      const ev = evidenceOf(best.src, best.unit.start, best.unit.end, best.sim);
      out.evidence.push(ev);
      out.checks.push({ text: q.text, verbatim: false, sourceId: best.src.doc.id, note: 'altered: a source has a close variant' });
      out.conflicts.push({
        kind: 'altered-quote',
        claimSpan: q.text,
        sourceSpan: srcQuote?.text ?? best.unit.text,
        evidence: ev,
        explanation: `the quote is not in any source word for word; ${best.src.doc.id} has a close variant${changed.length ? ` (claim words not in it: ${changed.join(', ')})` : ' (the words differ in order or punctuation)'}`,
      });
    } else {
      out.unfound.push(q);
      out.checks.push({ text: q.text, verbatim: false, sourceId: null, note: 'not found in any source: a paraphrase presented as a quote, or an unsourced quote' });
    }
  }
  return out;
}

/**
 * The claim names the speaker (by name, not by pronoun); the sources give the quote to someone else, by name, and
 * the claim's speaker is not even mentioned around it.
 */
function speakerConflict(index: SourceIndex, q: Quote, needle: string, ev: Evidence): Conflict | null {
  if (!q.speaker || q.resolvedVia !== 'name') return null;
  const want = nameParts(q.speaker);
  let other: { speaker: string; src: IndexedSource; unit: Unit | null } | null = null;
  const body = new RegExp(escapeRe(needle).replace(/ /g, '\\s+'), 'giu');
  for (const src of index.sources) {
    for (const m of src.quoteText.matchAll(body)) {
      const pos = m.index ?? 0;
      const sq = src.analysis.quotes.find((x) => x.start <= pos && pos < Math.max(x.end, x.start + 1));
      const unit = unitAt(src, pos);
      const around = unit ? [unit, src.units[unit.sentence - 1]].filter((u): u is Unit => Boolean(u)) : [];
      if (around.some((u) => want.some((w) => u.names.has(w)))) return null;
      if (sq?.speaker && nameParts(sq.speaker).some((w) => want.includes(w))) return null;
      if (sq?.speaker && sq.resolvedVia === 'name') other = { speaker: sq.speaker, src, unit };
    }
  }
  if (!other) return null;
  const evidence = other.unit ? evidenceOf(other.src, other.unit.start, other.unit.end, 1) : ev;
  return {
    kind: 'speaker',
    claimSpan: `${q.speakerMention ?? q.speaker}: "${q.text}"`,
    sourceSpan: evidence.text,
    evidence,
    explanation: `the claim gives the quote to ${q.speaker}; ${other.src.doc.id} gives it to ${other.speaker}`,
  };
}
