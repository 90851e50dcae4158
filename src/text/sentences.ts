/**
 * Sentence splitting with character offsets. A candidate boundary is a run of terminal punctuation, any closing
 * quotes/brackets after it, then whitespace and a character that may open a sentence. Candidates are vetoed by
 * abbreviations, initials, German ordinal dates and attributed multi-sentence quotes
 * ("We are ready. We will come," he said. is one sentence).
 */
import { SPEECH_VERBS, MONTHS } from './lexicon.js';
import { paragraphSpans, quoteSpansIn, type QuoteSpan } from './quote-marks.js';
import type { Sentence } from './types.js';

/** Abbreviations that never end a sentence (titles before names, "vs", "e.g."). Compared lowercase. */
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'mt', 'gen', 'lt', 'col', 'capt', 'cpt', 'sgt', 'maj', 'adm', 'cmdr', 'sen', 'rep',
  'gov', 'prof', 'rev', 'hon', 'pres', 'amb', 'supt', 'insp', 'det', 'fr', 'messrs', 'mme', 'mlle', 'sr', 'sra',
  'vs', 'v', 'e.g', 'i.e', 'cf', 'viz', 'approx', 'ca', 'z.b', 'd.h', 'bzw', 'usw', 'hr', 'fig', 'esp', 'incl',
]);
/** Title abbreviations that are also name words (Hun Sen, Sen Gupta, Rep, Gen): after a name they may end a sentence. */
const TITLE_ALSO_NAME = new Set(['sen', 'rep', 'gen', 'gov', 'sr', 'st']);
/** Abbreviations that stop a sentence only before a word that typically starts one. */
const MAYBE_FINAL = new Set(['inc', 'ltd', 'co', 'corp', 'jr', 'bros', 'plc', 'llc', 'etc', 'al']);
/** Before a number these abbreviations never end a sentence ("No. 10", "Jan. 5"). */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'nr', 'art', 'p', 'pp', 'vol', 'ch', 'sec', 'para', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'tel', 'ed',
]);
/** Capitalised words that typically open a sentence: after "U.S." or "Inc." they make the period a boundary. */
const SENTENCE_STARTERS = new Set([
  'the', 'he', 'she', 'it', 'they', 'we', 'i', 'but', 'and', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'a',
  'an', 'his', 'her', 'their', 'its', 'there', 'however', 'meanwhile', 'after', 'before', 'when', 'while', 'if', 'as',
  'so', 'yet', 'for', 'with', 'some', 'many', 'most', 'one', 'our', 'my', 'you', 'what', 'why', 'how', 'officials',
]);

const TERMINAL_RE = /[.!?…]+|[。！？]+/g;
const CLOSERS = /["”’'»›)\]]/;

function wordBefore(text: string, i: number, from: number): string {
  let s = i;
  while (s > from && /[\p{L}\p{N}.]/u.test(text[s - 1]!)) s--;
  return text.slice(s, i);
}

function wordAfter(text: string, i: number): string {
  const m = /^[\p{L}\p{N}]+/u.exec(text.slice(i, i + 40));
  return m ? m[0] : '';
}

/**
 * Whether the text after a closing quote at `pos` is an attribution (", he said", " Mr Smith added", "said X").
 * Looks at most at the next six words before any terminal punctuation.
 */
export function attributionFollows(text: string, pos: number): boolean {
  const tail = text.slice(pos, pos + 90);
  const m = /^[\s,]*([^.!?;"“”]*)/.exec(tail);
  if (!m) return false;
  const words = m[1]!.split(/[\s,]+/).filter(Boolean).slice(0, 6);
  return words.some((w) => SPEECH_VERBS.has(w) && w === w.toLowerCase());
}

function quoteHolding(quotes: readonly QuoteSpan[], pos: number): QuoteSpan | undefined {
  return quotes.find((q) => q.start <= pos && pos < q.end);
}

/** Does a quote look attributed after its closing mark (so a boundary inside it should not split)? */
function isAttributedQuote(text: string, q: QuoteSpan): boolean {
  if (q.close === null) return false;
  const before = text.slice(Math.max(q.start, q.close - 2), q.close).trim();
  const after = text.slice(q.close + 1, q.close + 3);
  if (!/[,?!—–-]$/.test(before) && !/^,/.test(after)) return false;
  return attributionFollows(text, q.close + 1);
}

function isBoundary(
  text: string,
  from: number,
  termStart: number,
  termEnd: number,
  afterClosers: number,
  next: number,
  quotes: readonly QuoteSpan[],
): boolean {
  const nc = text[next]!;
  if (/\p{Ll}/u.test(nc)) return false;
  const term = text.slice(termStart, termEnd);
  const closed = afterClosers > termEnd;
  const nextWord = wordAfter(text, /["“'‘(«]/.test(nc) ? next + 1 : next);
  const nextIsStarter = SENTENCE_STARTERS.has(nextWord.toLowerCase());

  if (term === '.' && !closed) {
    const w = wordBefore(text, termStart, from);
    const lw = w.toLowerCase();
    // "Hun Sen. The talks...": a title abbreviation written after a capitalised word is the end of a name ("Sen" of
    // Hun Sen), not a title before one ("Sen. John Marsh"); it ends the sentence before a typical sentence opener.
    if (NEVER_FINAL.has(lw) && !(TITLE_ALSO_NAME.has(lw) && nextIsStarter && /\p{Lu}[\p{L}'’-]* $/u.test(text.slice(Math.max(from, termStart - w.length - 30), termStart - w.length)))) return false;
    if (/^\p{Lu}$/u.test(w)) return false; // initial: "J. R. Smith"
    if (/^\p{N}/u.test(nc) && BEFORE_NUMBER.has(lw)) return false;
    if (/^\d{1,2}$/.test(w) && MONTHS.has(nextWord.toLowerCase())) return false; // German "19. August"
    if (/^(?:\p{L}\.)+\p{L}$/u.test(w)) return nextIsStarter; // U.S. / a.m. / U.K.
    if (MAYBE_FINAL.has(lw)) return nextIsStarter;
  }
  // Inside an attributed quote: "We are ready. We will come," he said.
  const q = quoteHolding(quotes, afterClosers);
  if (q && q.start < termStart && isAttributedQuote(text, q)) return false;
  // "Are you ready?" Mr Smith asked.
  if (closed && /[?!]/.test(term) && attributionFollows(text, afterClosers)) return false;
  return true;
}

function splitChunk(text: string, from: number, to: number, quotes: readonly QuoteSpan[], out: [number, number][]): void {
  let start = from;
  TERMINAL_RE.lastIndex = from;
  for (let m = TERMINAL_RE.exec(text); m && m.index < to; m = TERMINAL_RE.exec(text)) {
    const termStart = m.index;
    const termEnd = Math.min(m.index + m[0].length, to);
    let k = termEnd;
    while (k < to && CLOSERS.test(text[k]!)) k++;
    const cjk = /[。！？]/.test(m[0]);
    if (k >= to) break;
    if (!cjk && !/\s/.test(text[k]!)) continue;
    let n = k;
    while (n < to && /\s/.test(text[n]!)) n++;
    if (n >= to) break;
    if (!isBoundary(text, from, termStart, termEnd, k, n, quotes)) continue;
    out.push([start, k]);
    start = n;
    TERMINAL_RE.lastIndex = n;
  }
  out.push([start, to]);
}

// Words that cannot end a line that ends a sentence: the newline is a wrap, not a boundary.
const WRAP_END = /(?:\b(?:the|a|an|of|and|or|to|in|on|at|by|for|with|from|Mr|Mrs|Ms|Dr|Sir|St)|[-,‐])$/;

/**
 * Lines of a paragraph. Hard-wrapped text (lines of similar length) is one chunk; otherwise every newline ends a
 * chunk (one sentence per line, headings) unless the line plainly continues on the next.
 */
function lineChunks(text: string, from: number, to: number): [number, number][] {
  const para = text.slice(from, to);
  if (!para.includes('\n')) return [[from, to]];
  const lines: [number, number][] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === '\n') {
      lines.push([s, i]);
      s = i + 1;
    }
  }
  const lens = lines.slice(0, -1).map(([a, b]) => b - a);
  const max = Math.max(...lens);
  if (lines.length >= 3 && max >= 40 && lens.every((l) => l >= 0.6 * max)) return [[from, to]];
  const chunks: [number, number][] = [];
  let cs = lines[0]![0];
  for (let i = 0; i < lines.length - 1; i++) {
    const line = text.slice(lines[i]![0], lines[i]![1]).trimEnd();
    const nextLine = text.slice(lines[i + 1]![0], lines[i + 1]![1]).trimStart();
    if (WRAP_END.test(line) || /^\p{Ll}/u.test(nextLine)) continue;
    chunks.push([cs, lines[i]![1]]);
    cs = lines[i + 1]![0];
  }
  chunks.push([cs, to]);
  return chunks;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  paragraphSpans(text).forEach((p, paragraph) => {
    const quotes = quoteSpansIn(text, p.start, p.end);
    const spans: [number, number][] = [];
    for (const [a, b] of lineChunks(text, p.start, p.end)) splitChunk(text, a, b, quotes, spans);
    for (let [s, e] of spans) {
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) out.push({ index: out.length, paragraph, start: s, end: e, text: text.slice(s, e) });
    }
  });
  return out;
}

/** Index of the sentence holding character `pos` (binary search), or -1. */
export function sentenceAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
