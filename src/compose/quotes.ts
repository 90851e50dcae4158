/**
 * Key quotes: verbatim direct quotes with a resolved speaker, the ones carried by most families first, one per
 * speaker before any speaker gets a second, each checked verbatim by the verifier.
 */
import { verifyClaim } from '../verify/index.js';
import type { Prepared } from './prepare.js';
import { wordCount } from './prepare.js';
import type { Citation, KeyQuote } from './types.js';

export const MAX_QUOTES = 4;
const MIN_WORDS = 8;
const MAX_WORDS = 45;

const fold = (s: string): string => s.replace(/[‘’‚‛`]/g, "'").replace(/[“”„‟«»]/g, '"').replace(/[‐‑‒–—―−]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();

interface Pooled {
  text: string;
  speaker: string;
  citation: Citation;
  families: Set<number>;
  canonical: boolean;
  order: number;
}

/** A quote that opens on a pronoun or demonstrative lost its antecedent when lifted out of its article. */
const NEEDS_CONTEXT = /^(?:He|She|They|It|This|That|These|Those|His|Her|Their|Its)\b/;

/**
 * `exclude`: folded body sentences (a quote the body already carries is not repeated); `redundant`: whether the
 * quote says what a body sentence already says (the article-wide similarity test).
 */
export function keyQuotes(prep: Prepared, fullName: (speaker: string, aliases?: readonly string[]) => string, exclude: ReadonlySet<string>, redundant: (text: string, speaker: string) => boolean = () => false): KeyQuote[] {
  const pool = new Map<string, Pooled>();
  prep.analyses.forEach((a, ai) => {
    for (const q of a.quotes) {
      if (!q.closed || q.partial || !q.speaker) continue;
      const t = q.text.trim().replace(/[,]$/, '');
      const n = wordCount(t);
      if (n < MIN_WORDS || n > MAX_WORDS || NEEDS_CONTEXT.test(t)) continue;
      const k = fold(t).replace(/[.,!?]+$/, '');
      const cur = pool.get(k);
      const start = q.start + q.text.indexOf(t);
      // The speaker is the person the quote's own attribution binds in its article (its entity there), named as the
      // sources name that person: never another person found by the surname alone.
      const bound = q.speakerEntityId ? a.entities.find((e) => e.id === q.speakerEntityId) : undefined;
      const speaker = bound && bound.type === 'person' ? fullName(bound.name, bound.aliases) : q.speaker;
      const entry: Pooled = cur ?? { text: t, speaker, citation: { articleId: prep.articles[ai]!.id, start, end: start + t.length, text: t }, families: new Set(), canonical: prep.canonical.has(ai), order: q.start / Math.max(1, prep.articles[ai]!.text.length) };
      entry.families.add(prep.familyOf[ai]!);
      pool.set(k, entry);
    }
  });
  const ranked = [...pool.entries()]
    .filter(([k, v]) => ![...exclude].some((e) => e.includes(k)) && !redundant(v.text, v.speaker))
    .map(([, v]) => v)
    .sort((a, b) => b.families.size - a.families.size || a.order - b.order || (a.text < b.text ? -1 : 1));
  const out: KeyQuote[] = [];
  const speakers = new Set<string>();
  for (const pass of [0, 1]) {
    for (const q of ranked) {
      if (out.length >= MAX_QUOTES) break;
      if (out.some((o) => o.text === q.text) || (pass === 0 && speakers.has(q.speaker))) continue;
      const check = verifyClaim(`"${q.text}"`, prep.index);
      if (!check.quotes.length || !check.quotes.every((c) => c.verbatim)) continue;
      out.push({ text: q.text, speaker: q.speaker, citation: q.citation, families: q.families.size });
      speakers.add(q.speaker);
    }
  }
  return out.sort((a, b) => b.families - a.families);
}

export { fold as foldQuote };
