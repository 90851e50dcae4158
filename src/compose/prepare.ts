/**
 * Candidate sentences: every body sentence of every source, analysed once (through the verifier's source index, so
 * the same analysis serves selection and the gate), with its content stems and why it may or may not stand in the
 * composite by itself.
 */
import { createHash } from 'node:crypto';
import { findFamilies, type Family } from '../families/index.js';
import { contentWords, type Analysis, type Sentence } from '../text/index.js';
import { buildSourceIndex, type SourceIndex } from '../verify/index.js';
import { derivedSignals, type DerivedSignal } from './derived.js';
import type { ComposeArticle } from './types.js';

export interface Candidate {
  /** Global index (articles by id, sentences in order). */
  key: number;
  /** Index into Prepared.articles. */
  article: number;
  family: number;
  sentence: Sentence;
  /** Sentences in its article. */
  count: number;
  /** Sorted unique content stems (numbers left out). */
  stems: string[];
  /** Stems of the lower-case content words only (what is said, not who): for novelty and redundancy in MMR. */
  common: string[];
  /** Numbers as written, folded ("1,400" → "1400"). */
  numbers: string[];
  words: number;
  /** Null when the sentence may open a paragraph by itself; else why not (`caption`, `boilerplate`, `inside-quote`...). */
  ineligible: string | null;
}

export interface Prepared {
  articles: ComposeArticle[];
  analyses: Analysis[];
  index: SourceIndex;
  families: Family[];
  /** Article index → family index. */
  familyOf: number[];
  canonical: Set<number>;
  /** Whether the article was analysed (canonical members, and copies that add sentences; never a set-aside derived source). */
  analysed: boolean[];
  /** Per article: why it is a derived source (empty for a first-hand one). See derived.ts. */
  derived: DerivedSignal[][];
  /**
   * Derived sources set aside: the story has a first-hand source, so nothing of theirs is analysed, cited or
   * counted (when every source is derived, none is set aside and the composite is made of what there is).
   */
  setAside: boolean[];
  /** Source index position → article index. */
  sourceArticle: number[];
  candidates: Candidate[];
  /** Candidates of each article, in sentence order. */
  byArticle: Candidate[][];
  /** The latest publication day when the sources (set-aside ones left out) span several days, else null. */
  latest: string | null;
}

const CAPTION_START = /^(?:open image in gallery|image|photo|picture|pictured|file photo|watch|video|listen)\b[:\s]/i;
const CREDIT_END = /\((?:[^()]*\/)?\s*(?:AFP|Getty|Reuters|PA|AP|EPA|Alamy|Shutterstock|Bloomberg|handout|PA Wire|PA Media|Getty Images|[A-Z][\w.'-]+ [A-Z][\w.'-]+\/[^()]+)[^()]*\)\s*$/;
const BOILERPLATE = /\b(?:read more|sign up|subscribe|newsletter|click here|advertisement|all rights reserved|cookies?|share this|follow us|download the app|support (?:us|now)|donate)\b/i;
const QUOTE_OPEN = /^["“‘'«]/;
const EMPTY: Analysis = { sentences: [], entities: [], mentions: [], quotes: [], numbers: [], dates: [] };

export function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function stemsOf(text: string): { stems: string[]; common: string[]; numbers: string[] } {
  const stems = new Set<string>();
  const common = new Set<string>();
  const numbers = new Set<string>();
  for (const w of contentWords(text)) {
    if (w.kind === 'number') numbers.add(w.norm.replace(/,/g, ''));
    else {
      stems.add(w.stem);
      if (/^\p{Ll}/u.test(w.text)) common.add(w.stem);
    }
  }
  return { stems: [...stems].sort(), common: [...common].sort(), numbers: [...numbers].sort() };
}

/** Why a sentence cannot stand alone in the composite, or null. */
function ineligibility(s: Sentence, a: Analysis): string | null {
  const t = s.text;
  if (CAPTION_START.test(t) || CREDIT_END.test(t)) return 'caption';
  if (BOILERPLATE.test(t)) return 'boilerplate';
  if (wordCount(t) < 6) return 'fragment';
  if (!/[.!?…"”’']\s*$/.test(t)) return 'fragment';
  // Inside a quotation that opened in an earlier sentence ("... said: "A. B. C."": B and C).
  if (a.quotes.some((q) => q.outerStart < s.start && q.end > s.start + 1)) return 'inside-quote';
  // A quotation that does not close inside the sentence (it runs on into the next paragraph).
  if (a.quotes.some((q) => q.outerStart >= s.start && q.outerStart < s.end && (!q.closed || q.outerEnd > s.end + 1))) return 'open-quote';
  // A quote with no attribution in the sentence itself (a paragraph of bare quote): needs its context.
  if (QUOTE_OPEN.test(t)) {
    const own = a.quotes.filter((q) => q.sentenceIndex === s.index);
    let outside = t;
    for (const q of [...own].sort((x, y) => y.outerStart - x.outerStart)) {
      const from = Math.max(0, q.outerStart - s.start);
      const to = Math.min(t.length, q.outerEnd - s.start);
      outside = outside.slice(0, from) + ' ' + outside.slice(to);
    }
    if (wordCount(outside) < 2) return 'bare-quote';
  }
  return null;
}

/** The latest publication day (YYYY-MM-DD) of articles that span several days; null when one day or undated. */
function latestDay(articles: readonly { published: string | null }[]): string | null {
  const days = [...new Set(articles.map((a) => a.published?.slice(0, 10)).filter((d): d is string => !!d && /^\d{4}-\d\d-\d\d$/.test(d)))].sort();
  return days.length > 1 ? days[days.length - 1]! : null;
}

/**
 * `overtaken`: an earlier day's report of a plan for a day the story has since reached ("Zelensky will fly to
 * Washington on Monday", published on Saturday, in a story whose latest report is Tuesday's): news then, a stale
 * preview now. Read from the dates the analysis resolved as future ("future-tense") before the latest day.
 */
function overtaken(s: Sentence, a: Analysis, published: string | null, latest: string | null): string | null {
  if (!latest || !published || published.slice(0, 10) >= latest) return null;
  const ahead = a.dates.some((d) => d.start >= s.start && d.start < s.end && d.resolvedBy === 'future-tense' && d.date !== null && d.date < latest);
  return ahead ? 'overtaken' : null;
}

/** Sorts articles by id, analyses them, finds (or takes) families, and lists the candidate sentences. */
export function prepare(input: { articles: ComposeArticle[]; families?: Family[] }): Prepared {
  const seen = new Set<string>();
  const articles = [...input.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).filter((a) => !seen.has(a.id) && seen.add(a.id));
  const families = (input.families ?? findFamilies(articles.map((a) => ({ id: a.id, text: a.text, title: a.title, published: a.published, publisher: a.publisher }))))
    .map((f) => ({ ...f, members: f.members.filter((m) => seen.has(m.id)) }))
    .filter((f) => f.members.length > 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pos = new Map(articles.map((a, i) => [a.id, i]));
  const derived = articles.map((a) => derivedSignals(a));
  const anyOriginal = derived.some((d) => d.length === 0);
  const setAside = derived.map((d) => anyOriginal && d.length > 0);
  const familyOf = articles.map(() => -1);
  const canonical = new Set<number>();
  const addsOf = new Map<string, number>();
  families.forEach((f, fi) => {
    for (const m of f.members) {
      const ai = pos.get(m.id);
      if (ai !== undefined && familyOf[ai] === -1) familyOf[ai] = fi;
      addsOf.set(m.id, m.adds.filter((x) => wordCount(x.text) >= 6).length);
    }
    // A family's first-hand member stands for it before a derived one.
    let c = pos.get(f.canonical) ?? pos.get(f.members[0]!.id);
    if (c !== undefined && setAside[c]) c = f.members.map((m) => pos.get(m.id)).find((x) => x !== undefined && !setAside[x]) ?? c;
    if (c !== undefined) canonical.add(c);
  });
  // Articles the given families left out are families of their own.
  articles.forEach((a, i) => {
    if (familyOf[i] !== -1) return;
    families.push({ id: `family:${a.id}`, canonical: a.id, members: [{ id: a.id, similarity: 1, adds: [], drops: [] }] });
    familyOf[i] = families.length - 1;
    canonical.add(i);
  });
  // A copy is represented by its family's canonical member: only copies that add sentences of their own are analysed.
  const analysed = articles.map((a, i) => !setAside[i] && (canonical.has(i) || (addsOf.get(a.id) ?? 0) > 0));
  const sourceArticle = articles.flatMap((_, i) => (analysed[i] ? [i] : []));
  const index = buildSourceIndex(sourceArticle.map((i) => articles[i]!).map((a) => ({ id: a.id, text: a.text, published: a.published, title: a.title, publisher: a.publisher })));
  const analyses: Analysis[] = articles.map(() => EMPTY);
  sourceArticle.forEach((ai, k) => (analyses[ai] = index.sources[k]!.analysis));
  const candidates: Candidate[] = [];
  const byArticle: Candidate[][] = [];
  const latest = latestDay(articles.filter((_, i) => !setAside[i]));
  articles.forEach((art, ai) => {
    const a = analyses[ai]!;
    const list: Candidate[] = [];
    for (const s of a.sentences) {
      const { stems, common, numbers } = stemsOf(s.text);
      const c: Candidate = { key: candidates.length, article: ai, family: familyOf[ai]!, sentence: s, count: a.sentences.length, stems, common, numbers, words: wordCount(s.text), ineligible: ineligibility(s, a) ?? overtaken(s, a, art.published, latest) };
      candidates.push(c);
      list.push(c);
    }
    byArticle.push(list);
  });
  return { articles, analyses, analysed, derived, setAside, sourceArticle, index, families, familyOf, canonical, candidates, byArticle, latest };
}
