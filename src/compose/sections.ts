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
/** No section grows past this many sentences by similarity (or the share of MAX_SECTIONS, when more). */
export const MAX_SECTION = 6;
/** A topic phrase shared by this many selected sentences founds a section (a thread); at most MAX_THREADS such. */
export const THREAD_MIN = 3;
export const MAX_THREADS = 3;
/** Share of the similarity that comes from what is said (common words) rather than who (names): names recur everywhere. */
export const SAID_SHARE = 0.6;

/** A sentence that leans on the one before it: opens with a connective or pronoun, or has its subject as a pronoun. */
export function needsContext(text: string): boolean {
  const t = maskQuotes(text);
  return (
    /^(?:And|But|Meanwhile|However|Yet|Still|Also|So|Instead|Then|In exchange|In return|He|She|They|His|Her|Their|It|Its|This|These|Those)\b/.test(t) ||
    /^(?:In|At|On|After|Before|When|As|Since|Then|For|With|During|Later|Earlier|Instead)\s+(?:\p{Ll}\S*\s+){0,3}(?:he|she|they)\b/u.test(t) ||
    // A quote attributed by pronoun ("“...,” he said."): its speaker is named in the sentence before.
    /^\|+[,.!?]?\|*\s*(?:he|she|they)\s+(?:said|added|told|says|adds|continued|explained|insisted|warned)\b/.test(t)
  );
}

/**
 * How good a heading a phrase makes, before counting the sentences that share it: a multi-word noun phrase over a
 * single word, a topic over a name; specificity counts only by its square root (the story's own topic, "security
 * guarantees", is common across its sources, which is what makes it the heading).
 */
export function phraseWeight(p: Phrase, idf: Map<string, number>): number {
  const mean = p.stems.reduce((sum, st) => sum + (idf.get(st) ?? 1), 0) / p.stems.length;
  return Math.sqrt(mean) * (p.stems.length === 1 ? 0.6 : p.stems.length === 2 ? 1 : 1.1) * (p.proper ? 0.5 : 1);
}

function link(a: readonly Ranked[], b: readonly Ranked[]): number {
  let s = 0;
  for (const x of a) for (const y of b) s += SAID_SHARE * cosine(x.said, y.said) + (1 - SAID_SHARE) * cosine(x.vec, y.vec);
  return s / (a.length * b.length);
}

/**
 * Sections: average-link agglomeration on TF-IDF cosine, no section past a cap; a sentence that leans on its source
 * predecessor follows it; a lone sentence joins its closest section. Sections read in source order inside, and by
 * where their first sentence sits in the sources.
 */
export function clusterSections(items: readonly Ranked[], idf: Map<string, number> = new Map()): Ranked[][] {
  const sorted = [...items].sort((a, b) => a.order - b.order || a.fact.id - b.fact.id);
  if (sorted.length <= 2) return sorted.length ? [sorted] : [];
  const target = Math.max(1, Math.min(MAX_SECTIONS, Math.round(items.length / SENTENCES_PER_SECTION)));
  const cap = Math.max(MAX_SECTION, Math.ceil(items.length / MAX_SECTIONS));
  // Threads first: a topic phrase (not a name) that THREAD_MIN or more sentences share founds a section of them.
  const founded: Ranked[][] = [];
  const taken = new Set<Ranked>();
  const stemSets = new Map(sorted.map((r) => [r, new Set(r.fact.rep.stems)]));
  const phrases = new Map<string, Phrase>();
  for (const r of sorted) for (const p of phrasesOf(r.fact.rep.sentence.text)) if (!p.proper && !phrases.has(p.key)) phrases.set(p.key, p);
  const byKey = [...phrases.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  while (founded.length < Math.min(MAX_THREADS, target)) {
    let best: Ranked[] = [];
    let bestV = 0;
    for (const p of byKey) {
      const members = sorted.filter((r) => !taken.has(r) && p.stems.every((st) => stemSets.get(r)!.has(st)));
      // A one-word topic must be shared more widely than a phrase to found a thread ("talks" is in half the story).
      if (members.length < THREAD_MIN + (p.stems.length === 1 ? 1 : 0)) continue;
      const v = Math.pow(Math.min(members.length, cap), 1.3) * phraseWeight(p, idf);
      if (v > bestV + 1e-12) [best, bestV] = [members.slice(0, cap), v];
    }
    if (!best.length) break;
    for (const r of best) taken.add(r);
    founded.push(best);
  }
  // A sentence close to a thread joins it (while it has room); the rest: average-link agglomeration, capped.
  for (const r of sorted) {
    if (taken.has(r) || !founded.length) continue;
    let bj = -1;
    let bv = MERGE_COSINE;
    founded.forEach((c, j) => {
      const v = link([r], c);
      if (c.length < cap && v >= bv) [bj, bv] = [j, v];
    });
    if (bj >= 0) {
      founded[bj]!.push(r);
      taken.add(r);
    }
  }
  let clusters: Ranked[][] = sorted.filter((r) => !taken.has(r)).map((r) => [r]);
  const total = (): number => founded.length + clusters.length;
  while (clusters.length > 1) {
    let bi = -1;
    let bj = -1;
    let bv = -1;
    for (let i = 0; i < clusters.length; i++)
      for (let j = i + 1; j < clusters.length; j++) {
        // No section grows past the cap: one theme per section, not the whole story in one.
        if (clusters[i]!.length + clusters[j]!.length > cap) continue;
        const v = link(clusters[i]!, clusters[j]!);
        if (v > bv + 1e-12) [bi, bj, bv] = [i, j, v];
      }
    if (bi < 0 || (total() <= target && bv < MERGE_COSINE)) break;
    clusters[bi] = [...clusters[bi]!, ...clusters[bj]!];
    clusters.splice(bj, 1);
  }
  clusters = [...founded, ...clusters];
  // A sentence whose source predecessor is in the article follows it (its "he", "in exchange" keep their context).
  const follows = (prev: Ranked, cur: Ranked): boolean => needsContext(cur.fact.rep.sentence.text) && prev.fact.members.some((m) => cur.fact.members.some((c) => c.article === m.article && c.sentence.index === m.sentence.index + 1));
  for (const c of clusters) c.sort((a, b) => a.order - b.order || a.fact.id - b.fact.id);
  for (let moved = true, guard = 0; moved && guard < items.length; guard++) {
    moved = false;
    for (const c of clusters)
      for (const cur of [...c]) {
        const home = clusters.find((d) => d.some((p) => p !== cur && follows(p, cur)));
        if (!home) continue;
        const prev = home.find((p) => p !== cur && follows(p, cur))!;
        if (home === c && c.indexOf(cur) === c.indexOf(prev) + 1) continue;
        c.splice(c.indexOf(cur), 1);
        home.splice(home.indexOf(prev) + 1, 0, cur);
        moved = true;
      }
  }
  clusters = clusters.filter((c) => c.length);
  // A one-sentence section is no section: it joins the section it is closest to.
  for (let i = clusters.length - 1; i >= 0 && clusters.length > 1; i--) {
    if (clusters[i]!.length !== 1) continue;
    const [one] = clusters.splice(i, 1);
    let bj = 0;
    let bv = -1;
    clusters.forEach((c, j) => {
      const v = link(one!, c);
      if (v > bv + 1e-12) [bj, bv] = [j, v];
    });
    clusters[bj]!.push(...one!);
    clusters[bj]!.sort((a, b) => a.order - b.order || a.fact.id - b.fact.id);
  }
  // Threads first (the story's main topics, in source order), then the rest.
  const threads = new Set(founded);
  clusters.sort((a, b) => Number(threads.has(b)) - Number(threads.has(a)) || a[0]!.order - b[0]!.order || a[0]!.fact.id - b[0]!.fact.id);
  return clusters;
}

/** Words that never head a section: speech verbs, days, months, honorifics, vague nouns. */
const NOT_HEAD = new Set(
  ('said say says told tell added add described describe called call claimed claim insisted insist warned warn posted ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december mr mrs ms sir dame dr lord lady week weekend today yesterday tomorrow morning evening night ' +
    'also would could will one two three first last new year years time people way later earlier early prime minister president ' +
    'secretary general chancellor leader pm us uk stood took went came made gave found left met held began saw thought knew felt kept ' +
    'brought sent spoke wrote ran won lost got put set led spent told paid sold heard meant second third fourth fifth ' +
    'hundreds thousands millions billions dozens half part lot number rest four five six seven eight nine ten eleven twelve ' +
    'twenty thirty forty fifty hundred thousand million billion ' +
    // prepositions and adverbs the stopword list lets through: they end a noun phrase
    'alongside amid amidst despite towards toward across behind beyond within without near via per including ahead among amongst ' +
    'onto upon inside outside throughout versus around along beside besides underneath whilst while').split(' '),
);
/** Verb forms, adverbs and a few adjectives make poor labels ("Suggested Measures Similar"). */
/** Irregular past tenses (lower case only: "Hollin Fell" is a name, "fell" a verb). */
const IRREGULAR_PAST = new Set(
  'struck drew fell rose threw grew wore bore broke chose drove flew hid ate fought caught taught bought sought stuck swept slept wept dealt built lent shook woke froze sank sang rang swam began'.split(' '),
);
const NOUN_ING = new Set(['meeting', 'meetings', 'briefing', 'funding', 'building', 'spending', 'ceasefire', 'housing', 'flooding', 'ruling', 'hearing', 'warning', 'warnings', 'shooting', 'bombing', 'polling', 'talks', 'red']);
function notNoun(w: string): boolean {
  if (NOUN_ING.has(w)) return false;
  return /(?:ed|ing|ly)$/.test(w) || ['good', 'bad', 'great', 'real', 'best', 'worst', 'big', 'small', 'full', 'empty', 'lower', 'upper', 'twice', 'once', 'again', 'similar', 'overnight', 'further', 'already', 'several', 'possible', 'many', 'much', 'more', 'most', 'other', 'own', 'such', 'very', 'whole', 'entire', 'next', 'previous', 'former', 'latest', 'recent'].includes(w);
}
/**
 * Quoted speech replaced by bars (same length, so offsets hold): headings are the article's words, not a speaker's.
 * A short quoted term (at most SHORT_QUOTE words: a “security guarantee”) is the outlet's own term: only its marks go.
 */
export function maskQuotes(text: string): string {
  const mask = (q: string): string => (q.split(/\s+/).length <= SHORT_QUOTE ? `|${q.slice(1, -1)}|` : '|'.repeat(q.length));
  return text.replace(/["“][^"“”]*["”]/g, mask).replace(/(^|[\s(])([‘'][^‘’']*[’'])(?=[\s,.;:!?)]|$)/g, (_m, pre: string, q: string) => pre + mask(q));
}
const SHORT_QUOTE = 4;
/**
 * A phrase the sources write in this many sentences counts fully (the factor is (log(1 + n) / log(1 + RECUR_SCALE))²);
 * in one sentence, a tenth. 8: about the number of times the seeds write "security guarantees" and examples/corpus writes
 * "spillway gate", the topics their headings should name.
 */
const RECUR_SCALE = 8;
/** A second phrase ("Ceasefire and territory") must score at least this share of the best. */
const SECOND_SHARE = 0.5;
/**
 * A phrase of several words takes the place of a single word only when the story's sources write it in at least this
 * many sentences: 2 lets "three-way meeting" (seeds) replace "meeting" and keeps out "sister home" and "brown silt"
 * (examples/corpus), which one sentence each writes.
 */
const MIN_WRITTEN = 2;

export interface Phrase {
  key: string;
  stems: string[];
  text: string;
  /** Every word capitalised: a name ("Mark Rutte"), a weak heading by itself. */
  proper: boolean;
}

/**
 * Noun-phrase candidates of a sentence: runs of 1-3 adjacent content words (no punctuation or quote mark between,
 * no verbs, adverbs, speech words or days), the multi-word ones ending where the run ends (English heads come last:
 * "security guarantees", "three-way meeting"), keyed by stems.
 */
export function phrasesOf(raw: string, quoted = false): Phrase[] {
  const text = quoted ? raw.replace(/["“”‘’]/g, (q) => (q === '’' ? q : ' ')) : maskQuotes(raw);
  const content = new Map(contentWords(text).map((w) => [w.start, w]));
  const toks = tokenize(text);
  const ok = (i: number): boolean => {
    const t = toks[i];
    return !!t && content.has(t.start) && t.kind !== 'number' && !NOT_HEAD.has(t.norm) && !notNoun(t.norm) && t.text.length > 1 && !(/^\p{Ll}/u.test(t.text) && IRREGULAR_PAST.has(t.norm));
  };
  const joined = (i: number): boolean => i > 0 && /^[\s]*$|^-$/.test(text.slice(toks[i - 1]!.end, toks[i]!.start));
  const out: Phrase[] = [];
  // A lower-case word after a determiner, preposition or possessive is a noun (or its adjective), not a verb.
  const nounish = (a: number): boolean => {
    if (/^\p{Lu}/u.test(toks[a]!.text)) return true;
    const prev = toks[a - 1];
    return !!prev && /^(?:the|a|an|of|on|for|in|with|about|over|his|her|their|its|our|your|this|that|these|those|any|some|no|new|further|after|before|between|from|at|by|into|against)$/.test(prev.norm) || (!!prev && /['’]s$/.test(prev.text));
  };
  let i = 0;
  while (i < toks.length) {
    if (!ok(i)) {
      i++;
      continue;
    }
    let end = i + 1;
    // A lower-case word ending in -s right after a name is its verb ("the Mercury understands"), not part of a phrase.
    while (ok(end) && joined(end) && !(/^\p{Lu}/u.test(toks[end - 1]!.text) && /^\p{Ll}.*[^s]s$/u.test(toks[end]!.text))) end++;
    // Every phrase that ends at the run's end or is a single word of it.
    // A run cut from a longer name ("St Aidan's Church hall" without "St") is no phrase.
    const cut = (a: number): boolean => a > 0 && joined(a) && /^\p{Lu}/u.test(toks[a - 1]!.text) && /^\p{Lu}/u.test(toks[a]!.text);
    for (let a = i; a < end; a++) {
      for (const b of new Set([a + 1, end])) {
        if (b - a > 3 || b <= a) continue;
        if (!nounish(a) || cut(a)) continue;
        // A phrase ends on its head noun, not on a possessive ("Museum's").
        if (/['’]s$/.test(toks[b - 1]!.text)) continue;
        const run = toks.slice(a, b);
        const stems = run.map((t) => content.get(t.start)!.stem);
        out.push({ key: stems.join(' '), stems, text: text.slice(run[0]!.start, run[run.length - 1]!.end), proper: run.every((t) => /^\p{Lu}/u.test(t.text)) });
      }
    }
    i = end;
  }
  return out;
}

/** Sentence case of a phrase: the first letter up, every other word as the sources write it. */
function sentenceCase(phrase: string): string {
  return phrase ? phrase[0]!.toUpperCase() + phrase.slice(1) : phrase;
}

/**
 * A short heading (at most 6 words) built from the section's own most telling noun phrase: one shared by most of its
 * sentences, specific (IDF), and more the section's than the rest of the article's (`others`: the article's other
 * sentences). Names alone ("Mark Rutte") rank below topics ("Security guarantees"); a one-word head takes a second
 * phrase ("Ceasefire and territory"). Never a word that is not in the section.
 */
export function headingFor(sentences: readonly string[], idf: Map<string, number>, taken: ReadonlySet<string>, others: readonly string[] = [], story: readonly ReadonlySet<string>[] = [], info: { stray?: boolean } = {}): string {
  const stemSets = sentences.map((x) => new Set(contentWords(x).map((w) => w.stem)));
  // How often the story's sources write a phrase (all their sentences, not only the published ones): a sub-editor's
  // heading names what the coverage keeps returning to ("security guarantees", "the inquiry"), not a noun one
  // sentence happens to use ("brown silt").
  const written = (p: Phrase): number => (story.length ? story.filter((set) => p.stems.every((st) => set.has(st))).length : RECUR_SCALE);
  const recurs = (p: Phrase): number => Math.min(1, Math.log(1 + written(p)) / Math.log(1 + RECUR_SCALE)) ** 2;
  // A phrase of several words the coverage writes only once is a stray ("sister home", "brown silt").
  const stray = (p: Phrase): boolean => written(p) < MIN_WRITTEN;
  const otherSets = others.map((x) => new Set(contentWords(x).map((w) => w.stem)));
  const has = (set: Set<string>, p: Phrase): boolean => p.stems.every((st) => set.has(st));
  const phrases = new Map<string, Phrase>();
  // Each phrase in its most frequent written form ("security guarantees" over one "security guarantee").
  const forms = new Map<string, number>();
  // The article's own words, outside quotation; a section told only in quotes ("Trump later added: “...”") takes
  // the quoted words, a speaker's name alone being no heading.
  const ownWords = sentences.some((x) => phrasesOf(x).some((p) => !p.proper));
  for (const x of sentences)
    for (const p of phrasesOf(x, !ownWords)) {
      const n = (forms.get(p.text) ?? 0) + 1;
      forms.set(p.text, n);
      const cur = phrases.get(p.key);
      if (!cur || (cur.proper && !p.proper) || (cur.proper === p.proper && n > (forms.get(cur.text) ?? 0))) phrases.set(p.key, p);
    }
  const scored = [...phrases.values()]
    .map((p) => {
      const support = stemSets.filter((set) => has(set, p)).length;
      const outside = otherSets.filter((set) => has(set, p)).length;
      const distinct = support / (support + outside);
      const v = Math.pow(support, 1.3) * phraseWeight(p, idf) * (0.5 + 0.5 * distinct) * recurs(p);
      return { p, v, support };
    })
    .sort((a, b) => b.v - a.v || b.p.stems.length - a.p.stems.length || (a.p.key < b.p.key ? -1 : 1));
  const out: Phrase[] = [];
  let top = 0;
  for (const { p, v, support } of scored) {
    if (taken.has(p.text.toLowerCase())) continue;
    // A name alone is a weak heading: any common phrase of the section goes first.
    if (!out.length && p.proper && scored.some((x) => !x.p.proper && !taken.has(x.p.text.toLowerCase()))) continue;
    if (!out.length) {
      // A one-word head takes the longest phrase of the section it heads ("meeting" → "three-way meeting").
      // (One the coverage writes too: "sister home" from one sentence does not replace "home".)
      const longer = p.stems.length === 1 && !p.proper ? scored.find((x) => x.p.stems.length > 1 && !x.p.proper && x.p.stems[x.p.stems.length - 1] === p.stems[0] && !stray(x.p) && !taken.has(x.p.text.toLowerCase())) : undefined;
      out.push(longer?.p ?? p);
      top = v;
      if (longer || p.stems.length > 1 || support < 2) break;
      continue;
    }
    // A second phrase only when it is nearly as telling and shared too ("Ceasefire and territory"); after a single
    // word, a phrase of several words that names the section is looked for first (below).
    if (v < top * SECOND_SHARE || support < 2 || out[0]!.stems.length === 1) break;
    if (!p.stems.some((st) => out[0]!.stems.includes(st))) {
      out.push(p);
      break;
    }
  }
  // One common word says too little to head a section ("Water"): the section's best phrase of several words instead,
  // else its two best words ("Water and homes").
  // Names come after common phrases here too, and serve only when nothing else does ("Centres and Marrowby").
  if (out.length === 1 && out[0]!.stems.length === 1 && !out[0]!.proper) {
    const free = scored.filter((x) => !taken.has(x.p.text.toLowerCase()) && x.p !== out[0]).sort((a, b) => Number(a.p.proper) - Number(b.p.proper));
    const phrase = free.find((x) => x.p.stems.length > 1 && !x.p.proper && !stray(x.p));
    if (phrase) out[0] = phrase.p;
    else {
      const word = free.find((x) => !x.p.stems.some((st) => out[0]!.stems.includes(st)) && !(x.p.stems.length > 1 && stray(x.p)));
      if (word) out.push(word.p);
    }
  }
  // Whether the heading rests on nothing the coverage writes twice: the section then has no topic of its own.
  info.stray = story.length > 0 && out.every((p) => stray(p));
  // A second phrase in lower case where a sentence's capital opened it ("Defender Ollie Varga" → "defender Ollie Varga").
  const lower = (t: string): string => t[0]!.toLowerCase() + t.slice(1);
  const heading = sentenceCase(out.map((p, i) => (i > 0 && !p.proper ? lower(p.text) : p.text)).join(' and ')).split(/\s+/).slice(0, 6).join(' ');
  return heading || 'More details';
}
