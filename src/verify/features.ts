/**
 * What the decision model (model.ts) sees of a claim's alignment to its evidence: how much of the claim is covered
 * and how, what is missing and of what kind, what WordNet says of the missing words against the evidence's words,
 * conflicts by kind, the order of the named participants, modality. One number per name in FEATURE_NAMES.
 */
import { lexicalRelation, type LexRelation } from '../text/wordnet.js';
import type { Item } from './align.js';
import { baseForm } from './lexicon.js';
import type { Unit } from './retrieve.js';
import type { Conflict } from './types.js';

export const FEATURE_NAMES = [
  'coverage', 'plainMissing', 'plainMissingInRun', 'lexicalCover', 'hyponym', 'sibling', 'related', 'antonym', 'missingNames',
  'missingValues', 'missingStrict', 'conflictValue', 'conflictNegation', 'conflictEntity', 'conflictOther',
  'quoteUnfound', 'extraUnits', 'logItems', 'maxMissingRun', 'plainMissingWeight', 'roleSwap', 'modality', 'longRun',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** How WordNet relates a missing claim item to the evidence's words, best (most supportive) relation first. */
const PREFERENCE: readonly LexRelation[] = ['synonym', 'derived', 'hypernym', 'antonym', 'related', 'hyponym', 'sibling'];

/** The best WordNet relation of a claim word to any word of the evidence units, with that word, or null. */
export function lexicalMatch(item: Item, units: readonly Unit[]): { relation: LexRelation; unit: Unit; start: number; end: number } | null {
  const t = item.token;
  if (!t) return null;
  const c = baseForm(t.norm);
  let best: { relation: LexRelation; unit: Unit; start: number; end: number } | null = null;
  for (const u of units) for (const s of u.tokens) {
    if (s.key === t.key) continue;
    const r = lexicalRelation(c, baseForm(s.norm));
    if (r && (!best || PREFERENCE.indexOf(r) < PREFERENCE.indexOf(best.relation))) best = { relation: r, unit: u, start: s.start, end: s.end };
    if (best?.relation === 'synonym') return best;
  }
  return best;
}

/** A word with a digit the number finder did not read ("9.40", "G7"): a figure, which must be in the evidence. */
export function isFigure(i: Item): boolean {
  return i.kind === 'word' && /\d/.test(i.text);
}

/** Relations under which a missing word counts as covered by a paraphrase. */
export const COVERING: ReadonlySet<LexRelation> = new Set(['synonym', 'derived', 'hypernym']);

export interface AlignmentSummary {
  items: readonly Item[];
  covered: ReadonlyMap<Item, Unit>;
  /** Missing items with their WordNet relation to the evidence (null: none). */
  lexical: ReadonlyMap<Item, LexRelation | null>;
  units: readonly Unit[];
  conflicts: readonly Conflict[];
  quotesUnfound: number;
  claim: string;
  /** Claim offset of `claim` in the item coordinates. */
  offset: number;
}

/**
 * Modal verbs and hedges a claim may add. Only function words and hedging adverbs: "plan", "expected" and "proposed"
 * are content words a writer puts for "scheme" or "forecast" ("a plan to support the company"), not modality.
 */
const MODAL_RE = /\b(may|might|could|would|should|must|likely|unlikely|possibly|probably|reportedly|allegedly)\b/gi;
const QUOTED_RE = /"[^"]*"|“[^”]*”|‘[^’]*’/g;
const PASSIVE_RE = /\b(?:was|were|is|are|been|being|be)\s+\w+(?:ed|en)\s+by\b/i;

/** Content tokens between two swapped names at most (set a priori: subject, verb, object and a few modifiers). */
const ROLE_SPAN = 6;

/** Named participants of the claim whose order in their evidence unit is the reverse of the claim's, with no passive to explain it. */
function roleSwap(s: AlignmentSummary): number {
  // Names of entities the analyser found (not nation words or other capitalised words), one per entity; only the
  // name's own tokens, never an honorific ("Mr" before Zelensky is also the "Mr" before Trump).
  const named = s.items.filter((i) => i.kind === 'name' && i.token && i.entityNames?.includes(i.token.norm) && s.covered.has(i));
  for (let a = 0; a < named.length; a++) for (let b = a + 1; b < named.length; b++) {
    const x = named[a]!;
    const y = named[b]!;
    if (y.start - x.end <= 1 || x.token!.norm === y.token!.norm || x.entityNames!.some((n) => y.entityNames!.includes(n))) continue;
    const u = s.covered.get(x)!;
    if (s.covered.get(y) !== u) continue;
    const px = u.tokens.findIndex((t) => t.norm === x.token!.norm);
    const py = u.tokens.findIndex((t) => t.norm === y.token!.norm);
    // Two arguments of one verb sit close in both texts ("Smith beat Jones"); names far apart are not a swap.
    if (px < 0 || py < 0 || px < py || px - py > ROLE_SPAN || y.start - x.end > ROLE_SPAN * 8) continue;
    // What relates them (a verb, a preposition's object) lies between them in both texts: "Smith beat Jones" for
    // "Jones beat Smith". A list ("Trump and Zelensky") or an apposition ("Mark Rutte, Nato secretary general") read
    // in another order is no swap.
    const between = s.items.some((w) => w.kind === 'word' && w.token && w.start >= x.end && w.end <= y.start && s.covered.get(w) === u && (() => {
      const pw = u.tokens.findIndex((t) => t.norm === w.token!.norm);
      return pw > py && pw < px;
    })());
    if (!between) continue;
    if (PASSIVE_RE.test(s.claim) !== PASSIVE_RE.test(u.text)) continue;
    return 1;
  }
  return 0;
}

export function claimFeatures(s: AlignmentSummary): number[] {
  const total = s.items.reduce((n, i) => n + i.weight, 0);
  const coveredWeight = s.items.filter((i) => s.covered.has(i)).reduce((n, i) => n + i.weight, 0);
  const plain = s.items.filter((i) => i.kind === 'word' && !i.cls);
  const plainTotal = Math.max(plain.reduce((n, i) => n + i.weight, 0), 1e-9);
  const lex = (i: Item): LexRelation | null => s.lexical.get(i) ?? null;
  const missing = s.items.filter((i) => !s.covered.has(i));
  const trulyMissing = new Set(missing.filter((i) => !COVERING.has(lex(i) as LexRelation)));
  const ordered = [...s.items].sort((a, b) => a.start - b.start);
  const inRun = (i: Item): boolean => {
    const k = ordered.indexOf(i);
    return trulyMissing.has(ordered[k - 1]!) || trulyMissing.has(ordered[k + 1]!);
  };
  let run = 0;
  let maxRun = 0;
  // The length of the run of missing items each missing item stands in.
  const runOf = new Map<Item, number>();
  let members: Item[] = [];
  for (const i of [...ordered, null]) {
    if (i && trulyMissing.has(i)) {
      run++;
      members.push(i);
    } else {
      for (const m of members) runOf.set(m, run);
      run = 0;
      members = [];
    }
    maxRun = Math.max(maxRun, run);
  }
  // WordNet's word for a substitution in place (a run of at most two missing items, the rest of the sentence
  // covered): a sibling, an antonym, a more specific word. The same relation inside an invented clause or a
  // sentence from elsewhere is chance, and the run features speak for those.
  const inPlace = (i: Item): boolean => (runOf.get(i) ?? 0) <= 2;
  const plainMissing = plain.filter((i) => trulyMissing.has(i));
  const count = (pred: (i: Item) => boolean): number => missing.filter(pred).length;
  const conflicts = (kinds: readonly string[]): number => s.conflicts.filter((c) => kinds.includes(c.kind)).length;
  // Modal words the claim adds, outside its quotes (a quote is checked verbatim on its own: quotes.ts).
  const claimModals = new Set([...s.claim.replace(QUOTED_RE, ' ').matchAll(MODAL_RE)].map((m) => m[0].toLowerCase()));
  const unitModals = new Set(s.units.flatMap((u) => [...u.text.matchAll(MODAL_RE)].map((m) => m[0].toLowerCase())));
  const modality = [...claimModals].filter((m) => !unitModals.has(m)).length;
  const f: Record<FeatureName, number> = {
    coverage: total ? coveredWeight / total : 1,
    plainMissing: plainMissing.reduce((n, i) => n + i.weight, 0) / plainTotal,
    plainMissingInRun: plainMissing.filter(inRun).reduce((n, i) => n + i.weight, 0) / plainTotal,
    lexicalCover: plain.filter((i) => !s.covered.has(i) && COVERING.has(lex(i) as LexRelation)).reduce((n, i) => n + i.weight, 0) / plainTotal,
    hyponym: count((i) => lex(i) === 'hyponym' && inPlace(i)),
    sibling: count((i) => lex(i) === 'sibling' && inPlace(i)),
    related: count((i) => lex(i) === 'related' && inPlace(i)),
    antonym: count((i) => lex(i) === 'antonym'),
    missingNames: count((i) => i.kind === 'name' && trulyMissing.has(i)),
    missingValues: count((i) => i.kind === 'number' || i.kind === 'date' || isFigure(i)),
    missingStrict: count((i) => i.kind === 'role' || i.kind === 'outlet' || (i.kind === 'word' && Boolean(i.cls))),
    conflictValue: conflicts(['number', 'date']),
    conflictNegation: conflicts(['negation']),
    conflictEntity: conflicts(['person-in-role', 'actor', 'place', 'speaker']),
    conflictOther: conflicts(['other', 'altered-quote']),
    quoteUnfound: s.quotesUnfound,
    extraUnits: Math.max(0, s.units.length - 1),
    logItems: Math.log1p(s.items.length),
    maxMissingRun: Math.min(maxRun, 5),
    plainMissingWeight: Math.min(plainMissing.reduce((n, i) => n + i.weight, 0), 10),
    roleSwap: roleSwap(s),
    modality: Math.min(modality, 2),
    // Missing words in a row beyond two: a phrase rewritten as a whole ("economically challenged" for "financially
    // struggling") is two; an invented clause is five or more (cap 8, set a priori).
    longRun: Math.max(0, Math.min(maxRun, 8) - 2),
  };
  return FEATURE_NAMES.map((n) => f[n]);
}
