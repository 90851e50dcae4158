/**
 * The extractive writer: one merged article per story from many outlets' coverage. Extractive: every sentence is a source
 * sentence (with recorded, deterministic edits for fluency), cites the spans behind it, and is published only if the
 * verifier finds it supported by the story's sources.
 *
 * Pipeline: prepare (analyse, families, candidates) → facts (same sentence across outlets) → rank (centrality,
 * families, position) → MMR selection to the word budget → lede + sections (sub-topic clusters, headings from their
 * own phrases) → rewrites in reading order → verifier gate (rejects are dropped, the rest re-laid out) → key quotes,
 * disagreements, timeline, sources used and not used, provenance.
 * Deterministic: articles are sorted by id first, and every tie is broken by ids or positions.
 */
import { contentWords } from '../text/index.js';
import { namesNotInSpans, verifyClaim, type ClaimResult } from '../verify/index.js';
import { VERSION } from '../version.js';
import { derivedReason } from './derived.js';
import { findDisagreements } from './disagreements.js';
import { groupFacts, jaccard, type Fact } from './facts.js';
import { prepare, sha256, wordCount, type Candidate, type Prepared } from './prepare.js';
import { peopleInStory } from './people.js';
import { foldQuote, keyQuotes } from './quotes.js';
import { contained, cosine, idfOf, rankFacts, REDUNDANT_JACCARD, selectMmr, vectorOf, type Ranked } from './rank.js';
import { NameBook, NameMemory, rewriteSentence } from './rewrite.js';
import { clusterSections, headingFor } from './sections.js';
import {
  DISCLOSURE,
  type Citation,
  type ComposeInput,
  type ComposeOptions,
  type Composite,
  type CompositeSentence,
  type RejectedSentence,
  type Section,
  type SourceNotUsed,
  type SourceUsed,
  type TimelineEntry,
} from './types.js';

export const DEFAULT_WORDS = 600;
/** Citations from other families shown per sentence (beyond the wording's own span). */
const MAX_EXTRA_CITATIONS = 4;
/** Gate rounds: each round drops what the verifier rejects and re-lays out the rest (names, pronouns change). */
const MAX_ROUNDS = 5;
/** A key quote whose speaker a body sentence names, sharing this many content words with it, repeats that sentence. */
const QUOTE_SHARED = 3;

export interface Placed {
  ranked: Ranked;
  /** -1 for the lede, else the section index. */
  section: number;
}

interface Accepted {
  placed: Placed;
  sentence: CompositeSentence;
}

const span = (prep: Prepared, c: Candidate): Citation => ({ articleId: prep.articles[c.article]!.id, start: c.sentence.start, end: c.sentence.end, text: c.sentence.text });

function citationsFor(prep: Prepared, f: Fact): Citation[] {
  const out: Citation[] = [span(prep, f.rep)];
  const fams = new Set([f.rep.family]);
  const others = [...f.members].sort((a, b) => Number(!prep.canonical.has(a.article)) - Number(!prep.canonical.has(b.article)) || a.key - b.key);
  for (const m of others) {
    if (fams.has(m.family) || out.length > MAX_EXTRA_CITATIONS) continue;
    fams.add(m.family);
    out.push(span(prep, m));
  }
  return out;
}

function isPredecessor(prev: Placed | null, cur: Placed): boolean {
  if (!prev || prev.section !== cur.section) return false;
  const r = cur.ranked.fact.rep;
  return prev.ranked.fact.members.some((m) => m.article === r.article && m.sentence.index === r.sentence.index - 1);
}

/**
 * Lede (one or two sentences that open a source) and sections of the rest. `latest`: whether a fact's wording is
 * from the latest day's reports; when some chosen opening is, the lede is one of those.
 */
function layout(chosen: readonly Ranked[], idf: Map<string, number>, latest: (r: Ranked) => boolean = () => false): { placed: Placed[]; sections: Ranked[][] } {
  // A lede opens with its subject named, not a role noun that needs an earlier sentence ("The Prime Minister...").
  const ledeScore = (r: Ranked): number => r.score - (/^The (?:\p{L}+ ){0,2}(?:Prime Minister|PM|president|President|leader|minister|chancellor)\b/u.test(r.fact.rep.sentence.text) ? 0.2 : 0);
  const openings = [...chosen].filter((r) => r.firstIndex <= 1);
  const fresh = openings.filter((r) => r.fact.rep.sentence.index <= 1 && latest(r));
  const ledeish = (fresh.length ? fresh : openings).sort((a, b) => ledeScore(b) - ledeScore(a) || a.fact.id - b.fact.id);
  const first = ledeish[0] ?? [...chosen].sort((a, b) => b.score - a.score || a.fact.id - b.fact.id)[0];
  const lede: Ranked[] = first ? [first] : [];
  // A second lede sentence only where it follows the first in a source (two outlets' openings say one thing twice).
  // (Of the latest day too, when the first is: a story that developed does not go back a day in its lede.)
  const second = first
    ? chosen.find(
        (r) =>
          r !== first &&
          (!fresh.length || latest(r)) &&
          !/^["“‘']/.test(r.fact.rep.sentence.text) &&
          r.fact.members.some((m) => first.fact.members.some((f) => f.article === m.article && m.sentence.index === f.sentence.index + 1)),
      )
    : undefined;
  if (first && second && first.fact.rep.words < 40) lede.push(second);
  const rest = chosen.filter((r) => !lede.includes(r));
  const sections = clusterSections(rest, idf);
  return { placed: [...lede.map((ranked) => ({ ranked, section: -1 })), ...sections.flatMap((s, i) => s.map((ranked) => ({ ranked, section: i })))], sections };
}

function verdictKey(text: string, published: string | null): string {
  return `${published ?? ''}\u0000${text}`;
}

export function composeStory(input: ComposeInput, options: ComposeOptions = {}): Composite {
  return composeWithSources(input, options).composite;
}

/** The composite and what it was made from (the analysed sources and their verifier index), for a second writer. */
/**
 * How a composite chooses its facts and lays them out: a story's article (the default: MMR selection, sub-topic
 * sections) or a storyline's overview (./overview.ts: the latest state, then one section per development).
 */
export interface Plan {
  kind: 'story' | 'overview';
  /** The facts to publish, in priority order (the gate drops rejects and asks again). */
  select(pool: readonly Ranked[], words: number, idf: Map<string, number>, latest: (r: Ranked) => boolean): Ranked[];
  /** Lede (section -1) and sections, in reading order. */
  layout(chosen: readonly Ranked[], idf: Map<string, number>, latest: (r: Ranked) => boolean): { placed: Placed[]; sections: Ranked[][] };
  /** A section's fixed heading (null: one is made from the section's own phrases). */
  heading?(section: number): string | null;
  /** Key quotes and "where sources differ" (an overview leaves them to the stories' own articles). */
  extras: boolean;
}

/** The story article's plan: MMR selection (the latest day's opening first when it developed), sub-topic sections. */
export const storyPlan: Plan = {
  kind: 'story',
  select: (pool, words, idf, latest) => selectMmr(pool, words, idf, (r) => latest(r) && r.fact.rep.sentence.index === 0),
  layout: (chosen, idf, latest) => layout(chosen, idf, latest),
  extras: true,
};

export function composeWithSources(input: ComposeInput, options: ComposeOptions = {}, makePlan: (prep: Prepared) => Plan = () => storyPlan): { composite: Composite; prep: Prepared } {
  const words = Math.max(50, Math.floor(options.words ?? DEFAULT_WORDS));
  const prep = prepare(input);
  const facts = groupFacts(prep);
  const idf = idfOf(prep.candidates);
  // Every source's own text and headline attests the forms its outlet uses ("Starmer hails ..." for Keir Starmer).
  const book = new NameBook(prep.analyses, prep.articles.filter((_, i) => !prep.setAside[i]).flatMap((a) => [a.text, a.title ?? '']));
  const peopleOf = (f: Fact): string[] => {
    const a = prep.analyses[f.rep.article]!;
    const s = f.rep.sentence;
    // The people the sentence is about: those named before its speech verb (the speaker or subject).
    const verb = /\b(?:said|says|told|added|described|called|warned|claimed|insisted|posted)\b/.exec(s.text);
    const until = s.start + (verb ? verb.index : s.text.length);
    const ids = new Set(a.mentions.filter((m) => m.type === 'person' && m.entityId && m.start >= s.start && m.end <= until).map((m) => m.entityId!));
    return [...new Set(a.entities.filter((e) => ids.has(e.id)).map((e) => book.surname(e.name).toLowerCase()))].sort();
  };
  const ranked = rankFacts(facts, idf, peopleOf);
  const plan = makePlan(prep);
  const verdicts = new Map<string, ClaimResult>();
  const verify = (text: string, published: string | null): ClaimResult => {
    const k = verdictKey(text, published);
    let r = verdicts.get(k);
    if (!r) verdicts.set(k, (r = verifyClaim(text, prep.index, { published })));
    return r;
  };

  // A story that developed over days opens with its latest state.
  const last = prep.latest;
  const latest = (r: Ranked): boolean => !!last && prep.articles[r.fact.rep.article]!.published?.slice(0, 10) === last;
  const rejected = new Map<number, RejectedSentence>();
  let accepted: Accepted[] = [];
  let sectionsRanked: Ranked[][] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pool = ranked.filter((r) => !rejected.has(r.fact.id));
    const chosen = plan.select(pool, words, idf, latest);
    const { placed, sections } = plan.layout(chosen, idf, latest);
    sectionsRanked = sections;
    const memory = new NameMemory(book);
    accepted = [];
    let prev: Placed | null = null;
    let newRejects = 0;
    for (const p of placed) {
      const f = p.ranked.fact;
      const published = prep.articles[f.rep.article]!.published;
      let trial = memory.clone();
      let rw = rewriteSentence(prep, f.rep, isPredecessor(prev, p), trial);
      const cites = citationsFor(prep, f);
      if (rw.unresolved) {
        rejected.set(f.id, { text: f.rep.sentence.text, verdict: 'unresolved', note: rw.unresolved, missing: [], citations: cites, rewrites: [] });
        newRejects++;
        continue;
      }
      let v = verify(rw.text, published);
      // A role noun resolved to a name the verifier cannot confirm: the sentence as the source words it.
      if (v.verdict !== 'supported' && rw.rewrites.some((r) => r.kind === 'anaphor')) {
        trial = memory.clone();
        rw = rewriteSentence(prep, f.rep, isPredecessor(prev, p), trial, { anaphors: false });
        if (!rw.unresolved) v = verify(rw.text, published);
      }
      // The entity rule against what the sentence cites: its own span, the other families' spans and the sentence
      // that names a resolved pronoun's person. A name rewrite that fails it gives way to the names as written.
      const spansOf = (ante: typeof rw.antecedent) => [...cites, ...(ante ? [{ articleId: prep.articles[f.rep.article]!.id, start: ante.start, end: ante.end }] : [])].map((c) => ({ sourceId: c.articleId, start: c.start, end: c.end }));
      let gaps = v.verdict === 'supported' ? namesNotInSpans(prep.index, rw.text, spansOf(rw.antecedent)) : [];
      if (gaps.length && rw.rewrites.some((r) => r.kind === 'honorific' || r.kind === 'spelling')) {
        const t2 = memory.clone();
        const rw2 = rewriteSentence(prep, f.rep, isPredecessor(prev, p), t2, { names: false });
        if (!rw2.unresolved) {
          const v2 = verify(rw2.text, published);
          const g2 = v2.verdict === 'supported' ? namesNotInSpans(prep.index, rw2.text, spansOf(rw2.antecedent)) : ['(unsupported)'];
          if (!g2.length) [trial, rw, v, gaps] = [t2, rw2, v2, g2];
        }
      }
      if (gaps.length) v = { ...v, verdict: 'unsupported', note: `name not in the cited spans: ${gaps.join(', ')}` };
      if (v.verdict !== 'supported') {
        rejected.set(f.id, { text: rw.text, verdict: v.verdict, note: v.note ?? (v.conflicts[0]?.explanation ?? `missing: ${v.missing.join(', ')}`), missing: v.missing, citations: cites, rewrites: rw.rewrites });
        newRejects++;
        continue;
      }
      for (const s of trial.seen) memory.seen.add(s);
      if (rw.antecedent) cites.splice(1, 0, { articleId: prep.articles[f.rep.article]!.id, start: rw.antecedent.start, end: rw.antecedent.end, text: rw.antecedent.text });
      accepted.push({ placed: p, sentence: { text: rw.text, citations: cites, families: f.families, rewrites: rw.rewrites, verdict: v.verdict, score: v.score, evidence: v.evidence } });
      prev = p;
    }
    if (!newRejects) break;
  }

  // Lede and sections, paragraphs within sections.
  const lede = accepted.filter((a) => a.placed.section === -1).map((a) => a.sentence);
  const sections: Section[] = [];
  const taken = new Set<string>();
  // Every usable sentence of the sources (one per fact), for how often the coverage writes a heading's phrase.
  const storyStems = facts.filter((f) => f.eligible).map((f) => new Set(f.members.flatMap((m) => m.stems)));
  sectionsRanked.forEach((_, si) => {
    const items = accepted.filter((a) => a.placed.section === si);
    if (!items.length) return;
    const info: { stray?: boolean } = {};
    const heading = plan.heading?.(si) ?? headingFor(items.map((a) => a.sentence.text), idf, taken, accepted.filter((a) => a.placed.section !== si).map((a) => a.sentence.text), storyStems, info);
    // A section with no topic the coverage writes twice ("Brown silt": one reporter's colour line and an aside) is
    // no section: its sentences close the section before it.
    const into = info.stray && !plan.heading ? sections[sections.length - 1] : undefined;
    if (!into) taken.add(heading.toLowerCase());
    const paragraphs: CompositeSentence[][] = [];
    let cur: CompositeSentence[] = [];
    let prev: Placed | null = null;
    for (const a of items) {
      if (cur.length && ((cur.length >= 2 && !isPredecessor(prev, a.placed)) || cur.length >= 4)) {
        paragraphs.push(cur);
        cur = [];
      }
      cur.push(a.sentence);
      prev = a.placed;
    }
    if (cur.length) paragraphs.push(cur);
    if (into) into.paragraphs.push(...paragraphs);
    else sections.push({ heading, paragraphs });
  });
  const body = [...lede, ...sections.flatMap((s) => s.paragraphs.flat())];

  // Headline: the source headline closest to what the composite says (ties: more families, then id).
  const centroid = new Map<string, number>();
  for (const a of accepted) for (const [k, w] of a.placed.ranked.vec) centroid.set(k, (centroid.get(k) ?? 0) + w);
  const titled = prep.articles
    .map((a, i) => ({ a, i }))
    .filter(({ a, i }) => a.title && wordCount(a.title) >= 4 && !prep.setAside[i])
    .map(({ a, i }) => {
      const v = vectorOf(stemList(a.title!), idf);
      const sameTitleFams = new Set(prep.articles.flatMap((b, j) => (b.title === a.title && !prep.setAside[j] ? [prep.familyOf[j]!] : []))).size;
      return { a, i, score: cosine(v, centroid) + 0.05 * sameTitleFams };
    })
    .sort((x, y) => y.score - x.score || (x.a.id < y.a.id ? -1 : 1));
  const leadSentence = lede[0] ?? body[0];
  const given = input.headline?.trim();
  const givenOwner = given ? prep.articles.find((a, i) => !prep.setAside[i] && a.title?.trim() === given) : undefined;
  const headline: Composite['headline'] = given
    ? { text: given, articleId: givenOwner?.id ?? null, citation: null, from: givenOwner ? 'source-headline' : 'story-title' }
    : titled[0]
    ? { text: titled[0].a.title!.trim(), articleId: titled[0].a.id, citation: null, from: 'source-headline' }
    : { text: leadSentence?.text ?? '(no sentence of the sources could be published)', articleId: leadSentence?.citations[0]?.articleId ?? null, citation: leadSentence?.citations[0] ?? null, from: 'lede-sentence' };

  // Key quotes: not ones the body already carries.
  const bodyFolded = new Set(body.map((s) => foldQuote(s.text)));
  const bodyStems = body.map((s) => stemList(s.text));
  const quotes = !plan.extras ? [] : keyQuotes(prep, (speaker, aliases) => book.full(speaker, aliases), bodyFolded, (q, speaker) => {
    const st = stemList(q);
    const surname = book.surname(speaker);
    // The same words, or the same speaker's point already told in the body (three or more content words shared).
    return bodyStems.some((b, i) => contained(st, b, idf) || jaccard(st, b) >= REDUNDANT_JACCARD || (body[i]!.text.includes(surname) && st.filter((x) => b.includes(x)).length >= QUOTE_SHARED));
  });

  const people = peopleInStory(prep, book);

  // Sources used and not used.
  const cited = new Map<string, number>();
  for (const s of body) for (const c of s.citations) cited.set(c.articleId, (cited.get(c.articleId) ?? 0) + 1);
  if (headline.articleId) cited.set(headline.articleId, cited.get(headline.articleId) ?? 0);
  for (const q of quotes) cited.set(q.citation.articleId, (cited.get(q.citation.articleId) ?? 0) + 1);
  for (const p of people) for (const c of p.citations) cited.set(c.articleId, (cited.get(c.articleId) ?? 0) + 1);
  const disagreements = plan.extras ? findDisagreements(prep) : [];
  for (const d of disagreements) for (const v of d.values) for (const c of v.citations) cited.set(c.articleId, (cited.get(c.articleId) ?? 0) + 1);
  const sourcesUsed: SourceUsed[] = [];
  const sourcesNotUsed: SourceNotUsed[] = [];
  prep.articles.forEach((a, i) => {
    const fam = prep.families[prep.familyOf[i]!]!;
    const derived = prep.derived[i]!;
    const base = { articleId: a.id, publisher: a.publisher, title: a.title, url: a.url, via: a.via, familyId: fam.id, published: a.published, ...(derived.length ? { derived } : {}) };
    const n = cited.get(a.id);
    if (n !== undefined) sourcesUsed.push({ ...base, cited: n });
    else {
      const usable = prep.byArticle[i]!.some((c) => c.ineligible === null);
      const canonicalId = prep.articles[[...prep.canonical].find((k) => prep.familyOf[k] === prep.familyOf[i]) ?? -1]?.id ?? fam.canonical;
      const reason = prep.setAside[i]
        ? derivedReason(derived)
        : !prep.canonical.has(i)
          ? `duplicate of ${fam.id} (canonical: ${canonicalId})${prep.analysed[i] ? '; its own additions were not selected' : ''}`
          : !usable
            ? 'no usable sentences'
            : 'nothing selected';
      sourcesNotUsed.push({ ...base, reason });
    }
  });

  const timeline: TimelineEntry[] = (input.storyline?.stories ?? [])
    .map((s) => ({ storyId: s.id, title: s.title, published: s.published, current: s.id === (input.storyId ?? null) }))
    .sort((a, b) => ((a.published ?? '') < (b.published ?? '') ? -1 : (a.published ?? '') > (b.published ?? '') ? 1 : a.storyId < b.storyId ? -1 : 1));

  const dates = prep.articles.map((a) => a.published).filter((d): d is string => !!d).sort();
  const ids = prep.articles.map((a) => a.id);
  const composite: Composite = {
    id: `${plan.kind === 'overview' ? 'overview' : 'composite'}:${sha256(ids.join('\n')).slice(0, 12)}`,
    ...(plan.kind === 'overview' ? { kind: 'overview' as const } : {}),
    headline,
    lede,
    sections,
    quotes,
    people,
    disagreements,
    timeline,
    sourcesUsed,
    sourcesNotUsed,
    disclosure: DISCLOSURE,
    published: { first: dates[0] ?? null, last: dates[dates.length - 1] ?? null },
    words: body.reduce((s, x) => s + wordCount(x.text), 0),
    provenance: {
      version: VERSION,
      inputs: prep.articles.map((a, i) => ({ articleId: a.id, sha256: sha256(a.text), chars: a.text.length, familyId: prep.families[prep.familyOf[i]!]!.id })),
      families: prep.families.map((f) => ({ id: f.id, canonical: f.canonical, members: f.members.map((m) => m.id) })),
      options: { words },
      verdicts: body.map((s) => ({ text: s.text, verdict: s.verdict, score: s.score, evidence: s.evidence })),
      rejected: [...rejected.values()],
      counts: { sentences: prep.candidates.length, facts: facts.length, selected: accepted.length + rejected.size, published: body.length },
      writer: { kind: 'extractive' },
    },
  };
  return { composite, prep };
}

/** Sorted unique content stems of the words (numbers left out). */
function stemList(text: string): string[] {
  return [...new Set(contentWords(text).filter((w) => w.kind === 'word').map((w) => w.stem))].sort();
}
