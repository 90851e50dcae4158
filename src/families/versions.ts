/**
 * What one version of a story adds over another that is not a copy of it (a write-through, an independent report,
 * a composite): the sentences of `other` whose content no single sentence of `lead` covers, i.e. fewer than
 * ADDS_COVER of the sentence's content words (stems) appear together in any one lead sentence. Restatements reuse
 * the lead's words and stay out; new quotes, facts and passages come through. Copies within a family are compared
 * sentence by sentence by the alignment instead (FamilyMember adds and drops).
 */
import { contentWords, splitSentences } from '../text/index.js';
import { ADDS_COVER, ADDS_MIN_WORDS } from './thresholds.js';
import type { SentenceRef } from './types.js';

export interface VersionText {
  text: string;
  language?: string | null;
}

function sentenceWords(v: VersionText): { ref: SentenceRef; words: Set<string> }[] {
  return splitSentences(v.text).map((s) => ({
    ref: { text: s.text, start: s.start, end: s.end },
    words: new Set(contentWords(s.text, v.language ?? null).map((w) => w.stem)),
  }));
}

/**
 * The sentences of any `other` that add to `lead` (text as in `other`, offsets into `other.text`), in text order.
 * The lead is analysed once, so comparing many versions with one lead costs one analysis each.
 */
export function addsOverLead(lead: VersionText): (other: VersionText) => SentenceRef[] {
  const leadSentences = sentenceWords(lead);
  // Lead sentences holding each word, so each sentence of `other` is compared only with those sharing a word.
  const holders = new Map<string, number[]>();
  leadSentences.forEach((s, i) => {
    for (const w of s.words) (holders.get(w) ?? holders.set(w, []).get(w)!).push(i);
  });
  return (other) => {
    const out: SentenceRef[] = [];
    for (const s of sentenceWords(other)) {
      if (s.words.size < ADDS_MIN_WORDS) continue;
      const shared = new Map<number, number>();
      for (const w of s.words) for (const i of holders.get(w) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
      let best = 0;
      for (const n of shared.values()) if (n > best) best = n;
      if (best / s.words.size < ADDS_COVER) out.push(s.ref);
    }
    return out;
  };
}
