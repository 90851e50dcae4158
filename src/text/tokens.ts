/**
 * Word tokens with offsets, normalisation helpers and a light English stemmer.
 * All linear-time regex scans; nothing here allocates per character.
 */
import { isStopword } from './stopwords.js';
import type { Token } from './types.js';

export { isStopword, STOPWORDS } from './stopwords.js';

/** ‘’‚‛′ → '   “”„‟″ → "   (guillemets are left alone: they are quote marks of their own). */
export function normalizeQuotes(s: string): string {
  return s.replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"');
}

/** En/em dashes, minus and figure dashes → "-"; non-breaking and soft hyphens → "-"/"" */
export function normalizeDashes(s: string): string {
  return s.replace(/[‐‑‒–—―−]/g, '-').replace(/\u00ad/g, '');
}

/** Runs of whitespace (including no-break and zero-width spaces) → one space, trimmed. */
export function foldWhitespace(s: string): string {
  return s.replace(/[\s\u00a0\u200b\u2007\u202f]+/g, ' ').trim();
}

/** "Zelenskyy Müller Ségolène" → "Zelenskyy Muller Segolene" (NFD, combining marks removed); ß → ss. */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss');
}

/** The matching form: quotes and dashes folded, whitespace folded, diacritics stripped, lowercase. */
export function normalizeForMatch(s: string): string {
  return stripDiacritics(foldWhitespace(normalizeDashes(normalizeQuotes(s)))).toLowerCase();
}

/** Per-token normalisation: one token never holds whitespace, so this is cheaper than normalizeForMatch. */
function normToken(s: string): string {
  let t = s.toLowerCase();
  if (/[^\x00-\x7f]/.test(t)) t = stripDiacritics(normalizeDashes(normalizeQuotes(t)));
  return t;
}

// A word: letters/marks/digits, with inner apostrophes, hyphens and dots between letters ("don't", "co-ordination",
// "U.S"). A number: digits with thousands separators and a decimal part ("20,000", "1.5").
const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’‐‑-][\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    out.push({
      start: m.index,
      end: m.index + raw.length,
      text: raw,
      norm: normToken(raw),
      kind: /^\p{N}/u.test(raw) && !/\p{L}/u.test(raw) ? 'number' : 'word',
    });
  }
  return out;
}

// Words the suffix rules would damage (news vocabulary first).
const STEM_KEEP = new Set([
  'news', 'series', 'species', 'us', 'this', 'his', 'its', 'was', 'has', 'is', 'yes', 'thus', 'plus', 'bus', 'gas',
  'lens', 'always', 'perhaps', 'during', 'nothing', 'something', 'anything', 'everything', 'thing', 'king', 'ring',
  'wing', 'spring', 'string', 'evening', 'morning', 'ceiling', 'bring', 'sing', 'swing', 'sting', 'red', 'bed', 'need',
  'seed', 'feed', 'speed', 'shed', 'united', 'hundred', 'kindred', 'sacred', 'wicked', 'naked', 'ago', 'less', 'unless',
]);

/**
 * Light English stemmer: folds plurals, possessives, -ing and -ed (and a final -e, so "hope"/"hoped"/"hoping"
 * meet at "hop"). Not a linguistic stem: only a key under which inflected forms of one word meet.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  w = w.replace(/'s?$/, '');
  if (w.length <= 3 || STEM_KEEP.has(w) || !/^[a-z-]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'i';
  else if (/(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5 && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'i';
  else if (w.endsWith('ed') && w.length > 4 && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.endsWith('y') && w.length > 3 && !/[aeiou]y$/.test(w)) w = w.slice(0, -1) + 'i';
  // All final e's: "guarantee"/"guaranteed" and "agree"/"agreed" meet only if "ee" folds too.
  if (w.endsWith('e') && w.length > 3) w = w.replace(/e+$/, '');
  return w;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

export interface ContentWord extends Token {
  stem: string;
}

/** Tokens that carry meaning: not stopwords, not one letter; each with its stem (English) or its norm. */
export function contentWords(text: string, language?: string | null): ContentWord[] {
  const lang = (language ?? 'en').slice(0, 2).toLowerCase();
  const out: ContentWord[] = [];
  for (const t of tokenize(text)) {
    if (t.kind === 'word' && (t.norm.length < 2 || isStopword(t.norm.replace(/’/g, "'"), lang))) continue;
    out.push({ ...t, stem: t.kind === 'number' ? t.norm : lang === 'en' ? stem(t.norm) : t.norm });
  }
  return out;
}
