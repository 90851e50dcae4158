/**
 * Sections: the selected facts (after the lede) clustered by sub-topic (average-link agglomeration on TF-IDF cosine
 * of content stems, entity names counting as stems), each headed by a label built from its own key phrases.
 */
import { contentWords, tokenize } from '../text/index.js';
import { cosine, type Ranked } from './rank.js';

/** Clusters this similar or more always merge; below it they merge only while there are too many sections. */
export const MERGE_COSINE = 0.12;
/** About this many sentences per section. */
export const SENTENCES_PER_SECTION = 4;
export const MAX_SECTIONS = 6;
/** Sections stop growing by similarity alone at this many sentences. */
export const MAX_SECTION = 6;

export function clusterSections(items: readonly Ranked[]): Ranked[][] {
  let clusters: Ranked[][] = [...items].sort((a, b) => a.order - b.order || a.fact.id - b.fact.id).map((r) => [r]);
  const target = Math.max(1, Math.min(MAX_SECTIONS, Math.round(items.length / SENTENCES_PER_SECTION)));
  const link = (a: Ranked[], b: Ranked[]): number => {
    let s = 0;
    for (const x of a) for (const y of b) s += cosine(x.vec, y.vec);
    return s / (a.length * b.length);
  };
  while (clusters.length > 1) {
    let bi = -1;
    let bj = -1;
    let bv = -1;
    for (let i = 0; i < clusters.length; i++)
      for (let j = i + 1; j < clusters.length; j++) {
        const v = link(clusters[i]!, clusters[j]!);
        if (v > bv + 1e-12) {
          bv = v;
          bi = i;
          bj = j;
        }
      }
    if (clusters.length <= target && bv < MERGE_COSINE) break;
    if (clusters.length <= target && clusters[bi]!.length + clusters[bj]!.length > MAX_SECTION) break;
    clusters[bi] = [...clusters[bi]!, ...clusters[bj]!];
    clusters.splice(bj, 1);
    clusters = clusters.filter((c) => c.length);
  }
  // A one-sentence section is no section: it joins the section it is closest to.
  for (let i = clusters.length - 1; i >= 0 && clusters.length > 1; i--) {
    if (clusters[i]!.length !== 1) continue;
    let bj = -1;
    let bv = -1;
    for (let j = 0; j < clusters.length; j++) if (j !== i && link(clusters[i]!, clusters[j]!) > bv + 1e-12) [bj, bv] = [j, link(clusters[i]!, clusters[j]!)];
    clusters[bj]!.push(...clusters[i]!);
    clusters.splice(i, 1);
  }
  for (const c of clusters) c.sort((a, b) => a.order - b.order || a.fact.id - b.fact.id);
  clusters.sort((a, b) => a[0]!.order - b[0]!.order || a[0]!.fact.id - b[0]!.fact.id);
  return clusters;
}

/** Words that never head a section: speech verbs, days, months, honorifics, vague nouns. */
const NOT_HEAD = new Set(
  ('said say says told tell added add described describe called call claimed claim insisted insist warned warn posted ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december mr mrs ms sir dame dr lord lady week weekend today yesterday tomorrow morning evening night ' +
    'also would could will one two three first last new year years time people way later earlier early prime minister president ' +
    'secretary general chancellor leader pm us uk').split(' '),
);
/** Verb forms, adverbs and a few adjectives make poor labels ("Suggested Measures Similar"). */
const NOUN_ING = new Set(['meeting', 'meetings', 'briefing', 'funding', 'building', 'spending', 'ceasefire', 'housing', 'flooding', 'ruling', 'hearing', 'warning', 'warnings', 'shooting', 'bombing', 'polling', 'talks', 'red']);
function notNoun(w: string): boolean {
  if (NOUN_ING.has(w)) return false;
  return /(?:ed|ing|ly)$/.test(w) || ['similar', 'overnight', 'further', 'already', 'several', 'possible', 'many', 'much', 'more', 'most', 'other', 'own', 'such', 'very', 'whole', 'entire', 'next', 'previous', 'former', 'latest', 'recent'].includes(w);
}
const SMALL = new Set(['of', 'and', 'the', 'on', 'for', 'in', 'to', 'a', 'an', 'with', 'at']);

function titleCase(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((w, i) => (i > 0 && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : /^\p{Ll}/u.test(w) ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

interface Phrase {
  key: string;
  text: string;
  sentences: Set<number>;
  weight: number;
}

/** Runs of 1-3 adjacent content words (no punctuation between, outside quotes), keyed by stems. */
function phrasesOf(text: string, idf: Map<string, number>, into: Map<string, Phrase>, sentence: number): void {
  const plain = text.replace(/["“”‘’'][^"“”‘’']*["“”’]/g, ' | ');
  const content = new Map(contentWords(plain).map((w) => [w.start, w]));
  const toks = tokenize(plain);
  const ok = (i: number): boolean => {
    const t = toks[i];
    return !!t && content.has(t.start) && t.kind !== 'number' && !NOT_HEAD.has(t.norm) && !notNoun(t.norm);
  };
  const joined = (i: number): boolean => i > 0 && !/[^\s-]/.test(plain.slice(toks[i - 1]!.end, toks[i]!.start));
  for (let i = 0; i < toks.length; i++) {
    // Phrases start where a run of content words starts (no "General Mark Rutte" cut from a longer title).
    const runStart = !(ok(i - 1) && joined(i));
    let runLen = 0;
    while (ok(i + runLen) && (runLen === 0 || joined(i + runLen))) runLen++;
    for (let n = 1; n <= 3 && i + n <= toks.length; n++) {
      // Multi-word phrases: whole runs of content words only (no "General Mark Rutte" cut from a longer title).
      if (n > 1 && (!runStart || n !== runLen)) continue;
      const run = toks.slice(i, i + n);
      if (run.some((_, k) => !ok(i + k))) break;
      if (n > 1 && /[^\s-]/.test(plain.slice(run[n - 2]!.end, run[n - 1]!.start))) break;
      const stems = run.map((t) => content.get(t.start)!.stem);
      const key = stems.join(' ');
      const w = stems.reduce((s, x) => s + (idf.get(x) ?? 0), 0) * (n === 1 ? 0.8 : 1);
      const p = into.get(key) ?? { key, text: run.map((t) => t.text).join(' '), sentences: new Set<number>(), weight: w };
      p.sentences.add(sentence);
      into.set(key, p);
    }
  }
}

/** A short label (Title Case, at most 6 words) from the section's own most telling phrase. */
export function headingFor(sentences: readonly string[], idf: Map<string, number>, taken: ReadonlySet<string>): string {
  const phrases = new Map<string, Phrase>();
  sentences.forEach((s, i) => phrasesOf(s, idf, phrases, i));
  const ranked = [...phrases.values()]
    .map((p) => ({ p, v: p.weight * Math.pow(p.sentences.size, 1.3) }))
    .sort((a, b) => b.v - a.v || b.p.key.split(' ').length - a.p.key.split(' ').length || (a.p.key < b.p.key ? -1 : 1));
  const out: string[] = [];
  for (const { p } of ranked) {
    const label = titleCase(p.text);
    if (taken.has(label.toLowerCase())) continue;
    // A one-word head takes a second, different phrase ("Ceasefire and Peace").
    if (!out.length) {
      out.push(label);
      if (p.key.includes(' ')) break;
      continue;
    }
    if (!p.key.includes(' ') && !out[0]!.toLowerCase().includes(p.text.toLowerCase())) {
      out.push(label);
      break;
    }
  }
  const heading = out.join(' and ').split(/\s+/).slice(0, 6).join(' ');
  return heading || 'More Details';
}
