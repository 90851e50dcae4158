/**
 * The training-set generator for the verifier's decision model: from the paragraphs of one article, claims that are
 * faithful rewrites of its sentences and claims with one factual edit, each labelled and typed. Used by
 * `npm run train:verifier` (bench/train-verifier.ts) over cleaned web pages; what it writes is never committed.
 *
 * Faithful: `synonym` (WordNet synonyms of the sense a writer means), `reorder` (a fronted phrase or attribution
 * moved), `passive` (active ↔ passive), `compress` (a parenthetical, a trailing clause or the attribution dropped),
 * `fusion` (two adjacent sentences joined), `summary` (two sentences of one passage, each compressed, fused as a
 * model-written summary does), `format` (a figure written another way: "$1.2bn" for "$1.2 billion"). Unfaithful: `entity`, `number`, `date`, `role` (two names swapped), `negation`, `antonym` (WordNet),
 * `cohyponym` (a noun swapped for another of its class, "road" → "path"), `invented` (a clause from another
 * article), `wrong-paragraph` (a sentence whose paragraph the source lacks). An unfaithful edit is applied to a
 * faithful rewrite half of the time, so that "changed" alone never means "wrong".
 */
import { splitSentences } from '../text/index.js';
import { antonymsOf, inWordNet, lexicalRelation, siblingsOf, synonymsOf, writerSynonymsOf, type WordNetPos } from '../text/wordnet.js';
import { isStopword } from '../text/index.js';

export type FaithfulEdit = 'synonym' | 'reorder' | 'passive' | 'compress' | 'fusion' | 'summary' | 'format';
export type UnfaithfulEdit = 'entity' | 'number' | 'date' | 'role' | 'negation' | 'antonym' | 'cohyponym' | 'invented' | 'wrong-paragraph';
export type EditType = FaithfulEdit | UnfaithfulEdit;

export const FAITHFUL: readonly FaithfulEdit[] = ['synonym', 'reorder', 'passive', 'compress', 'fusion', 'summary', 'format'];
export const UNFAITHFUL: readonly UnfaithfulEdit[] = ['entity', 'number', 'date', 'role', 'negation', 'antonym', 'cohyponym', 'invented', 'wrong-paragraph'];

export interface SynthExample {
  claim: string;
  /** 1: supported by the source; 0: not. */
  label: 0 | 1;
  type: EditType;
  /** Index of a paragraph left out of the source (wrong-paragraph), else null: the source is the whole article. */
  dropParagraph: number | null;
}

/** A small seeded generator (mulberry32): the same article and seed give the same examples. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T | undefined => (xs.length ? xs[Math.floor(r() * xs.length)] : undefined);

interface Sent { text: string; paragraph: number }

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Multi-word capitalised names inside a sentence (not its first word). */
const NAME_RE = /(?<=[a-z,;:]\s)(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)(?:\s(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?|of|de|van|von|al))*(?<!\s(?:of|de|van|von|al))/g;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const AUX_RE = /\b(is|are|was|were|will|would|can|could|has|have|had|should|may|might|must|does|did)\b(?! not\b| never\b|n?['’]t)/;

function names(s: string): string[] {
  return [...s.matchAll(NAME_RE)].map((m) => m[0]).filter((n) => !MONTHS.includes(n) && !DAYS.includes(n));
}

/** The plain lower-case content words of a sentence, with their positions. */
function plainWords(s: string): { w: string; at: number }[] {
  const out: { w: string; at: number }[] = [];
  for (const m of s.matchAll(/\b[a-z]{4,}\b/g)) if (!isStopword(m[0])) out.push({ w: m[0], at: m.index });
  return out;
}

/**
 * A guess at a word's part of speech good enough for a swap: after a determiner or possessive a noun; after "to", a
 * modal or a subject pronoun a verb; -ly an adverb; -ous/-ful/-ive/-able/-ic/-al an adjective; -ed/-ing a verb.
 */
function guessPos(s: string, at: number, w: string): WordNetPos {
  const before = s.slice(Math.max(0, at - 8), at).toLowerCase();
  if (/\b(the|a|an|its|his|her|their|our|this|that|these|those)\s$/.test(before)) return 'n';
  if (/\b(to|will|would|can|could|may|might|must|should|did|does|not|he|she|they|we|it)\s$/.test(before)) return 'v';
  if (w.endsWith('ly')) return 'r';
  if (/(ous|ful|ive|able|ible|ic|al)$/.test(w)) return 'a';
  if (/(ed|ing)$/.test(w)) return 'v';
  return 'n';
}

/** Re-inflect a base form like the word it replaces (-s, -ed, -ing), crudely. */
function inflectLike(orig: string, base: string): string {
  if (orig.endsWith('ing') && !base.endsWith('ing')) return base.replace(/e$/, '') + 'ing';
  if (orig.endsWith('ied') && base.endsWith('y')) return base.slice(0, -1) + 'ied';
  if (orig.endsWith('ed') && !base.endsWith('ed')) return /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ied' : base.replace(/e$/, '') + 'ed';
  if (orig.endsWith('s') && !orig.endsWith('ss') && !base.endsWith('s')) return /(sh|ch|x|z)$/.test(base) ? base + 'es' : /[^aeiou]y$/.test(base) ? base.slice(0, -1) + 'ies' : base + 's';
  return base;
}

const replaceAt = (s: string, at: number, len: number, by: string): string => s.slice(0, at) + by + s.slice(at + len);
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) && !/^(I|I'm)\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const stripEnd = (s: string): string => s.replace(/[.!?]+["”']?$/, '');

/**
 * Swap one plain word (antonym, cohyponym) or one to three (synonym) for a WordNet word of their guessed sense. The
 * words are drawn at random; for half the synonym swaps, words next to one already swapped come first, so that a
 * phrase is rewritten as a whole ("financially struggling" → "economically challenged"), as writers do.
 */
/** Whether a position of a sentence lies inside a quotation (an odd number of quote marks before it). */
function inQuote(s: string, at: number): boolean {
  return ((s.slice(0, at).match(/["“”]/g) ?? []).length % 2) === 1;
}

/** Words of a figure ("40 million", "12 percent"): a faithful swap must not touch them ("40 jillion"). */
const FIGURE_WORDS = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'percent', 'dozen', 'hundreds', 'thousands', 'millions', 'billions', 'dozens']);

function lexicalSwap(r: Rand, s: string, kind: 'synonym' | 'antonym' | 'cohyponym'): string | null {
  // A faithful rewrite leaves quotations as they are: a quote must match its source word for word.
  const cands = plainWords(s).filter(({ w, at }) => inWordNet(w) && !FIGURE_WORDS.has(w) && !(kind === 'synonym' && inQuote(s, at)));
  let order = [...cands].sort(() => r() - 0.5);
  const phrase = kind === 'synonym' && r() < 0.5;
  const swaps: { at: number; len: number; by: string }[] = [];
  let done = 0;
  const want = kind === 'synonym' ? 1 + Math.floor(r() * 3) : 1;
  const loose = kind === 'synonym' && r() < 0.5;
  while (order.length && done < want) {
    const { w, at } = order.shift()!;
    const base = w.replace(/(ing|ed|s)$/, '');
    const pos = guessPos(s, at, w);
    const tries = [w, base, `${base}e`];
    let alt: string | undefined;
    for (const t of tries) {
      // Half the swaps take a word of the sense the writer means (writerSynonymsOf), or now and then for a verb or
      // adjective another of its class ("poured" for "dumped"). The other half are loose: a synonym of any sense or
      // two steps away ("emptied" for "dumped"), most of which the verifier's WordNet view (three senses) cannot link.
      // A model-written paraphrase looks like that to the verifier: one word the lexicon cannot explain, in a
      // sentence otherwise covered. (Some loose swaps read as nonsense; the label says what the errors are not.)
      const xs = kind === 'synonym' ? (loose ? synonymsOf(t, pos).flatMap((x) => [x, ...synonymsOf(x, pos)]) : [...writerSynonymsOf(t, pos), ...(pos !== 'n' && r() < 0.3 ? siblingsOf(t, pos) : [])]) : kind === 'antonym' ? [...antonymsOf(t, pos), ...antonymsOf(t, 'a'), ...antonymsOf(t, 'v')] : siblingsOf(t, 'n');
      alt = pick(r, xs.filter((x) => x !== t && x.length > 2 && /^[a-z-]+$/.test(x)));
      if (alt) break;
    }
    if (!alt) continue;
    const by = inflectLike(w, alt);
    // An unfaithful swap must be what its label says, as WordNet reads the written forms: an antonym, or a sibling
    // ("road" / "path"). A crude inflection ("cognizancing") or a sibling of another part of speech would make a
    // word nobody can relate, which is what a loose paraphrase looks like: a wrong label.
    if (kind !== 'synonym' && !(kind === 'antonym' ? lexicalRelation(by, w) === 'antonym' : ['sibling', 'related'].includes(lexicalRelation(by, w) ?? ''))) continue;
    swaps.push({ at, len: w.length, by });
    done++;
    if (phrase) {
      const k = cands.findIndex((c) => c.at === at);
      const next = new Set([cands[k - 1], cands[k + 1]].filter((c) => c !== undefined));
      order = [...order.filter((c) => next.has(c)), ...order.filter((c) => !next.has(c))];
    }
  }
  // Right to left keeps earlier offsets valid.
  let out = s;
  for (const x of swaps.sort((a, b) => b.at - a.at)) out = replaceAt(out, x.at, x.len, x.by);
  return done ? out : null;
}

function reorder(s: string): string | null {
  const body = stripEnd(s);
  const end = s.slice(body.length) || '.';
  // "In 2019, the council voted ..." → "The council voted ... in 2019."
  const fronted = /^((?:In|On|At|After|Before|During|Since|Last|This|Earlier|Later|Following|Despite|Under|For)\b[^,"“]{2,60}),\s+(.+)$/.exec(body);
  if (fronted && !/"|“/.test(fronted[2]!)) return `${upperFirst(lowerFirst(fronted[2]!))} ${lowerFirst(fronted[1]!)}${end}`;
  // "The plan will fail, the minister said." → "The minister said the plan will fail."
  const attrib = /^([^"“”]{20,}),\s+((?:the |a )?[\w .'-]{2,40}?\s(?:said|says|added|told reporters))$/i.exec(body);
  if (attrib) return `${upperFirst(attrib[2]!)} ${lowerFirst(attrib[1]!)}${end}`;
  return null;
}

function passive(s: string): string | null {
  const body = stripEnd(s);
  const end = s.slice(body.length) || '.';
  const act = /^((?:The |A |An )?[A-Z][\w'-]*(?: [A-Z][\w'-]*)*) ([a-z]{3,}ed) ((?:the|a|an|his|her|its|their) [a-z][\w-]*(?: [a-z][\w-]*)?)((?:\s(?:in|on|at|for|after|during|last|this)\b.*)?)$/.exec(body);
  if (act) {
    const plural = /s$/.test(act[3]!.split(' ').pop()!) ? 'were' : 'was';
    return `${upperFirst(act[3]!)} ${plural} ${act[2]} by ${act[1]!.replace(/^(The|A|An) /, (m) => m.toLowerCase())}${act[4]}${end}`;
  }
  const pas = /^((?:The |A |An )?[a-z\w' -]{3,40}?) (?:was|were) ([a-z]{3,}ed) by ((?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*)*)((?:\s(?:in|on|at|for|after|during|last|this)\b.*)?)$/.exec(body);
  if (pas) return `${upperFirst(pas[3]!)} ${pas[2]} ${lowerFirst(pas[1]!)}${pas[4]}${end}`;
  return null;
}

/** The sentence without its attribution: "…, the minister said.", "According to X, …", "X said that …". */
function dropAttribution(s: string): string | null {
  const body = stripEnd(s);
  const end = s.slice(body.length) || '.';
  if (/["“”]/.test(body)) return null;
  const trailing = /^(.{30,}?),\s(?:(?:the |a |an )?[\w .'-]{2,40}?\s(?:said|says|added|told [\w ]{2,20}?)|(?:said|says|added) (?:the )?[\w .'-]{2,40}?|according to [\w .'-]{2,40}?)$/i.exec(body);
  if (trailing) return trailing[1]! + end;
  const according = /^According to [^,]{2,50},\s(.{30,})$/.exec(body);
  if (according) return upperFirst(according[1]!) + end;
  const leading = /^(?:The |A )?[\w .'-]{2,40}?\s(?:said|says|told [\w ]{2,20}?|announced)(?: on \w+)?(?: that)?\s(.{30,})$/.exec(body);
  if (leading && /^(?:the|a|an|it|he|she|they|its|their|his|her)\b/i.test(leading[1]!)) return upperFirst(leading[1]!) + end;
  return null;
}

/** A shorter sentence that says less: a parenthetical, a trailing clause or the attribution dropped (one drawn by `r`). */
function compress(s: string, r?: Rand): string | null {
  const body = stripEnd(s);
  const end = s.slice(body.length) || '.';
  const out: string[] = [];
  // A parenthetical between commas or dashes, or in brackets.
  const paren = /(,\s[^,"“”]{3,60},|\s[—–]\s[^—–"]{3,60}\s[—–]|\s\([^()]{2,60}\))/.exec(body);
  // Not inside a quotation (a quote must stay whole), and not a name's middle ("Sheppard, Mullin, Richter").
  if (paren && words(body) - words(paren[0]) >= 6 && !inQuote(body, paren.index) && !/^,\s\p{Lu}\p{Ll}+,$/u.test(paren[0])) out.push(body.slice(0, paren.index) + ' ' + body.slice(paren.index + paren[0].length).trimStart() + end);
  // A trailing clause.
  const tail = /,\s(?:which|who|while|as|after|before|with|including|according to|but)\b[^"“”]*$/.exec(body);
  if (tail && words(body.slice(0, tail.index)) >= 6 && !inQuote(body, tail.index)) out.push(body.slice(0, tail.index) + end);
  const attribution = dropAttribution(s);
  if (attribution && words(attribution) >= 6) out.push(attribution);
  if (!out.length) return null;
  return r ? pick(r, out)! : out[0]!;
}

function fusion(a: string, b: string): string | null {
  if (words(a) > 25 || words(b) > 25 || /["“”]/.test(a + b)) return null;
  const second = /^(?:He|She|It|They|This|That|These)\b/.test(b) ? b : lowerFirst(b);
  return `${stripEnd(a)}, and ${second}`;
}

/**
 * A summary sentence as a model writes one: two sentences of one passage (the same or the next paragraph, not
 * necessarily adjacent), each compressed or with its attribution dropped, fused into one.
 */
function summary(r: Rand, a: string, b: string): string | null {
  const ca = (r() < 0.7 ? compress(a, r) : null) ?? a;
  const cb = (r() < 0.7 ? compress(b, r) : null) ?? b;
  if (words(ca) + words(cb) > 50 || /["“”]/.test(ca + cb)) return null;
  const second = /^(?:He|She|It|They|This|That|These|I)\b/.test(cb) ? cb : lowerFirst(cb);
  return `${stripEnd(ca)}${pick(r, [', and ', '; ', ', while '])}${second}`;
}

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** The same figures written another way: "$1.2 billion" ↔ "$1.2bn", "15 percent" ↔ "15%", "1,500" → "1500", "five" ↔ "5". */
function format(r: Rand, s: string): string | null {
  const forms: [RegExp, (m: RegExpExecArray) => string][] = [
    [/\$(\d+(?:\.\d+)?) (billion|million)\b/, (m) => (r() < 0.5 ? `$${m[1]}${m[2] === 'billion' ? 'bn' : 'm'}` : `${m[1]} ${m[2]} dollars`)],
    [/\$(\d+(?:\.\d+)?)(bn|m)\b/, (m) => `$${m[1]} ${m[2] === 'bn' ? 'billion' : 'million'}`],
    [/\b(\d+(?:\.\d+)?) ?(?:per ?cent)\b/, (m) => `${m[1]}%`],
    [/\b(\d+(?:\.\d+)?)%/, (m) => `${m[1]} percent`],
    [/(?<![\d,.])(\d{1,3}),(\d{3})(?![\d,])/, (m) => `${m[1]}${m[2]}`],
    [/\b(one|two|three|four|five|six|seven|eight|nine|ten) (?=[a-z]{3,})/, (m) => `${SMALL.indexOf(m[1]!)} `],
    [/(?<![\d,.$])\b([2-9]|10) (?=[a-z]{3,}s\b)/, (m) => `${SMALL[Number(m[1])]} `],
  ];
  const hits = forms.flatMap(([re, f]) => {
    const m = re.exec(s);
    return m && !inQuote(s, m.index) ? [{ m, f }] : [];
  });
  const h = pick(r, hits);
  if (!h) return null;
  return replaceAt(s, h.m.index, h.m[0].length, h.f(h.m));
}

/** English function words: a sentence of a page in another language (Spanish, Papiamento) is not drawn. */
const ENGLISH = new Set(['the', 'a', 'an', 'of', 'and', 'to', 'in', 'is', 'was', 'were', 'are', 'for', 'that', 'on', 'with', 'as', 'by', 'at', 'it', 'he', 'she', 'they', 'from', 'has', 'have', 'had', 'be', 'been', 'will', 'would', 'this', 'which', 'who', 'not', 'but', 'or', 'its', 'his', 'her', 'their', 'said']);

/** At least three English function words and one word in five (set a priori; English prose runs near one in two). */
function looksEnglish(s: string): boolean {
  const ws = s.toLowerCase().match(/\p{L}+/gu) ?? [];
  const k = ws.filter((w) => ENGLISH.has(w)).length;
  return k >= 3 && k >= ws.length / 5;
}

function numberEdit(r: Rand, s: string): string | null {
  const nums = [...s.matchAll(/(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w,.]?\d)/g)].filter((m) => !/^(19|20)\d\d$/.test(m[0]));
  const m = pick(r, nums);
  if (!m) return null;
  const v = Number(m[0].replace(/,/g, ''));
  const dec = m[0].includes('.') ? m[0].split('.')[1]!.length : 0;
  let nv = v;
  while (nv === v) nv = r() < 0.5 ? v + 1 + Math.floor(r() * Math.max(2, v * 0.5)) : Math.max(0, Math.round(v * (0.3 + r() * 0.5)) - 1);
  const txt = dec ? nv.toFixed(dec) : m[0].includes(',') ? nv.toLocaleString('en-US') : String(nv);
  return replaceAt(s, m.index, m[0].length, txt);
}

function dateEdit(r: Rand, s: string): string | null {
  const day = new RegExp(`\\b(${DAYS.join('|')})\\b`).exec(s);
  if (day) return replaceAt(s, day.index, day[0].length, pick(r, DAYS.filter((d) => d !== day[0]))!);
  const month = new RegExp(`\\b(${MONTHS.join('|')})\\b`).exec(s);
  if (month && !/^May$/.test(month[0])) return replaceAt(s, month.index, month[0].length, pick(r, MONTHS.filter((d) => d !== month[0] && d !== 'May'))!);
  const year = /\b(19[5-9]\d|20[0-3]\d)\b/.exec(s);
  if (year) return replaceAt(s, year.index, 4, String(Number(year[0]) + (r() < 0.5 ? -1 : 1) * (1 + Math.floor(r() * 3))));
  return null;
}

function entityEdit(r: Rand, s: string, pool: readonly string[]): string | null {
  const here = names(s);
  const target = pick(r, here);
  if (!target) return null;
  const others = pool.filter((p) => p !== target && !s.includes(p) && !p.includes(target) && !target.includes(p) && (p.includes(' ') === target.includes(' ')));
  const by = pick(r, others);
  if (!by) return null;
  return s.replace(target, by);
}

function roleEdit(s: string): string | null {
  const ns = [...new Set(names(s))];
  if (ns.length < 2) return null;
  const [a, b] = [ns[0]!, ns[1]!];
  if (a.includes(b) || b.includes(a)) return null;
  const ia = s.indexOf(a);
  const ib = s.indexOf(b, ia + a.length);
  if (ia < 0 || ib < 0) return null;
  // Two arguments of something said between them ("Smith beat Jones"); a list ("Smith and Jones", "Smith, Jones")
  // in another order says the same.
  if (!/\p{L}{3,}/u.test(s.slice(ia + a.length, ib).replace(/\b(?:and|or|nor|as well as)\b/gi, ''))) return null;
  return s.slice(0, ia) + b + s.slice(ia + a.length, ib) + a + s.slice(ib + b.length);
}

function negationEdit(s: string): string | null {
  const m = AUX_RE.exec(s);
  if (!m || /"|“/.test(s.slice(0, m.index))) return null;
  return replaceAt(s, m.index, m[0].length, `${m[0]} not`);
}

function invented(r: Rand, s: string, foreign: readonly string[]): string | null {
  const donor = pick(r, foreign.filter((f) => words(f) >= 8 && !/["“”]/.test(f)));
  if (!donor) return null;
  const w = stripEnd(donor).split(/\s+/);
  // Two to ten words: an added purpose or reason ("to please donors") is as much an invention as a clause.
  const k = Math.min(w.length, 2 + Math.floor(r() * 9));
  const clause = lowerFirst(w.slice(Math.max(0, w.length - k)).join(' '));
  const link = k <= 4 ? pick(r, [' to', ' for', ' after', ' with'])! : `, ${pick(r, ['after', 'while', 'because', 'as'])!}`;
  return `${stripEnd(s)}${link} ${clause}.`;
}

/**
 * Labelled claims from one article's paragraphs. `foreign` holds sentences of other articles (for invented clauses
 * and swapped-in names); `perType` caps the examples of each type drawn from this article.
 */
export function synthesize(paragraphs: readonly string[], foreign: readonly string[], seed: number, perType = 1): SynthExample[] {
  const r = rng(seed);
  const sents: Sent[] = [];
  paragraphs.forEach((p, i) => {
    for (const s of splitSentences(p)) {
      const t = s.text.trim();
      if (words(t) >= 8 && words(t) <= 45 && /[.!?]["”']?$/.test(t) && /^[A-Z"“]/.test(t) && looksEnglish(t)) sents.push({ text: t, paragraph: i });
    }
  });
  if (sents.length < 4) return [];
  const pool = [...new Set([...paragraphs.flatMap(names), ...foreign.flatMap(names)])];
  const out: SynthExample[] = [];
  const shuffled = (): Sent[] => [...sents].sort(() => r() - 0.5);
  const faithfulOf = (type: FaithfulEdit, s: Sent): string | null => {
    switch (type) {
      case 'synonym': return lexicalSwap(r, s.text, 'synonym');
      case 'reorder': return reorder(s.text);
      case 'passive': return passive(s.text);
      case 'compress': return compress(s.text, r);
      case 'fusion': {
        const next = sents.find((x) => x.paragraph === s.paragraph && sents.indexOf(x) === sents.indexOf(s) + 1);
        return next ? fusion(s.text, next.text) : null;
      }
      case 'summary': {
        const k = sents.indexOf(s);
        const later = sents.filter((x, i) => i > k + 1 && i <= k + 4 && x.paragraph - s.paragraph <= 1);
        const other = pick(r, later);
        return other ? summary(r, s.text, other.text) : null;
      }
      case 'format': return format(r, s.text);
    }
  };
  for (const type of FAITHFUL) {
    let n = 0;
    for (const s of shuffled()) {
      if (n >= perType) break;
      const c = faithfulOf(type, s);
      if (c && c !== s.text) {
        out.push({ claim: c, label: 1, type, dropParagraph: null });
        n++;
      }
    }
  }
  const paragraphCount = paragraphs.length;
  for (const type of UNFAITHFUL) {
    let n = 0;
    for (const s of shuffled()) {
      if (n >= perType) break;
      // Half the time the edit lands on a faithful rewrite (a synonym swap or a compression) of the sentence.
      const base = r() < 0.5 ? ((r() < 0.5 ? lexicalSwap(r, s.text, 'synonym') : compress(s.text, r)) ?? s.text) : s.text;
      let c: string | null = null;
      let drop: number | null = null;
      switch (type) {
        case 'entity': c = entityEdit(r, base, pool); break;
        case 'number': c = numberEdit(r, base); break;
        case 'date': c = dateEdit(r, base); break;
        case 'role': c = roleEdit(base); break;
        case 'negation': c = negationEdit(base); break;
        case 'antonym': c = lexicalSwap(r, base, 'antonym'); break;
        case 'cohyponym': c = lexicalSwap(r, base, 'cohyponym'); break;
        case 'invented': c = invented(r, base, foreign); break;
        case 'wrong-paragraph': {
          if (paragraphCount < 3) break;
          // The sentence must not be repeated in another paragraph (a lede restated later).
          if (paragraphs.some((p, i) => i !== s.paragraph && p.includes(s.text.slice(0, 40)))) break;
          c = base;
          drop = s.paragraph;
          break;
        }
      }
      if (c && (c !== s.text || type === 'wrong-paragraph')) {
        out.push({ claim: c, label: 0, type, dropParagraph: drop });
        n++;
      }
    }
  }
  return out;
}
