/**
 * Pairs quotation marks into quote spans, paragraph by paragraph. Shared by the sentence splitter (which must not
 * break inside an attributed quote) and by quote extraction.
 *
 * Whether a mark opens or closes is decided by its position, not its glyph: German „…“ closes with “, Swedish
 * uses ”…”, and copy-pasted news mixes “curly” with "straight" marks. Single marks double as apostrophes
 * (don't, Russia's, Ukrainians'), so a single mark between two letters is never a quote mark, and an unclosed
 * single quote only counts when it opens its paragraph (the multi-paragraph convention).
 */

export type QuoteFamily = 'double' | 'single' | 'guillemet';

export interface QuoteSpan {
  family: QuoteFamily;
  /** Position of the opening mark. */
  open: number;
  /** Position of the closing mark, or null when the quote runs to the end of its paragraph. */
  close: number | null;
  /** Content span (inside the marks), trimmed of surrounding whitespace. */
  start: number;
  end: number;
  /** Outer span: opening mark to closing mark inclusive (or to the content end when unclosed). */
  outerStart: number;
  outerEnd: number;
  /** True when the opening mark is the first thing in its paragraph. */
  opensParagraph: boolean;
}

const FAMILY: Readonly<Record<string, QuoteFamily>> = {
  '"': 'double', '“': 'double', '”': 'double', '„': 'double', '‟': 'double',
  "'": 'single', '‘': 'single', '’': 'single', '‚': 'single', '‛': 'single',
  '«': 'guillemet', '»': 'guillemet', '‹': 'guillemet', '›': 'guillemet',
};
const OPEN_GLYPH = new Set(['“', '„', '‟', '‘', '‚', '‛', '«', '‹']);
const CLOSE_GLYPH = new Set(['”', '’', '»', '›']);

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
// Before an opening mark: start, space, opening brackets, dashes, slash, or another quote mark.
const OPEN_PREV = /[\s([{\u2014\u2013\-/:"“„‘'«‹]/;
// After a closing mark: end, space, punctuation, or another quote mark.
const CLOSE_NEXT = /[\s.,;:!?)\]}\u2014\u2013\-/"”’'»›…]/;

interface Mark {
  pos: number;
  family: QuoteFamily;
  canOpen: boolean;
  canClose: boolean;
}

function classify(text: string, pos: number, from: number, to: number): Mark | null {
  const ch = text[pos]!;
  const family = FAMILY[ch];
  if (!family) return null;
  const prev = pos > from ? text[pos - 1] : undefined;
  const next = pos + 1 < to ? text[pos + 1] : undefined;
  // Apostrophe inside a word (don't, we’ve, Nato's) is never a quote mark.
  if (family === 'single' && isWordChar(prev) && isWordChar(next)) return null;
  // French typography puts spaces inside guillemets (« Nous sommes prêts »).
  const spaced = family === 'guillemet';
  let canOpen = (prev === undefined || OPEN_PREV.test(prev)) && (spaced || !isSpace(next));
  let canClose = (next === undefined || CLOSE_NEXT.test(next)) && (spaced || !isSpace(prev));
  // Elisions that open with an apostrophe: '90s, 'n', 'tis, 'em, 'cause.
  if (family === 'single' && /^(?:\d0s|n['’]|tis\b|em\b|cause\b)/.test(text.slice(pos + 1, pos + 7))) canOpen = false;
  if (canOpen && canClose) {
    // e.g. a mark between two other marks: fall back to the glyph.
    if (OPEN_GLYPH.has(ch)) canClose = false;
    else if (CLOSE_GLYPH.has(ch)) canOpen = false;
  }
  // Guillemets: « opens and » closes in French and Spanish; German »…« is positional too.
  if (!canOpen && !canClose) return null;
  return { pos, family, canOpen, canClose };
}

/** Paragraph spans: text between blank lines, trimmed. */
export function paragraphSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\n[ \t\u00a0]*\n\s*/g;
  let last = 0;
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, text.length);
  return out;
}

const QUOTE_CHARS = /["“”„‟'‘’‚‛«»‹›]/g;

/** Quote spans in one paragraph [from, to). */
export function quoteSpansIn(text: string, from: number, to: number): QuoteSpan[] {
  const marks: Mark[] = [];
  QUOTE_CHARS.lastIndex = from;
  for (let m = QUOTE_CHARS.exec(text); m && m.index < to; m = QUOTE_CHARS.exec(text)) {
    const mk = classify(text, m.index, from, to);
    if (mk) marks.push(mk);
  }
  const spans: QuoteSpan[] = [];
  let open: Mark | null = null;
  // An unclosed single quote is a quote (not an elision) when it opens the paragraph or follows a colon: the
  // shapes of a quote that continues into the next paragraph.
  const unclosedOk = (pos: number): boolean => pos === from || /:\s*$/.test(text.slice(Math.max(from, pos - 3), pos));
  const make = (o: Mark, closePos: number | null, endLimit: number): void => {
    let s = o.pos + 1;
    let e = closePos ?? endLimit;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e <= s) return;
    spans.push({
      family: o.family,
      open: o.pos,
      close: closePos,
      start: s,
      end: e,
      outerStart: o.pos,
      outerEnd: closePos === null ? e : closePos + 1,
      opensParagraph: o.pos === from,
    });
  };
  for (let i = 0; i < marks.length; i++) {
    const mk = marks[i]!;
    if (!open) {
      if (!mk.canOpen) continue;
      // A single mark opens a quote only if a closing single mark follows in the paragraph, or it opens the
      // paragraph (a quote continued in the next paragraph). Otherwise it is an elision ('90s, rock 'n' roll).
      if (mk.family === 'single' && !unclosedOk(mk.pos) && !marks.slice(i + 1).some((x) => x.family === 'single' && x.canClose)) {
        continue;
      }
      open = mk;
      continue;
    }
    if (mk.family !== open.family) continue; // nested quote of the other family: part of this one
    if (mk.canClose) {
      // "Ukrainians' homes": a plural possessive inside a single-quoted quote looks like a closing mark. When it is
      // followed by a lowercase word and a later closing single mark exists, read it as an apostrophe.
      if (
        mk.family === 'single' &&
        /s/i.test(text[mk.pos - 1] ?? '') &&
        /^ \p{Ll}/u.test(text.slice(mk.pos + 1, mk.pos + 3)) &&
        !/^ (?:he|she|they|said|says|added|told|wrote|the|a)\b/.test(text.slice(mk.pos + 1, mk.pos + 12)) &&
        marks.slice(i + 1).some((x) => x.family === 'single' && x.canClose)
      ) {
        continue;
      }
      make(open, mk.pos, to);
      open = null;
    } else if (mk.canOpen && mk.family === 'double') {
      // Same-family opener while open: the previous quote was never closed; it ends here.
      make(open, null, mk.pos);
      open = mk;
    }
  }
  if (open && (open.family !== 'single' || unclosedOk(open.pos))) make(open, null, to);
  return spans;
}

/** All quote spans of an article body, in order. */
export function quoteSpans(text: string): QuoteSpan[] {
  return paragraphSpans(text).flatMap((p) => quoteSpansIn(text, p.start, p.end));
}
