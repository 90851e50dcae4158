/**
 * Fluency without invention: deterministic edits of a source sentence placed in the composite, each recorded.
 *
 * House style for people: the first mention in the composite gives the full name as the sources write it
 * ("Sir Keir Starmer", "Volodymyr Zelensky"; a first mention written short, "Mr Zelensky" or "Sir Keir", is expanded
 * to the full name the sources attest); every later mention is the one-word form the sources use for that person
 * ("Starmer", "Zelensky", "Tep" where they write "Mr Tep" for Tep Vanna), honorific dropped, or the full name where
 * they use none ("Hun Sen"). Only forms the sources use for that same person (names.ts): never a place or body
 * ("Air France", "Mission Control"), never a namesake. Role phrases ("Nato secretary general Mark Rutte") and quoted
 * words are never touched; the composer then checks every name against the spans the sentence cites.
 *
 * Pronouns: a sentence-initial "He"/"She"/"His"/"Her" whose source predecessor is not the sentence before it in the
 * composite is replaced by the person it certainly refers to: the speaker the quote analysis resolved, or the
 * subject that opens the source's previous sentence, if the article shows it to be a person (a role, an honorific,
 * a quote); the sentence that names that person is cited with it. Anything less certain (and "They", "It",
 * "This"...) leaves the sentence unpublishable. A sentence-initial role noun ("The president appeared...") is replaced
 * the same way when the sentence stands away from its source context, and only where the same source binds the role
 * to the person ("US president Donald Trump"). Dangling connectives ("But", "And", "Meanwhile", "However") and wire datelines are cut.
 */
import type { Analysis, Entity, Mention, Sentence } from '../text/index.js';
import type { Candidate, Prepared } from './prepare.js';
import type { Rewrite } from './types.js';
import { actsAsPerson, bare, misspelt, type NameMemory } from './names.js';
import { roleKey, satisfies } from '../text/roles.js';

const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Dr|Lord|Lady|Prof|Professor)\.?\s+/;
const CONNECTIVE = /^(?:And|But|Meanwhile|However|Yet|Still|Also|So|Instead|Now|Nonetheless|Nevertheless)(?=[\s,])\s*,?\s*/;
const DATELINE = /^\p{Lu}[\p{Lu} .'’-]{2,}(?:,\s*[\p{L} .]{2,30})?\s*(?:\([^()]{1,60}\))?\s*[—–-]{1,2}\s+/u;
const PRONOUN = /^(He|She|His|Her|They|Their|It|Its|This|These|Those)\b/;

export { NameBook, NameMemory, surnameOf } from './names.js';

export interface RewriteResult {
  text: string;
  rewrites: Rewrite[];
  /** The source sentence a resolved pronoun points back to (cited with the sentence). */
  antecedent: Sentence | null;
  /** Why the sentence cannot be published as placed, or null. */
  unresolved: string | null;
}

interface Edit {
  start: number;
  end: number;
  to: string;
  kind: Rewrite['kind'];
}

/** The nearest sentence before `s` that names the person (not by a role noun): cited for a resolved pronoun. */
function namingSentence(a: Analysis, ent: Entity, s: Sentence): Sentence | null {
  const named = a.mentions.filter((x) => x.entityId === ent.id && x.kind !== 'role-anaphor' && x.end <= s.start).sort((x, y) => y.start - x.start)[0];
  return (named && a.sentences.find((x) => x.start <= named.start && named.start < x.end)) ?? null;
}

function quoteCovers(a: Analysis, pos: number): boolean {
  return a.quotes.some((q) => q.outerStart <= pos && pos < q.outerEnd);
}

/** The person that opens a sentence as its subject (its first mention, within the first few characters). */
function subjectOf(a: Analysis, s: Sentence, depth = 0): Entity | null {
  if (/^["“‘']/.test(s.text)) return null;
  const lead = CONNECTIVE.exec(s.text)?.[0].length ?? 0;
  const pron = PRONOUN.exec(s.text.slice(lead, lead + 1).toUpperCase() + s.text.slice(lead + 1));
  if (pron && depth < 2) {
    if (!/^(He|She)$/.test(pron[1]!)) return null;
    const prev = a.sentences[s.index - 1];
    return prev ? subjectOf(a, prev, depth + 1) : null;
  }
  const first = a.mentions.filter((m) => m.start >= s.start && m.start < s.end && m.entityId).sort((x, y) => x.start - y.start)[0];
  if (!first || first.type !== 'person' || first.start - s.start - lead > 4) return null;
  return a.entities.find((e) => e.id === first.entityId) ?? null;
}

/**
 * Rewrites `cand` for its place after `prev` (the composite's previous sentence, or null at the top).
 * `memory` is updated with the names the sentence mentions.
 */
export function rewriteSentence(prep: Prepared, cand: Candidate, prevIsPredecessor: boolean, memory: NameMemory, options: { anaphors?: boolean; names?: boolean } = {}): RewriteResult {
  const a = prep.analyses[cand.article]!;
  const s = cand.sentence;
  const text = s.text;
  const edits: Edit[] = [];
  let antecedent: Sentence | null = null;
  let lead = 0;
  const dl = DATELINE.exec(text);
  if (dl && s.index === 0) {
    edits.push({ start: 0, end: dl[0].length, to: '', kind: 'dateline' });
    lead = dl[0].length;
  }
  if (!prevIsPredecessor) {
    const cn = CONNECTIVE.exec(text.slice(lead));
    if (cn) {
      edits.push({ start: lead, end: lead + cn[0].length, to: '', kind: 'connective' });
      lead += cn[0].length;
    }
  }
  const ownQuotes = a.quotes.filter((q) => q.outerStart >= s.start && q.outerStart < s.end);
  const pron = PRONOUN.exec(text.slice(lead, lead + 1).toUpperCase() + text.slice(lead + 1));
  const resolvedPronouns = new Set<number>();
  if (pron && !prevIsPredecessor) {
    const word = pron[1]!;
    if (!/^(He|She|His|Her)$/.test(word)) return { text, rewrites: [], antecedent: null, unresolved: `sentence-initial "${word}" with no antecedent` };
    let ent: Entity | null = null;
    if (/^(He|She)$/.test(word)) {
      const q = ownQuotes.find((x) => x.speakerEntityId && x.speakerMention?.toLowerCase() === word.toLowerCase());
      if (q) ent = a.entities.find((e) => e.id === q.speakerEntityId) ?? null;
      if (ent) {
        antecedent = namingSentence(a, ent, s);
        if (!antecedent) ent = null;
      }
    }
    const prev = a.sentences[s.index - 1];
    if (!ent && prev) {
      ent = subjectOf(a, prev);
      // The antecedent cited is the sentence that names the person (a chain "She ... She ..." goes back to it).
      const where = ent ? namingSentence(a, ent, s) : null;
      if (ent && where) antecedent = where;
      else ent = null;
    }
    // Only a person the article shows to be one (a role, an honorific, a quote) stands in for "He" ("He added" never
    // becomes "Team added").
    if (!ent || ent.type !== 'person' || !actsAsPerson(a, ent)) return { text, rewrites: [], antecedent: null, unresolved: `sentence-initial "${word}" not certainly resolved` };
    const name = memory.use(ent);
    edits.push({ start: lead, end: lead + word.length, to: /^(His|Her)$/i.test(word) ? `${name}'s` : name, kind: 'pronoun' });
    resolvedPronouns.add(lead);
  }
  // "In exchange he would give up...": a subject pronoun after a short opening phrase, with no person named before it
  // in the sentence, refers to the source's previous sentence; away from that sentence nobody can tell who.
  if (!pron && !prevIsPredecessor) {
    const early = /^(?:[\p{L}'’-]+,?\s+){1,4}?(he|she)\b/iu.exec(text.slice(lead));
    if (early && !/[.;:!?"“”]/.test(early[0])) {
      const at = s.start + lead + early.index + early[0].length - early[1]!.length;
      const named = a.mentions.some((x) => x.type === 'person' && x.start >= s.start && x.start < at);
      if (!named) return { text, rewrites: [], antecedent: null, unresolved: `"${early[1]}" in the opening clause with no antecedent` };
    }
  }
  // "The president appeared to..." out of its context: the role noun the analysis resolved becomes the name, and the
  // sentence that named the person is cited with it (a reader would otherwise take the last person named).
  if (!pron && !prevIsPredecessor && options.anaphors !== false) {
    const m = a.mentions.find((x) => x.kind === 'role-anaphor' && x.type === 'person' && x.entityId && x.start === s.start + lead && /^the\s/i.test(x.text));
    const ent = m ? a.entities.find((e) => e.id === m.entityId) : undefined;
    const named = m && ent ? a.mentions.filter((x) => x.entityId === ent.id && x.kind !== 'role-anaphor' && x.end <= s.start).sort((x, y) => y.start - x.start)[0] : undefined;
    const where = named ? a.sentences.find((x) => x.start <= named.start && named.start < x.end) : undefined;
    // A role noun becomes a name only when the same source binds the two ("SLOC president Frank Joklik" licenses "the
    // SLOC president" → Joklik); a role inferred from the nearest name is not a binding.
    const want = m ? roleKey(m.text.replace(/^the\s+/i, '')) : null;
    const bound = !!ent && !!want && ent.roles.some((r) => satisfies(roleKey(r), want));
    if (m && ent && where && bound && !quoteCovers(a, m.start)) {
      edits.push({ start: lead, end: lead + m.text.length, to: memory.use(ent), kind: 'anaphor' });
      resolvedPronouns.add(lead);
      antecedent = where;
    }
  }
  // "..., he told the BBC": the attribution of a quote by pronoun, when the sentence before is not its source context.
  if (!prevIsPredecessor) {
    for (const q of ownQuotes) {
      if (!q.speakerMention || !/^(he|she)$/i.test(q.speakerMention)) continue;
      const local = q.outerEnd - s.start;
      const m = /\b(he|she)\b/.exec(text.slice(local));
      const at = m ? local + m.index : -1;
      if (at < 0 || quoteCovers(a, s.start + at) || resolvedPronouns.has(at)) continue;
      const ent = q.speakerEntityId ? a.entities.find((e) => e.id === q.speakerEntityId) : undefined;
      if (!ent || !actsAsPerson(a, ent)) return { text, rewrites: [], antecedent: null, unresolved: `quote attributed to "${q.speakerMention}" with no resolved speaker` };
      // The sentence that names the speaker before this one is cited with it: the name must be in a cited span.
      const where = namingSentence(a, ent, s);
      if (!where) return { text, rewrites: [], antecedent: null, unresolved: `quote attributed to "${q.speakerMention}": the speaker is not named before` };
      antecedent ??= where;
      edits.push({ start: at, end: at + m![1]!.length, to: memory.use(ent), kind: 'speaker' });
      resolvedPronouns.add(at);
    }
  }
  // Names: full at first mention, surname after.
  const mentions: Mention[] = a.mentions.filter((m) => m.start >= s.start + lead && m.end <= s.end && m.entityId && m.type === 'person').sort((x, y) => x.start - y.start);
  for (const m of mentions) {
    const ent = a.entities.find((e) => e.id === m.entityId);
    if (!ent) continue;
    const local = m.start - s.start;
    if (quoteCovers(a, m.start) || edits.some((e) => e.start < local + m.text.length && local < e.end)) continue;
    if (m.kind === 'role-name' || m.kind === 'role-anaphor') {
      memory.seen.add(memory.key(ent));
      continue;
    }
    const known = memory.seen.has(memory.key(ent));
    const want = memory.use(ent);
    const current = text.slice(local, local + m.text.length);
    if (current === want) continue;
    // Only to a form the sources use for this same person: the form written and the form wanted both lead back to
    // the entity's full name ("Washington" is not a form of "Washington Nationals", nor "France" of "Air France").
    const book = memory.book;
    const self = book.key(ent.name, ent.aliases);
    if (book.key(bare(current), ent.aliases) !== self || book.key(want, ent.aliases) !== self) continue;
    if (options.names === false) continue;
    // A name the sources write verbatim, in place of a mention that is the whole name written ("Raymond W. Kelly":
    // "Kelly" is not expanded inside it).
    if (/\s/.test(want) && !prep.articles.some((x) => x.text.includes(want))) continue;
    if (/\p{Lu}[\p{L}.'’-]*\s$/u.test(text.slice(Math.max(0, local - 30), local)) || /^\s+\p{Lu}/u.test(text.slice(local + m.text.length))) continue;
    // Later mentions: the surname alone. First mention: a short form ("Mr Zelensky", "Sir Keir", "Zelensky") becomes
    // the full name; a full form ("Sir Keir Starmer", "Donald Trump") stays as written.
    const short = !current.replace(HONORIFIC, '').includes(' ');
    if (known && !actsAsPerson(a, ent)) continue;
    if (known || (short && want.includes(' '))) edits.push({ start: local, end: local + m.text.length, to: want, kind: 'honorific' });
    // A first mention spelled unlike most sources ("Voldymyr Zelensky" where they write "Volodymyr"): the attested
    // spelling, when only a letter or two differ (a namesake keeps his own name).
    else if (!short && /^[\p{L}'’ -]+$/u.test(current.replace(HONORIFIC, '')) && misspelt(current.replace(HONORIFIC, ''), want)) edits.push({ start: local, end: local + m.text.length, to: (HONORIFIC.exec(current)?.[0] ?? '') + want, kind: 'spelling' });
  }
  edits.sort((x, y) => x.start - y.start);
  let out = text;
  for (const e of [...edits].sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.to + out.slice(e.end);
  out = out.replace(/^\s+/, '');
  if (/^\p{Ll}/u.test(out)) out = out[0]!.toUpperCase() + out.slice(1);
  const rewrites: Rewrite[] = edits.map((e) => ({ kind: e.kind, from: text.slice(e.start, e.end), to: e.to }));
  return { text: out, rewrites, antecedent, unresolved: null };
}
