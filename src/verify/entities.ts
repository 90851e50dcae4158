/**
 * The entity gate: every name a claim writes must be, word for word, a name its evidence writes, or another form
 * the sources use for the same person (alias resolution through the analyses of ../text). "said France in a
 * statement" is not supported by "said Air France in a statement": "France" is not a name the evidence writes (its
 * name is "Air France"), and no source uses "France" for Air France. A rewrite that drops or adds a word of a name
 * fails the same way ("Sen" for Hun Sen, "Chile Spain", "Mission Control" → "Control").
 *
 * Names are read two ways and both must pass: the entity finder's mentions (role titles and honorifics set aside),
 * and maximal runs of capitalised words the finder did not take (a sentence-initial word alone is skipped when the
 * text writes it in lower case too, or it is a function word: capitals there prove nothing). Numbers and dates are
 * hard items of the claim already (claim.ts): each must be found in the evidence.
 */
import { HONORIFICS, NATION_KEY, PERSON_DEMONYMS, ROLE_HEADS, ROLE_MODIFIERS } from '../text/lexicon.js';
import { analyse, isStopword, stripDiacritics, tokenize, type Analysis, type Mention } from '../text/index.js';
import type { SourceIndex, Unit } from './retrieve.js';
import { unitRefs } from './actors.js';

/** Connecting words inside a name ("Bank of England", "Ursula von der Leyen"). */
const CONNECTORS = new Set(['of', 'von', 'van', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'ibn', 'dos']);

const MONTH_OR_DAY = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

const fold = (s: string): string => (/^[\x00-\x7f]*$/.test(s) ? s : stripDiacritics(s));

/** A name as compared: honorifics and a possessive off, diacritics folded, single spaces. */
export function nameForm(s: string): string {
  let words = s.trim().split(/\s+/);
  while (words.length > 1 && (HONORIFICS.has(words[0]!) || words[0] === 'The')) words = words.slice(1);
  return fold(words.join(' ').replace(/['’]s?$/, '').replace(/[.,;:]$/, ''));
}

interface Span {
  start: number;
  end: number;
  form: string;
  /** Written with an honorific ("Ms Ruiz"). */
  honorific?: boolean;
}

const isCapWord = (t: string): boolean => /^\p{Lu}/u.test(t) && /\p{L}/u.test(t);

const spanOf = (text: string, start: number, end: number): Span => ({ start, end, form: nameForm(text.slice(start, end)) });

/** A nation's adjective ("Russian", "American", "French"): an adjective, not a name the gate holds to its words. */
function isDemonym(w: string): boolean {
  const f = fold(w).toLowerCase();
  return (NATION_KEY.has(f) && /(?:an|ish|ese|ch|i)$/.test(f)) || PERSON_DEMONYMS.has(f);
}

/** A name span cut before each nation's adjective inside it ("the London Russian embassy": London, Russian). */
function splitAtDemonyms(text: string, start: number, end: number): Span[] {
  const words = [...text.slice(start, end).matchAll(/\S+/g)].map((m) => ({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] }));
  const out: Span[] = [];
  let from = 0;
  for (let k = 1; k <= words.length; k++) {
    if (k < words.length && !isDemonym(words[k]!.text)) continue;
    out.push(spanOf(text, words[from]!.start, words[k - 1]!.end));
    from = k;
  }
  return out;
}

/** Maximal runs of capitalised words in text[start, end). */
function capitalRuns(text: string, start: number, end: number): Span[] {
  const toks = tokenize(text.slice(start, end)).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
  const out: Span[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.kind !== 'word' || !isCapWord(toks[i]!.text)) continue;
    let j = i;
    for (;;) {
      const n = toks[j + 1];
      if (!n || !/^[ \u00a0]$|^\. $/.test(text.slice(toks[j]!.end, n.start)) || /['’]s$/.test(toks[j]!.text) && !isCapWord(n.text)) break;
      if (text.slice(toks[j]!.end, n.start) === '. ' && !HONORIFICS.has(toks[j]!.text + '.')) break;
      if (isCapWord(n.text)) j++;
      else if (CONNECTORS.has(n.text) && toks[j + 2] && isCapWord(toks[j + 2]!.text) && /^ $/.test(text.slice(n.end, toks[j + 2]!.start))) j += 2;
      else break;
    }
    // A function word opening the sentence is not part of the name ("But Trump", "And Air France").
    let first = i;
    while (first < j && isStopword(toks[first]!.norm, 'en') && opensClause(text, start, toks[first]!.start)) first++;
    out.push(...splitAtDemonyms(text, toks[first]!.start, toks[j]!.end));
    i = j;
  }
  return out;
}

/** Whether position `pos` opens its sentence or a clause (after a colon, dash, opening quote or bracket). */
function opensClause(text: string, from: number, pos: number): boolean {
  const before = text.slice(from, pos).trimEnd();
  return before === '' || /[.!?:;"“‘([—–-]$/.test(before);
}

/** The names a span of an analysed text writes: its mentions' names (no honorific, no role title), then its runs. */
function namesIn(text: string, start: number, end: number, analysis: Analysis): Span[] {
  const runs = capitalRuns(text, start, end);
  const out: Span[] = [];
  for (const m of analysis.mentions) {
    if (m.start < start || m.end > end || m.kind === 'role-anaphor') continue;
    // A mention cut out of a longer capitalised run ("Control" of "Harbour Control", where the entity finder took
    // "Harbour" for a sentence-initial common word) is not a name of its own: the run is; role words aside.
    const within = runs.find((r) => r.start <= m.start && m.end <= r.end && (r.start < m.start || m.end < r.end));
    if (within && cutFrom(text, within, m)) continue;
    const honorific = m.kind === 'honorific';
    out.push(...splitAtDemonyms(text, m.start, m.end).map((x) => ({ ...x, honorific })));
  }
  for (const r of runs) out.push(r);
  return out;
}

/**
 * Whether the mention is a run cut short: a capitalised word right next to it in the run that is neither a role or
 * title word ("President Marta Ilves") nor beyond a connector ("Marta Ilves of Novaria").
 */
function cutFrom(text: string, run: Span, m: { start: number; end: number }): boolean {
  const before = text.slice(run.start, m.start).trim().split(/\s+/).filter(Boolean).pop();
  const after = text.slice(m.end, run.end).trim().split(/\s+/).filter(Boolean)[0];
  const roleish = (w: string): boolean => ROLE_WORDS.has(fold(w).toLowerCase().replace(/['’]s$/, '')) || HONORIFICS.has(w) || HONORIFICS.has(w.replace(/\.$/, ''));
  return (!!before && !roleish(before) && !CONNECTORS.has(before)) || (!!after && !CONNECTORS.has(after) && !/^['’]s?$/.test(after));
}

/** A person the article shows to be one: a role it binds, an honorific, a quote it speaks. */
function evidenced(a: Analysis, e: Analysis['entities'][number]): boolean {
  return e.type === 'person' && (e.roles.length > 0 || e.aliases.some((x) => HONORIFICS.has(x.split(/\s+/)[0]!)) || a.quotes.some((q) => q.speakerEntityId === e.id));
}

/** The people of a story's sources: name form → people (keys) it is a form of; and which put the family name first. */
interface AliasTable {
  forms: Map<string, Set<string>>;
  /** Keys (full names) whose family name comes first, as the sources show it. */
  familyFirst: Set<string>;
  /** Last word → the full names of the sources' people ending with it. */
  byLast: Map<string, Set<string>>;
}

/**
 * Times one article writes a person's full name, with no one-word form of them anywhere, from which the sources are
 * taken to name that person in full every time ("Hun Sen" ... "Hun Sen": the family name first, never "Sen").
 * Two: a first mention and one more. On the seeds this reads only Mark Rutte so (named in full twice in one
 * article, never by his surname alone): a claim that calls him "Rutte" is then unsupported, the strict side.
 */
export const FULL_EVERY_TIME = 2;

const aliasCache = new WeakMap<SourceIndex, AliasTable>();

/**
 * Forms of each person across the sources: every alias an article's analysis merged into one person entity, keyed
 * by the entity's full name; a one-word name joins the full name when exactly one full name of the story ends with
 * it (two people sharing a surname leave the surname without a key). Only a person the article shows to be one (a
 * role it binds, an honorific, a quote) has other forms: an entity typed a person for want of evidence ("South
 * Alabama") keeps its own words.
 */
export function aliasTable(index: SourceIndex): AliasTable {
  const cached = aliasCache.get(index);
  if (cached) return cached;
  const forms = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string): void => {
    (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
  };
  const byLast = new Map<string, Set<string>>();
  for (const s of index.sources) {
    for (const e of s.analysis.entities) {
      const full = nameForm(e.name);
      if (e.type === 'person' && /\s/.test(full)) add(byLast, full.split(/\s+/).pop()!, full);
    }
  }
  const shortForms = new Map<string, Set<string>>();
  const lastAlone = new Set<string>();
  const repeated = new Set<string>();
  for (const s of index.sources) {
    for (const e of s.analysis.entities) {
      if (e.type !== 'person' || !evidenced(s.analysis, e)) continue;
      let key = nameForm(e.name);
      if (!/\s/.test(key)) {
        const fulls = byLast.get(key);
        if (fulls?.size === 1) key = [...fulls][0]!;
      }
      add(forms, key, key);
      const words = key.split(/\s+/);
      for (const a of e.aliases) {
        const f = nameForm(a);
        // A last word two people of the sources share is a form of neither.
        if (!/\s/.test(f) && (byLast.get(f)?.size ?? 0) > 1) continue;
        add(forms, f, key);
        if (/\s/.test(f) || words.length < 2) continue;
        if (f === words[words.length - 1]) lastAlone.add(key);
        // "Sir Keir": a given name by its honorific, not a family name written first.
        else add(shortForms, key, /^(?:Sir|Dame)\s/.test(a) ? '' : f);
      }
      const fullCount = s.analysis.mentions.filter((m) => m.entityId === e.id && nameForm(m.text) === key).length;
      if (fullCount >= FULL_EVERY_TIME) repeated.add(key);
    }
  }
  const familyFirst = new Set<string>();
  for (const key of new Set([...forms.values()].flatMap((k) => [...k]))) {
    if (!/\s/.test(key) || lastAlone.has(key)) continue;
    const shorts = shortForms.get(key);
    if ((shorts && [...shorts].some((f) => f && key.startsWith(f + ' '))) || (!shorts && repeated.has(key))) familyFirst.add(key);
  }
  const table = { forms, familyFirst, byLast };
  aliasCache.set(index, table);
  return table;
}

/**
 * "Ruiz" or "Ms Ruiz" for Ana Ruiz: the last word of a person's full name stands for them, unless the sources show the
 * family name to come first ("Mr Hun" for Hun Sen, or "Hun Sen" written in full every time) or another person of
 * theirs has the same last word.
 */
function lastWordFits(table: AliasTable, form: string, full: string): boolean {
  const words = full.split(/\s+/);
  if (words.length < 2 || words[words.length - 1]!.toLowerCase() !== form.toLowerCase()) return false;
  const keys = table.forms.get(full);
  if (!keys) return false;
  return [...keys].every((k) => !table.familyFirst.has(k)) && (table.byLast.get(words[words.length - 1]!)?.size ?? 0) === 1;
}

function sameEntity(table: AliasTable, a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const ka = table.forms.get(a);
  const kb = table.forms.get(b);
  return !!ka && !!kb && [...ka].some((k) => kb.has(k));
}

const midCapsCache = new WeakMap<SourceIndex, Set<string>>();

/** Words the sources capitalise inside a sentence (names, not words capitalised by position), lower-cased. */
function midCaps(index: SourceIndex): Set<string> {
  let out = midCapsCache.get(index);
  if (out) return out;
  out = new Set();
  for (const u of index.units) {
    const text = index.sources[u.source]!.doc.text;
    for (const t of u.tokens) if (t.start > u.start && /^\p{Lu}/u.test(text[t.start]!) && !opensClause(text, u.start, t.start)) out.add(t.norm);
  }
  midCapsCache.set(index, out);
  return out;
}

/**
 * Whether a name the claim writes must be checked. A sentence-initial word alone is a name only if the sources
 * capitalise it inside a sentence ("Starmer", "Control" of Mission Control; not "According"), and not if it is a
 * function word or the claim or evidence writes it in lower case. Role titles alone ("The US President") are the
 * role checks' business.
 */
function checkable(index: SourceIndex, text: string, from: number, span: Span, lowerSeen: ReadonlySet<string>): boolean {
  if (!span.form || !/\p{Lu}/u.test(span.form) || span.form.replace(/[^\p{L}]/gu, '').length < 2 || isDemonym(span.form)) return false;
  const words = span.form.split(/\s+/).map((w) => fold(w).toLowerCase().replace(/['’]s$/, ''));
  if (words.some((w) => HEAD_WORDS.has(w)) && words.every((w) => w === 'the' || ROLE_WORDS.has(w) || HONORIFICS.has(w))) return false;
  if (!/\s/.test(span.form) && opensClause(text, from, span.start)) {
    const w = span.form.toLowerCase();
    if (isStopword(w, 'en') || lowerSeen.has(w) || !midCaps(index).has(w)) return false;
  }
  return true;
}

/** Whether `short`'s words are a contiguous part of `long`'s, and fewer. */
function subRun(short: string, long: string): boolean {
  const a = short.toLowerCase().split(/\s+/);
  const b = long.toLowerCase().split(/\s+/);
  if (a.length >= b.length) return false;
  for (let i = 0; i + a.length <= b.length; i++) if (a.every((w, k) => b[i + k] === w)) return true;
  return false;
}

const SLOT_PRONOUN = /\b(?:he|she|they|it|his|her|their|its)\s*$/i;

/**
 * Whether the evidence unit holds the claim name's slot with a role noun or pronoun of someone else: the word after
 * the name in the claim ("declined", "added") follows, in the unit, a role noun or pronoun whose person (if the
 * analysis resolves one) is not the name.
 */
function slotHeldByOther(index: SourceIndex, unit: Unit, text: string, n: Span, sameName: (form: string) => boolean): boolean {
  const next = tokenize(text.slice(n.end, n.end + 40)).find((t) => t.kind === 'word');
  if (!next || isStopword(next.norm, 'en')) return false;
  const src = index.sources[unit.source]!;
  const doc = src.doc.text;
  const t = unit.tokens.find((x) => x.norm === next.norm);
  if (!t) return false;
  const before = doc.slice(Math.max(unit.start, t.start - 60), t.start);
  const role = src.analysis.mentions.find((m) => m.kind === 'role-anaphor' && m.start >= unit.start && m.end <= t.start && /^\s*$/.test(doc.slice(m.end, t.start)));
  const pron = SLOT_PRONOUN.test(before);
  // A role phrase the entity finder did not take ("The current harbour board president declined"): "the", a few
  // words, a role head, then the word.
  const phrase = /\b[Tt]he (?:[\p{Ll}-]+ ){0,4}(\p{Ll}+)\s+$/u.exec(before);
  const rolePhrase = !!phrase && HEAD_WORDS.has(phrase[1]!) && !/\p{Lu}/u.test(phrase[0].slice(1));
  if (!role && !pron && !rolePhrase) return false;
  if (rolePhrase && !role) return true;
  const at = role ? role.start : t.start - 1;
  const ref = unitRefs(index, unit).find((r) => r.start <= at && at < r.end + 1);
  const found = role?.entityId ? src.entityById.get(role.entityId) : ref?.entity;
  // Only a person the article shows to be one holds a pronoun ("He added" is never "Team Morning Gull added").
  const person = found && evidenced(src.analysis, found) ? found : undefined;
  return !person || ![person.name, ...person.aliases].some((f) => sameName(nameForm(f)) || nameForm(f) === n.form);
}

/** Whether the unit writes the claim's name right before the word that follows it in the claim (its own slot). */
function slotNamed(index: SourceIndex, unit: Unit, text: string, n: Span): boolean {
  const next = tokenize(text.slice(n.end, n.end + 40)).find((t) => t.kind === 'word');
  if (!next) return true;
  const doc = index.sources[unit.source]!.doc.text;
  return new RegExp(`${n.form.split(/\s+/).pop()!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\S*,?\\s+(?:[\\p{L}'’-]+\\s+){0,6}?${next.norm}`, 'iu').test(doc.slice(unit.start, unit.end));
}

export interface EntityGap {
  /** The name as the claim writes it. */
  name: string;
}

/**
 * Names of the claim text[start, end) that no evidence unit writes, as the same name or an alias of the same person.
 * `mentions` of the claim's own analysis; `units` the evidence.
 */
export function entityGaps(index: SourceIndex, claim: { text: string; start: number; end: number; analysis: Analysis }, units: readonly Unit[], options: { referents?: boolean } = {}): EntityGap[] {
  const { text, start, end, analysis } = claim;
  const table = aliasTable(index);
  const evidence = new Set<string>();
  const lowerSeen = new Set<string>();
  // People the evidence refers to without naming them here: a role noun or pronoun the analysis resolves ("The
  // president appeared...", "she said"), and the speaker of a quote; they are named by their names and aliases.
  const referred = new Set<string>();
  for (const u of units) {
    const src = index.sources[u.source]!;
    for (const n of namesIn(src.doc.text, u.start, u.end, src.analysis)) evidence.add(n.form);
    const people = [...unitRefs(index, u).map((r) => r.entity), ...src.analysis.quotes.filter((q) => q.speakerEntityId && q.outerStart < u.end && u.start < q.outerEnd + 80).flatMap((q) => src.analysis.entities.filter((e) => e.id === q.speakerEntityId))];
    if (options.referents !== false) for (const e of people) if (evidenced(src.analysis, e)) for (const f of [e.name, ...e.aliases]) referred.add(nameForm(f));
    for (const t of u.tokens) if (!/^\p{Lu}/u.test(src.doc.text[t.start] ?? '')) lowerSeen.add(t.norm);
  }
  // The unit that covers the claim best (the first chosen): the names it writes, and its role nouns and pronouns.
  const primary = units[0];
  const primaryNames = primary ? namesIn(index.sources[primary.source]!.doc.text, primary.start, primary.end, index.sources[primary.source]!.analysis).map((x) => x.form) : [];
  for (const t of tokenize(text.slice(start, end))) if (t.kind === 'word' && !isCapWord(t.text)) lowerSeen.add(t.norm);
  // Quoted words are checked verbatim by the quote check; a name inside a quote is not checked twice.
  const quoted = analysis.quotes.filter((q) => q.outerStart >= start && q.outerEnd <= end);
  const inQuote = (p: number): boolean => quoted.some((q) => q.outerStart <= p && p < q.outerEnd);
  const gaps: EntityGap[] = [];
  const seen = new Set<string>();
  const mentionSpans = analysis.mentions.filter((m: Mention) => m.start >= start && m.end <= end && m.kind !== 'role-anaphor');
  // Dates are the claim's date items (claim.ts): "4 March" is not a name.
  const dated = analysis.dates.filter((d) => d.start >= start && d.end <= end);
  for (const n of namesIn(text, start, end, analysis)) {
    if (seen.has(n.form) || inQuote(n.start) || dated.some((d) => d.start <= n.start && n.end <= d.end) || MONTH_OR_DAY.test(n.form) || !checkable(index, text, start, n, lowerSeen)) continue;
    // A run that holds a mention and only role words around it ("President Vladimir Putin") is judged by the mention.
    const isRun = !mentionSpans.some((m) => m.start === n.start && m.end === n.end);
    if (isRun && mentionSpans.some((m) => m.start >= n.start && m.end <= n.end) && roleAround(text, n, mentionSpans)) continue;
    seen.add(n.form);
    const forms = [...evidence, ...referred];
    const aligned = (e: string): boolean => sameEntity(table, n.form, e) || (!/\s/.test(n.form) && [e, ...(table.forms.get(e) ?? [])].some((full) => lastWordFits(table, n.form, full)));
    // A word cut from or added to a name of the best evidence ("Air Castellan" → "Castellan", "Castellan" →
    // "Castellan Clinic") fails even where another unit writes the shorter or longer name by itself.
    if (!primaryNames.includes(n.form) && primaryNames.some((p) => (subRun(n.form, p) || subRun(p, n.form)) && !aligned(p))) {
      gaps.push({ name: n.form });
      continue;
    }
    // A name put where the best evidence has a role noun or pronoun that is not that person ("The current harbour
    // board president declined" → "Rafe Doss declined"; "He added" → "Team Morning Gull added").
    if (units.some((u) => slotHeldByOther(index, u, text, n, (f) => aligned(f))) && !units.some((u) => namesIn(index.sources[u.source]!.doc.text, u.start, u.end, index.sources[u.source]!.analysis).some((x) => x.form === n.form && slotNamed(index, u, text, n)))) {
      gaps.push({ name: n.form });
      continue;
    }
    // "Ms Ruiz" for Ana Ruiz: the last word of a person's full name, unless the sources show that person's family
    // name to come first (lastWordFits).
    if (forms.some((e) => e === n.form || aligned(e))) continue;
    gaps.push({ name: n.form });
  }
  return gaps;
}

/** Words of role heads alone ("president", "secretary", "general"). */
const HEAD_WORDS = new Set(ROLE_HEADS.flatMap((h) => h.split(/\s+/)));

/** Words of role titles: heads ("president", "secretary general"), modifiers ("deputy", "former"), nations. */
const ROLE_WORDS = new Set([...ROLE_HEADS.flatMap((h) => h.split(/\s+/)), ...ROLE_MODIFIERS, ...NATION_KEY.keys()]);

/** Whether the run's words outside its mentions are all role, title or nation words ("French President ..."). */
function roleAround(text: string, run: Span, mentions: readonly Mention[]): boolean {
  let rest = text.slice(run.start, run.end);
  for (const m of mentions.filter((x) => x.start >= run.start && x.end <= run.end).sort((a, b) => b.start - a.start)) rest = rest.slice(0, m.start - run.start) + ' ' + rest.slice(m.end - run.start);
  return rest.split(/\s+/).filter(Boolean).every((w) => ROLE_WORDS.has(fold(w).toLowerCase().replace(/['’]s$/, '')) || HONORIFICS.has(w));
}

/**
 * Names of a claim that none of the cited spans writes (as the same name or the same person's other form): the
 * composer's check that a rewritten sentence's names are those of the spans it cites.
 */
export function namesNotInSpans(index: SourceIndex, claim: string, spans: readonly { sourceId: string; start: number; end: number }[]): string[] {
  const units = index.units.filter((u) => {
    const id = index.sources[u.source]!.doc.id;
    return spans.some((s) => s.sourceId === id && u.start < s.end && s.start < u.end);
  });
  // Only what the spans write: a pronoun or role noun of theirs names nobody here (the composer cites the sentence
  // that names the person it resolved).
  return entityGaps(index, { text: claim, start: 0, end: claim.length, analysis: analyse({ text: claim }) }, units, { referents: false }).map((g) => g.name);
}
