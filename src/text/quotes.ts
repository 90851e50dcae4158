/**
 * Direct quotes with their speakers.
 *
 * For each quote span (see quote-marks.ts) the attribution is looked for in this order:
 *  1. after the closing mark: `"...," he told the BBC` / `"...," said Mr X` / `"...", Mr X added`;
 *  2. a colon before the quote: `X said: "..."` (participles such as "adding:" take the main clause's subject);
 *  3. a speech verb earlier in the sentence: `X said he was "ready"` (partial quotes);
 *  4. an attribution closing the sentence: `... "have a good chance" of stopping the conflict, the US president said.`;
 *  5. a quote that opens its paragraph with no attribution continues the previous paragraph's quote (newspaper
 *     convention for multi-paragraph quotes), or takes the speaker of the previous paragraph's speech verb.
 * Pronoun speakers resolve to the speaker of the nearest preceding speech act (same sentence first, then up to three
 * sentences back), else the previous sentence's subject, else the most recent person mention; gender from
 * honorifics is respected when known. Role nouns ("the PM") arrive already resolved by entities.ts.
 */
import { findEntities, type EntityResult } from './entities.js';
import { GENERIC_SPEAKER_HEADS, PRONOUNS, SPEECH_FILLERS, SPEECH_PARTICIPLES, SPEECH_VERBS } from './lexicon.js';
import { paragraphSpans, quoteSpansIn, type QuoteSpan } from './quote-marks.js';
import { tokenize } from './tokens.js';
import type { Quote, QuoteHow, Sentence, Token } from './types.js';
import { findVenue } from './venue.js';

type Subject =
  | { kind: 'mention'; index: number }
  | { kind: 'pronoun'; tok: Token }
  | { kind: 'main' }
  | { kind: 'generic'; text: string };

interface Speaker {
  entityId: string | null;
  name: string | null;
  mention: string | null;
  via: Quote['resolvedVia'];
}

interface SpeechEvent {
  pos: number;
  entityId: string;
}

const NO_SPEAKER: Speaker = { entityId: null, name: null, mention: null, via: null };

/** A subordinating word right before a pronoun (and its verb): "..., where he [declared]", "when she [said]". */
const SUBORDINATE_BEFORE = /(?:^|[\s,])(?:where|when|while|as|after|before|because|since|although|though|until|once)\s+(?:(?:he|she)\s+)?$/i;

export function findQuotes(text: string, sentences: readonly Sentence[], entities?: EntityResult, language?: string | null): Quote[] {
  const ents = entities ?? findEntities(text, sentences, language);
  const nameOf = new Map(ents.entities.map((e) => [e.id, e.name]));
  const typeOf = new Map(ents.entities.map((e) => [e.id, e.type]));
  const paragraphs = paragraphSpans(text);
  const spans: (QuoteSpan & { paragraph: number })[] = paragraphs.flatMap((p, paragraph) =>
    quoteSpansIn(text, p.start, p.end).map((q) => ({ ...q, paragraph })),
  );
  const toks = tokenize(text);
  const inQuote = new Uint8Array(toks.length);
  {
    let s = 0;
    for (let k = 0; k < toks.length; k++) {
      while (s < spans.length && spans[s]!.outerEnd <= toks[k]!.start) s++;
      const q = spans[s];
      if (q && q.outerStart < toks[k]!.start && toks[k]!.end <= q.outerEnd) inQuote[k] = 1;
    }
  }
  // A mention ending at a position; appositives ("Dr X, director of ... (Rusi), said") end where they end.
  const mentionEnding = new Map<number, number>();
  ents.mentions.forEach((m, k) => mentionEnding.set(m.end, k));
  ents.mentions.forEach((m, k) => {
    const a = ents.info[k]!.attachEnd;
    if (a !== m.end) mentionEnding.set(a, k);
  });
  const mentionStarting = new Map<number, number>();
  ents.mentions.forEach((m, k) => {
    mentionStarting.set(m.start, k);
    mentionStarting.set(ents.info[k]!.roleStart, k);
  });
  const personMentionsBySentence = new Map<number, number[]>();
  ents.mentions.forEach((m, k) => {
    if (m.type !== 'person' || !m.entityId) return;
    const s = ents.info[k]!.sentence;
    personMentionsBySentence.set(s, [...(personMentionsBySentence.get(s) ?? []), k]);
  });

  const events: SpeechEvent[][] = sentences.map(() => []);
  const sentenceSubject: (string | null)[] = sentences.map(() => null);
  const genderOk = (id: string, want: 'm' | 'f' | 'p' | 'i' | undefined): boolean => {
    const g = ents.gender.get(id);
    return !g || !want || want === 'p' || want === 'i' || g === want;
  };

  const inQuoteAt = (p: number): boolean => spans.some((q) => q.outerStart < p && p < q.outerEnd);

  function resolvePronoun(sent: number, pos: number, word: string): string | null {
    const want = PRONOUNS.get(word);
    if (want === 'p' || want === 'i') return null;
    const same = events[sent]!.filter((e) => e.pos < pos && genderOk(e.entityId, want));
    if (same.length) return same[same.length - 1]!.entityId;
    const subj = (personMentionsBySentence.get(sent) ?? []).find((k) => ents.info[k]!.subject && ents.mentions[k]!.start < pos);
    if (subj !== undefined && genderOk(ents.mentions[subj]!.entityId!, want)) return ents.mentions[subj]!.entityId;
    // A pronoun opening a subordinate clause refers into its own sentence, to the first person named there ("The
    // discussions followed Trump's meeting with Putin in Anchorage, where he declared ..." → Trump).
    const S = sentences[sent];
    if (S && SUBORDINATE_BEFORE.test(text.slice(S.start, pos))) {
      const first = (personMentionsBySentence.get(sent) ?? []).find((k) => ents.mentions[k]!.start < pos && !inQuoteAt(ents.mentions[k]!.start));
      if (first !== undefined && genderOk(ents.mentions[first]!.entityId!, want)) return ents.mentions[first]!.entityId;
    }
    for (let s = sent - 1; s >= 0 && s >= sent - 3; s--) {
      const ev = events[s]!.filter((e) => genderOk(e.entityId, want));
      // The subject of that sentence, when it spoke, over later speakers in it ("Sir Keir welcomed ..., after
      // Mr Trump introduced him as a "friend". He said: ..." → Sir Keir).
      const subj = sentenceSubject[s];
      if (subj && ev.some((e) => e.entityId === subj)) return subj;
      if (ev.length) return ev[ev.length - 1]!.entityId;
      // The previous sentence's subject, when it did not speak, over older speakers ("Trump appeared to share
      // conflicting views ... "I don't think you need a ceasefire," he originally said" → Trump).
      if (s === sent - 1 && subj && typeOf.get(subj) === 'person' && genderOk(subj, want)) return subj;
    }
    for (let s = sent - 1; s >= 0 && s >= sent - 2; s--) {
      const id = sentenceSubject[s];
      if (id && genderOk(id, want)) return id;
    }
    for (let s = sent; s >= 0 && s >= sent - 4; s--) {
      const list = (personMentionsBySentence.get(s) ?? []).filter((k) => ents.mentions[k]!.start < pos);
      for (let k = list.length - 1; k >= 0; k--) {
        const id = ents.mentions[list[k]!]!.entityId!;
        if (genderOk(id, want)) return id;
      }
    }
    return null;
  }

  function subjectBefore(v: number, minPos: number): Subject | null {
    for (let k = v - 1, skipped = 0; k >= 0 && toks[k]!.start >= minPos && skipped <= 4; k--) {
      if (inQuote[k]) return null;
      const t = toks[k]!;
  const m = (text[t.end] === ')' ? mentionEnding.get(t.end + 1) : undefined) ?? mentionEnding.get(t.end);
      if (m !== undefined) return { kind: 'mention', index: m };
      if (PRONOUNS.has(t.norm)) return { kind: 'pronoun', tok: t };
      if (t.norm === 'and') return { kind: 'main' };
      if (GENERIC_SPEAKER_HEADS.has(t.norm)) {
        let s = k;
        while (s > 0 && k - s < 3 && !inQuote[s - 1] && /^\s+$/.test(text.slice(toks[s - 1]!.end, toks[s]!.start)) && !SPEECH_VERBS.has(toks[s - 1]!.norm)) {
          s--;
          if (/^(?:a|an|the|one|another)$/.test(toks[s]!.norm)) break;
        }
        return { kind: 'generic', text: text.slice(toks[s]!.start, t.end) };
      }
      if (SPEECH_FILLERS.has(t.norm) || /ly$/.test(t.norm)) {
        skipped++;
        continue;
      }
      return null;
    }
    return null;
  }

  function subjectAfter(v: number, maxPos: number): Subject | null {
    const t = toks[v + 1];
    if (!t || t.start >= maxPos || inQuote[v + 1]) return null;
    const m = mentionStarting.get(t.start);
    if (m !== undefined) return { kind: 'mention', index: m };
    if (t.norm === 'the' || t.norm === 'a' || t.norm === 'an') {
      const n = toks[v + 2];
      const m2 = n ? mentionStarting.get(n.start) : undefined;
      if (m2 !== undefined) return { kind: 'mention', index: m2 };
    }
    return null;
  }

  function mainSpeaker(sent: number, pos: number): Speaker {
    const ev = events[sent]!.filter((e) => e.pos < pos);
    if (ev.length) return speakerFromId(ev[ev.length - 1]!.entityId, null, 'previous-quote');
    const id = sentenceSubject[sent];
    if (id) return speakerFromId(id, null, 'name');
    return NO_SPEAKER;
  }

  function speakerFromId(id: string | null, mention: string | null, via: Quote['resolvedVia']): Speaker {
    if (!id) return { ...NO_SPEAKER, mention };
    return { entityId: id, name: nameOf.get(id) ?? null, mention, via };
  }

  function resolveSubject(s: Subject, sent: number, pos: number): Speaker {
    switch (s.kind) {
      case 'mention': {
        const m = ents.mentions[s.index]!;
        return speakerFromId(m.entityId, m.text, m.kind === 'role-anaphor' ? 'role' : 'name');
      }
      case 'pronoun':
        return speakerFromId(resolvePronoun(sent, pos, s.tok.norm), s.tok.text, 'pronoun');
      case 'main':
        return mainSpeaker(sent, pos);
      case 'generic':
        return { ...NO_SPEAKER, mention: s.text };
    }
  }

  function record(sent: number, pos: number, sp: Speaker): void {
    if (sp.entityId && typeOf.get(sp.entityId) === 'person') events[sent]!.push({ pos, entityId: sp.entityId });
  }

  /** Speech verb tokens of a sentence outside quotes, in [from, to). */
  function verbsIn(from: number, to: number): number[] {
    const out: number[] = [];
    let k = firstTokAtOrAfter(from);
    for (; k < toks.length && toks[k]!.start < to; k++) {
      if (!inQuote[k] && SPEECH_VERBS.has(toks[k]!.norm) && toks[k]!.text === toks[k]!.norm) out.push(k);
    }
    return out;
  }
  function firstTokAtOrAfter(pos: number): number {
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Speaker of a speech verb token: participles take the main clause's subject; "said X" looks right. */
  function verbSpeaker(v: number, sent: number, minPos: number, maxPos: number): Speaker | null {
    const t = toks[v]!;
    if (SPEECH_PARTICIPLES.has(t.norm)) {
      const before = subjectBefore(v, minPos);
      if (before && before.kind !== 'main') return resolveSubject(before, sent, t.start);
      const sp = mainSpeaker(sent, t.start);
      return sp.entityId ? sp : null;
    }
    const before = subjectBefore(v, minPos);
    if (before) return resolveSubject(before, sent, t.start);
    const after = subjectAfter(v, maxPos);
    if (after) return resolveSubject(after, sent, t.start);
    return null;
  }

  const quotes: Quote[] = [];
  let spanIdx = 0;
  for (let si = 0; si < sentences.length; si++) {
    const S = sentences[si]!;
    // Subject of the sentence: a subject mention, or a leading pronoun ("But he told reporters ...").
    const subjK = (personMentionsBySentence.get(si) ?? []).find((k) => ents.info[k]!.subject);
    if (subjK !== undefined) sentenceSubject[si] = ents.mentions[subjK]!.entityId;
    else {
      const lead = /^(?:(?:And|But|So|Yet|Then|Meanwhile|However),?\s+)?(He|She)\b/.exec(S.text);
      if (lead) sentenceSubject[si] = resolvePronoun(si, S.start + lead.index, lead[1]!.toLowerCase());
    }
    const here: (QuoteSpan & { paragraph: number })[] = [];
    while (spanIdx < spans.length && spans[spanIdx]!.open < S.end) {
      if (spans[spanIdx]!.open >= S.start) here.push(spans[spanIdx]!);
      spanIdx++;
    }
    const masked = maskQuotes(text, S.start, S.end, spans);
    // Speech clauses with no quote still set who spoke ("He said Mr Trump's plans ..."): record them in order
    // with the quotes so pronouns later in the sentence and in the next sentences can use them.
    const verbs = verbsIn(S.start, S.end);
    let vi = 0;
    const flushVerbsBefore = (pos: number): void => {
      for (; vi < verbs.length && toks[verbs[vi]!]!.start < pos; vi++) {
        const sp = verbSpeaker(verbs[vi]!, si, S.start, S.end);
        if (sp?.entityId) record(si, toks[verbs[vi]!]!.start, sp);
      }
    };
    for (let qi = 0; qi < here.length; qi++) {
      const q = here[qi]!;
      const prevClose = qi > 0 ? here[qi - 1]!.outerEnd : S.start;
      const nextOpen = qi + 1 < here.length ? here[qi + 1]!.outerStart : S.end;
      const content = text.slice(q.start, q.end);
      const startsSentence = q.outerStart === S.start;
      let how: QuoteHow = 'none';
      let sp: Speaker | null = null;
      // 1. attribution after the closing mark
      const beforeVerbs = verbsIn(prevClose, q.outerStart);
      if (q.close !== null && (/[,?!…—–-]$/.test(content) || /^\s*[,—–-]/.test(text.slice(q.outerEnd, q.outerEnd + 2)) || startsSentence)) {
        const after = verbsIn(q.outerEnd, nextOpen).filter((v) => toks[v]!.start - q.outerEnd < 60);
        const v = after[0];
        if (v !== undefined && (beforeVerbs.length === 0 || /[,?!]$/.test(content))) {
          const firstAfter = firstTokAtOrAfter(q.outerEnd);
          const s2 = toks[v]!.start === toks[firstAfter]?.start ? subjectAfter(v, nextOpen) : subjectBefore(v, q.outerEnd);
          if (s2) {
            sp = resolveSubject(s2, si, q.outerStart);
            how = 'said-after';
          }
        }
      }
      // 2./3. colon or speech verb before the quote in the same sentence
      if (!sp) {
        flushVerbsBefore(q.outerStart);
        const lead = text.slice(prevClose, q.outerStart);
        const allBefore = verbsIn(S.start, q.outerStart);
        // Nearest speech verb first; one whose subject cannot be found ("... "many points" agreed and ...")
        // gives way to the one before it.
        for (let k = allBefore.length - 1; k >= 0 && !sp; k--) {
          const r = verbSpeaker(allBefore[k]!, si, S.start, q.outerStart);
          if (r) {
            sp = r;
            how = /:\s*$/.test(lead) && k === allBefore.length - 1 ? 'colon' : 'said-before';
          }
        }
      }
      // 4. attribution closing the sentence: "..., the US president said."
      if (!sp) {
        const lastClose = here[here.length - 1]!.outerEnd;
        const tailVerbs = verbsIn(lastClose, S.end);
        const tail = text.slice(lastClose, S.end);
        const comma = tail.lastIndexOf(',');
        const v = tailVerbs.find((x) => toks[x]!.start > lastClose + comma);
        if (comma >= 0 && v !== undefined) {
          const s2 = subjectBefore(v, lastClose + comma) ?? subjectAfter(v, S.end);
          if (s2) {
            sp = resolveSubject(s2, si, q.outerStart);
            how = 'sentence-end';
          }
        }
      }
      // 5. continuation of the previous paragraph's quote / context speaker
      if (!sp && startsSentence) {
        const prevQ = quotes[quotes.length - 1];
        const prevPara = q.paragraph - 1;
        const prevSentence = sentences[si - 1];
        if (prevQ && (q.opensParagraph ? sentences[prevQ.sentenceIndex]!.paragraph === prevPara || sentences[prevQ.sentenceIndex]!.paragraph === q.paragraph : sentences[prevQ.sentenceIndex]!.paragraph === q.paragraph) && prevQ.speaker !== undefined) {
          sp = { entityId: prevQ.speakerEntityId, name: prevQ.speaker, mention: prevQ.speakerMention, via: 'previous-quote' };
          how = 'continuation';
        } else if (q.opensParagraph && prevSentence && prevSentence.paragraph === prevPara) {
          const ev = events[si - 1]!;
          if (ev.length) {
            sp = speakerFromId(ev[ev.length - 1]!.entityId, null, 'previous-quote');
            how = 'context';
          }
        }
      }
      const speaker = sp ?? NO_SPEAKER;
      let venue = findVenue(masked, (n) => ents.entities.some((e) => e.type === 'person' && (e.name === n || e.aliases.includes(n))));
      if (!venue && how === 'continuation') venue = quotes[quotes.length - 1]?.venue ?? null;
      const quote: Quote = {
        start: q.start,
        end: q.end,
        text: content,
        outerStart: q.outerStart,
        outerEnd: q.outerEnd,
        sentenceIndex: si,
        closed: q.close !== null,
        partial: !startsSentence && how !== 'colon',
        speaker: speaker.name,
        speakerEntityId: speaker.entityId,
        speakerMention: speaker.mention,
        venue,
        how: speaker.name || speaker.mention ? how : how === 'continuation' ? how : 'none',
        resolvedVia: speaker.via,
      };
      quotes.push(quote);
      record(si, q.outerStart, speaker);
    }
    flushVerbsBefore(S.end);
  }
  return quotes;
}

/** The sentence's text with quote interiors blanked (same length, so offsets hold). */
function maskQuotes(text: string, from: number, to: number, spans: readonly QuoteSpan[]): string {
  let s = text.slice(from, to);
  for (const q of spans) {
    if (q.outerEnd <= from || q.outerStart >= to) continue;
    const a = Math.max(q.outerStart, from) - from;
    const b = Math.min(q.outerEnd, to) - from;
    s = s.slice(0, a) + ' '.repeat(b - a) + s.slice(b);
  }
  return s;
}

