/**
 * Actor conflicts: the claim names a person where the aligned source sentence refers to someone else through a role
 * noun or a pronoun ("the president appeared to ..." / "he appeared to ...", where the source's president is another
 * person than the one the claim names). Word-level support cannot see this: the claim's name is usually named
 * somewhere near the evidence.
 *
 * The source mention is aligned with the claim's name by context (the two content words right after it, or the two
 * right before it, are the claim's), then resolved: role nouns through the source's entity chains (src/text/entities:
 * "the Prime Minister" = "Sir Keir Starmer"), pronouns by a conservative walk back to the one person of matching gender
 * the previous sentences name. Same person (any shared name token, across the sources' spellings): fine. A different
 * named person: a conflict. Unresolvable or ambiguous: nothing is said (the word-level verdict stands).
 */
import type { Entity, Mention } from '../text/index.js';
import { isStopword, sentenceAt } from '../text/index.js';
import { HONORIFICS, NATION_KEY } from '../text/lexicon.js';
import { nameTokens, tokenKeys, type IndexedSource, type SourceIndex, type Unit, type UnitToken } from './retrieve.js';
import { unitEvidence } from './slots.js';
import type { ClaimContext, Conflict } from './types.js';

/** Content words on one side of a mention that must agree for the two mentions to fill the same slot. */
const CONTEXT_WORDS = 2;
/** Sentences before a pronoun searched for its antecedent. */
const PRONOUN_WINDOW = 3;

const PRONOUN_RE = /\b(he|she|him)\b/gi;
const PRONOUN_GENDER: Record<string, 'm' | 'f'> = { he: 'm', him: 'm', she: 'f' };
const OBJECT_PRONOUNS = new Set(['him']);

interface ClaimPerson {
  start: number;
  end: number;
  text: string;
  /** Lowercased name tokens the person goes by (the claim's own, its entity's, and matching source people's). */
  names: Set<string>;
  /** The claim's own words for the person name someone the sources know. */
  known: boolean;
}

interface SourceRef {
  start: number;
  end: number;
  text: string;
  entity: Entity;
  via: 'role' | 'pronoun' | 'name';
}

/** Which clash to report when several do: a role noun or a name is surer than a pronoun's antecedent. */
const RANK: Record<SourceRef['via'], number> = { role: 0, name: 1, pronoun: 2 };

const inSpans = (pos: number, spans: readonly [number, number][]): boolean => spans.some(([a, b]) => a <= pos && pos < b);

const sameWord = (a: UnitToken, b: UnitToken): boolean => a.key === b.key || a.syn === b.syn;

function agree(a: readonly UnitToken[], b: readonly UnitToken[]): boolean {
  return a.length === CONTEXT_WORDS && b.length === CONTEXT_WORDS && a.every((t, i) => sameWord(t, b[i]!));
}

/**
 * The content words right after and right before a span (tokens inside it left out), cut where another person's
 * mention or role phrase begins: in "Emmanuel Macron, German chancellor Friedrich Merz" the words after "Macron" are
 * Merz's title, not something said of Macron.
 */
function contextOf(tokens: readonly UnitToken[], start: number, end: number, others: readonly [number, number][] = []): { after: UnitToken[]; before: UnitToken[] } {
  const after: UnitToken[] = [];
  for (const t of tokens) {
    if (t.start < end) continue;
    if (after.length >= CONTEXT_WORDS || inSpans(t.start, others)) break;
    after.push(t);
  }
  const before: UnitToken[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.end > start) continue;
    if (before.length >= CONTEXT_WORDS || inSpans(t.start, others)) break;
    before.unshift(t);
  }
  return { after, before };
}

/** Spans of the person mentions in [from, to), widened over the role phrase bound to each ("German chancellor"). */
function personSpans(text: string, mentions: readonly Mention[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (const m of mentions) {
    if (m.end <= from || m.start >= to || m.type !== 'person') continue;
    let a = m.start;
    let b = m.end;
    if (m.role && m.kind !== 'role-anaphor') {
      const before = text.lastIndexOf(m.role, m.start);
      const after = text.indexOf(m.role, m.end);
      if (before >= 0 && m.start - (before + m.role.length) <= 3) a = before;
      else if (after >= 0 && after - m.end <= 6) b = after + m.role.length;
    }
    out.push([a, b]);
  }
  return out;
}

/** Person entities of every source, with their name tokens. */
function sourcePeople(index: SourceIndex): { entity: Entity; names: string[] }[] {
  const cached = PEOPLE.get(index);
  if (cached) return cached;
  const out = index.sources.flatMap((s) => s.analysis.entities.filter((e) => e.type === 'person').map((entity) => ({ entity, names: nameTokens(entity) })));
  const people = out.filter((p) => p.names.length > 0);
  PEOPLE.set(index, people);
  return people;
}
const PEOPLE = new WeakMap<SourceIndex, { entity: Entity; names: string[] }[]>();

/** Lowercased name tokens of every person the sources name. */
function knownPersonNames(index: SourceIndex): Set<string> {
  let out = KNOWN.get(index);
  if (!out) KNOWN.set(index, (out = new Set(sourcePeople(index).flatMap((p) => p.names))));
  return out;
}
const KNOWN = new WeakMap<SourceIndex, Set<string>>();

/** Name tokens plus those of every source person sharing one of them ("Keir" → "Keir Starmer"). */
function expand(index: SourceIndex, names: Iterable<string>): Set<string> {
  const out = new Set(names);
  const seed = [...out];
  for (const p of sourcePeople(index)) if (p.names.some((n) => seed.includes(n))) for (const n of p.names) out.add(n);
  return out;
}

const HONORIFIC_WORDS = new Set([...HONORIFICS.keys()].map((h) => h.replace(/\.$/, '').toLowerCase()));
const wordsOf = (s: string): string[] =>
  s.toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 1 && !HONORIFIC_WORDS.has(w));

/** People the claim names: the analysis' person mentions, and capitalised words that are a source person's name. */
function claimPeople(index: SourceIndex, ctx: ClaimContext, quoteSpans: readonly [number, number][]): ClaimPerson[] {
  const { text, start, end, analysis } = ctx;
  const out: ClaimPerson[] = [];
  const entity = new Map(analysis.entities.map((e) => [e.id, e]));
  const known = knownPersonNames(index);
  for (const m of analysis.mentions) {
    if (m.start < start || m.end > end || m.type !== 'person' || m.kind === 'role-anaphor' || inSpans(m.start, quoteSpans)) continue;
    const own = wordsOf(m.text);
    if (!own.length) continue;
    const e = m.entityId ? entity.get(m.entityId) : undefined;
    out.push({ start: m.start, end: m.end, text: m.text, names: expand(index, [...own, ...nameTokens(e)]), known: own.some((w) => known.has(w)) });
  }
  // A sentence-initial surname the claim's analysis had no other sighting of ("Zelensky appeared to ..."): a person
  // when the sources know someone by that name.
  for (const w of text.slice(start, end).matchAll(/\p{Lu}[\p{L}\p{M}'’-]+/gu)) {
    const at = start + (w.index ?? 0);
    const word = w[0].replace(/['’]s$/, '');
    const norm = word.toLowerCase();
    if (!known.has(norm) || NATION_KEY.has(norm) || isStopword(norm) || inSpans(at, quoteSpans) || out.some((p) => p.start <= at && at < p.end)) continue;
    out.push({ start: at, end: at + word.length, text: word, names: expand(index, [norm]), known: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Gender of a source person, from honorifics at its mentions and the pronouns the quote attribution gave it. */
function genderOf(src: IndexedSource, e: Entity): 'm' | 'f' | null {
  for (const a of e.aliases) {
    const g = HONORIFICS.get(a.split(/\s+/)[0]!);
    if (g) return g;
  }
  for (const q of src.analysis.quotes) {
    if (q.speakerEntityId !== e.id || !q.speakerMention) continue;
    const g = PRONOUN_GENDER[q.speakerMention.toLowerCase()];
    if (g) return g;
  }
  return null;
}

interface Sighting {
  sentence: number;
  start: number;
  entity: Entity;
}

/** Person sightings per source, outside quotes: named and role-noun mentions, and speakers of attributed quotes. */
function sightings(src: IndexedSource): Sighting[] {
  const cached = SIGHTINGS.get(src);
  if (cached) return cached;
  const a = src.analysis;
  const quotes = a.quotes.map((q) => [q.outerStart, q.outerEnd] as [number, number]);
  const sentenceOf = (pos: number): number => {
    const k = sentenceAt(a.sentences, pos);
    return k >= 0 && pos < a.sentences[k]!.end ? k : -1;
  };
  const out: Sighting[] = [];
  for (const m of a.mentions) {
    const e = m.entityId ? src.entityById.get(m.entityId) : undefined;
    if (!e || e.type !== 'person' || inSpans(m.start, quotes)) continue;
    out.push({ sentence: sentenceOf(m.start), start: m.start, entity: e });
  }
  for (const q of a.quotes) {
    const e = q.speakerEntityId ? src.entityById.get(q.speakerEntityId) : undefined;
    if (e && e.type === 'person') out.push({ sentence: q.sentenceIndex, start: q.outerStart, entity: e });
  }
  out.sort((x, y) => x.start - y.start);
  SIGHTINGS.set(src, out);
  return out;
}
const SIGHTINGS = new WeakMap<IndexedSource, Sighting[]>();

/**
 * The person a pronoun refers to, or null when that is not clear: earlier in its sentence, else in the nearest of the
 * previous sentences that names anyone of a matching gender; exactly one candidate person, or nothing. An object
 * pronoun is not its own clause's subject ("Trump introduced him"): with anyone named before it in its sentence, it is
 * left open.
 */
function pronounReferent(src: IndexedSource, unit: Unit, pos: number, pronoun: string): Entity | null {
  const want = PRONOUN_GENDER[pronoun.toLowerCase()];
  const all = sightings(src);
  const fits = (s: Sighting): boolean => {
    const g = genderOf(src, s.entity);
    return !g || !want || g === want;
  };
  const pick = (list: Sighting[]): Entity | null | undefined => {
    const people = [...new Set(list.filter(fits).map((s) => s.entity))];
    if (people.length === 1) return people[0]!;
    return people.length ? null : undefined;
  };
  const earlier = all.filter((s) => s.sentence === unit.sentence && s.start < pos);
  if (OBJECT_PRONOUNS.has(pronoun.toLowerCase()) && earlier.length) return null;
  const here = pick(earlier);
  if (here !== undefined) return here;
  for (let k = unit.sentence - 1; k >= 0 && k >= unit.sentence - PRONOUN_WINDOW; k--) {
    const found = pick(all.filter((s) => s.sentence === k));
    if (found !== undefined) return found;
  }
  return null;
}

/** Role nouns and pronouns of a source unit, outside quotes, resolved to a named person. */
export function unitRefs(index: SourceIndex, unit: Unit): SourceRef[] {
  const src = index.sources[unit.source]!;
  const quotes = src.analysis.quotes.map((q) => [q.outerStart, q.outerEnd] as [number, number]);
  const out: SourceRef[] = [];
  for (const m of src.analysis.mentions as readonly Mention[]) {
    if (m.start < unit.start || m.start >= unit.end || !m.entityId || inSpans(m.start, quotes)) continue;
    const e = src.entityById.get(m.entityId);
    if (e && e.type === 'person') out.push({ start: m.start, end: m.end, text: m.text, entity: e, via: m.kind === 'role-anaphor' ? 'role' : 'name' });
  }
  for (const p of unit.text.matchAll(PRONOUN_RE)) {
    const at = unit.start + (p.index ?? 0);
    if (inSpans(at, quotes)) continue;
    const e = pronounReferent(src, unit, at, p[0]);
    if (e) out.push({ start: at, end: at + p[0].length, text: p[0], entity: e, via: 'pronoun' });
  }
  return out;
}

/** Does any source put one of the person's names in the slot (the same context words)? */
function namedInSlot(index: SourceIndex, person: ClaimPerson, after: UnitToken[], before: UnitToken[]): boolean {
  for (const u of index.units) {
    if (![...person.names].some((n) => u.names.has(n))) continue;
    const named = u.tokens.filter((t) => person.names.has(t.norm.replace(/['’]s$/, '')));
    for (const t of named) {
      const ctx = contextOf(u.tokens.filter((x) => x === t || !named.includes(x)), t.start, t.end);
      if (agree(after, ctx.after) || agree(before, ctx.before)) return true;
    }
  }
  return false;
}

export function actorConflicts(index: SourceIndex, ctx: ClaimContext, units: readonly Unit[], quoteSpans: readonly [number, number][]): Conflict[] {
  if (!units.length) return [];
  const people = claimPeople(index, ctx, quoteSpans);
  if (!people.length) return [];
  const claimTokens = tokenKeys(ctx.text.slice(ctx.start, ctx.end), ctx.start);
  const claimSpans: [number, number][] = [
    ...personSpans(ctx.text, ctx.analysis.mentions, ctx.start, ctx.end),
    ...people.map((p) => [p.start, p.end] as [number, number]),
  ];
  const refs = units.map((u) => ({ unit: u, refs: unitRefs(index, u) })).filter((x) => x.refs.length);
  if (!refs.length) return [];
  const out: Conflict[] = [];
  for (const person of people) {
    const inPerson = (t: UnitToken): boolean => t.start >= person.start && t.start < person.end;
    const others = claimSpans.filter(([a, b]) => b <= person.start || a >= person.end);
    const { after, before } = contextOf(claimTokens.filter((t) => !inPerson(t)), person.start, person.end, others);
    let same = false;
    let clash: { unit: Unit; ref: SourceRef } | null = null;
    for (const { unit, refs: list } of refs) {
      for (const ref of list) {
        // Another name in the slot says something only when the claim's name is someone the sources know: an
        // unknown name is unsupported already.
        if (ref.via === 'name' && !person.known) continue;
        const src = index.sources[unit.source]!;
        const others = personSpans(src.doc.text, src.analysis.mentions, unit.start, unit.end).filter(([a, b]) => b <= ref.start || a >= ref.end);
        const sctx = contextOf(unit.tokens, ref.start, ref.end, others);
        if (!agree(after, sctx.after) && !agree(before, sctx.before)) continue;
        const theirs = expand(index, nameTokens(ref.entity));
        if ([...person.names].some((n) => theirs.has(n))) same = true;
        else if (!clash || RANK[ref.via] < RANK[clash.ref.via]) clash = { unit, ref };
      }
    }
    if (same || !clash || namedInSlot(index, person, after, before)) continue;
    const { unit, ref } = clash;
    const who = ref.entity.name;
    out.push({
      kind: ref.via === 'role' ? 'person-in-role' : 'actor',
      claimSpan: person.text,
      sourceSpan: `${ref.text} (${who})`,
      evidence: unitEvidence(index, unit, 1),
      explanation: ref.via === 'name'
        ? `the source names ${who} there, not ${person.text}`
        : `the source's “${ref.text}” there is ${who}, not ${person.text}`,
    });
  }
  return out;
}
