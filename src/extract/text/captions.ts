/**
 * Photo captions recognised by shape: a short descriptive line that ends with a parenthesised
 * photo credit ("... at the summit (Jane Roe/Agency)"), ends with a labelled credit
 * ("... Foto: Agentur"), or is introduced by gallery UI words ("open image in gallery ...").
 */

import { CREDIT_WORDS, GALLERY_PREFIX } from './lexicon.js';

export interface CaptionMatch {
  /** The caption as kept (gallery UI words taken off, credit kept). */
  caption: string;
  /** Gallery UI words that preceded it, removed separately; null when none. */
  uiPrefix: string | null;
}

/** A caption is a sentence or two, never a long paragraph. Calibrated on captions of 5-40 words. */
const MAX_CAPTION_WORDS = 60;
const MIN_CAPTION_WORDS = 3;

const PAREN_CREDIT = /\(\s*([^()]{1,60}?)\s*\)\s*$/u;
const LABELLED_CREDIT = new RegExp(`(?:^|[\\s(|])(?:${CREDIT_WORDS}\\s*:|©|\\(c\\))\\s*[^()]{1,80}\\)?\\s*$`, 'iu');

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * Whether the inside of trailing parentheses reads as a photo credit: one to five tokens, at least
 * one capitalised, no sentence inside ("(2019)", "(see below)" and "(in millions)" are not credits).
 * A slash ("Name/Agency") or a credit word ("Foto", "Photo") is a strong sign.
 */
export function looksLikeCredit(inner: string): boolean {
  const s = inner.trim();
  if (new RegExp(`^${CREDIT_WORDS}\\b`, 'iu').test(s) || s.startsWith('©')) return true;
  const toks = s.split(/\s+/);
  if (toks.length > 5 || /[.!?;,]$/.test(s)) return false;
  if (/^\d+$/.test(s) || /^\p{Ll}/u.test(s)) return false;
  if (s.includes('/')) return toks.every((t) => /^[\p{Lu}\p{N}/&'’.-]|^\p{Lu}/u.test(t) || t === '/');
  // Without a slash, every token must be capitalised (a name or an agency).
  return toks.every((t) => /^[\p{Lu}]/u.test(t));
}

/**
 * The caption in a line, or null. `endsSentence` tells whether the text before the credit ends with
 * sentence punctuation: then only an explicit credit (slash or credit word) makes it a caption,
 * because body sentences may end with an abbreviation in brackets ("... the central bank (ECB)").
 */
export function detectCaption(line: string): CaptionMatch | null {
  let text = line.trim();
  let uiPrefix: string | null = null;
  const g = GALLERY_PREFIX.exec(text);
  if (g && g[0].length < text.length) {
    uiPrefix = g[0].trim();
    text = text.slice(g[0].length).trim();
  }
  const words = wordCount(text);
  if (uiPrefix !== null && words >= 2 && words <= MAX_CAPTION_WORDS) return { caption: text, uiPrefix };
  if (words < MIN_CAPTION_WORDS || words > MAX_CAPTION_WORDS) return null;

  const p = PAREN_CREDIT.exec(text);
  if (p && p[1] !== undefined && looksLikeCredit(p[1])) {
    const before = text.slice(0, p.index).trim();
    if (wordCount(before) < MIN_CAPTION_WORDS) return null;
    const explicit = p[1].includes('/') || new RegExp(`^${CREDIT_WORDS}\\b`, 'iu').test(p[1]) || p[1].startsWith('©');
    const endsSentence = /[.!?:;]["'”’»]?$/u.test(before);
    if (!endsSentence || explicit) return { caption: text, uiPrefix };
  }
  const l = LABELLED_CREDIT.exec(text);
  if (l && l.index > 0) {
    const before = text.slice(0, l.index).trim();
    // A copyright sign is explicit enough after a one-word description ("Traffic jam © Jane Roe / Agency").
    const minBefore = /^(?:©|\(c\))/iu.test(l[0].trim()) ? 1 : MIN_CAPTION_WORDS;
    if (wordCount(before) >= minBefore) return { caption: text, uiPrefix };
  }
  return null;
}

/** A line that is only a credit ("Foto: Agentur", "© Jane Roe"), with no description. */
export function isCreditOnly(line: string): boolean {
  const t = line.trim();
  return wordCount(t) <= 8 && new RegExp(`^\\(?(?:${CREDIT_WORDS}\\s*:|©)`, 'iu').test(t);
}
