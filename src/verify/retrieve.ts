/**
 * Source index: each source analysed once, cut into sentence units with their match keys, and a BM25 index over
 * the units' keys for retrieving candidate evidence.
 */
import { analyse, contentWords, findNumbers, type Analysis, type DateMention, type Entity, type NumberMention } from '../text/index.js';
import { impliedNation, isNegation, lemmaKey, nationKey, prepText, synonymKey } from './lexicon.js';
import type { SourceDoc } from './types.js';

export interface UnitToken {
  start: number;
  end: number;
  norm: string;
  /** Lemma key ("say", "meet"). */
  key: string;
  /** Paraphrase key (synonym group head). */
  syn: string;
}

export interface Unit {
  /** Index into SourceIndex.sources. */
  source: number;
  /** Sentence index in the source. */
  sentence: number;
  start: number;
  end: number;
  text: string;
  tokens: UnitToken[];
  keys: Set<string>;
  syns: Set<string>;
  /** Lowercased tokens of the names of every entity mentioned in the unit (aliases included). */
  names: Set<string>;
  /** Entity ids mentioned. */
  entities: Set<string>;
  numbers: NumberMention[];
  dates: DateMention[];
  /** Negation words outside quotes, with the position. */
  negations: { start: number; norm: string }[];
}

export interface IndexedSource {
  doc: SourceDoc;
  analysis: Analysis;
  units: Unit[];
  entityById: Map<string, Entity>;
  /** Length-preserving matching form of the text (quote marks folded, whitespace as single spaces). */
  quoteText: string;
}

export interface SourceIndex {
  sources: IndexedSource[];
  /** All units, in source order. */
  units: Unit[];
  /** Document frequency per key. */
  df: Map<string, number>;
  avgLen: number;
  /** Role bindings seen in the sources: role-name mentions ("German chancellor Friedrich Merz"). */
  roleBindings: { source: number; unit: Unit; role: string; name: string; start: number; end: number }[];
  /** Lowercased name tokens of every source entity → roles bound to it (role phrase as written). */
  rolesByNameToken: Map<string, Set<string>>;
}

export function tokenKeys(text: string, offset = 0): UnitToken[] {
  const out: UnitToken[] = [];
  const prepped = prepText(text);
  for (const w of contentWords(prepped)) {
    const key = w.kind === 'number' ? w.norm.replace(/,/g, '') : lemmaKey(w.norm, w.stem);
    out.push({ start: w.start + offset, end: w.end + offset, norm: w.norm, key, syn: nationKey(w.norm) ?? synonymKey(key) });
  }
  // "US" (and "U.S.", prepared to "US") is a country, not the stopword "us".
  if (prepped.includes('US')) {
    for (const m of prepped.matchAll(/\bUS\b/g)) out.push({ start: m.index + offset, end: m.index + 2 + offset, norm: 'us', key: 'usa', syn: 'us' });
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** Numbers in a text, on the prepared form ("20 000" reads as 20,000); days and years inside dates left out. */
export function numbersIn(text: string, dates: readonly DateMention[], offset = 0): NumberMention[] {
  const inDate = (s: number, e: number): boolean => dates.some((d) => d.start < e && s < d.end);
  return findNumbers(prepText(text))
    .map((n) => ({ ...n, start: n.start + offset, end: n.end + offset, text: text.slice(n.start, n.end) }))
    .filter((n) => n.kind === 'money' || n.kind === 'percent' || !inDate(n.start, n.end));
}

/** Quote-matching form, same length as the input: typographic quotes → ASCII, any whitespace → one space char. */
export function quoteForm(s: string): string {
  return s.replace(/[‘’‚‛′`]/g, "'").replace(/[“”„‟″«»]/g, '"').replace(/[\s\u00a0\u200b\u2007\u202f]/g, ' ').replace(/[‐‑‒–—―−]/g, '-');
}

export function nameTokens(e: Entity | undefined): string[] {
  if (!e) return [];
  const out: string[] = [];
  for (const n of [e.name, ...e.aliases]) {
    // Role anaphors ("the US President") are aliases too, but their words are not the person's name.
    if (/^(the|a|an)\s/i.test(n) || !/^\p{Lu}/u.test(n)) continue;
    for (const t of n.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u)) if (t.length > 1 && !/^(mr|mrs|ms|sir|dr|dame|lord|lady)$/.test(t)) out.push(t);
  }
  return out;
}

function quoteSpans(a: Analysis): [number, number][] {
  return a.quotes.map((q) => [q.outerStart, q.outerEnd]);
}

export function buildSourceIndex(docs: readonly SourceDoc[]): SourceIndex {
  const sources: IndexedSource[] = [];
  const units: Unit[] = [];
  const df = new Map<string, number>();
  const roleBindings: SourceIndex['roleBindings'] = [];
  const rolesByNameToken = new Map<string, Set<string>>();
  let totalLen = 0;
  docs.forEach((doc, si) => {
    const analysis = analyse({ text: doc.text, published: doc.published ?? null });
    const entityById = new Map(analysis.entities.map((e) => [e.id, e]));
    const qs = quoteSpans(analysis);
    const src: IndexedSource = { doc, analysis, units: [], entityById, quoteText: quoteForm(doc.text) };
    let mi = 0;
    let di = 0;
    const mentions = [...analysis.mentions].sort((a, b) => a.start - b.start);
    const dates = [...analysis.dates].sort((a, b) => a.start - b.start);
    for (const s of analysis.sentences) {
      const tokens = tokenKeys(s.text, s.start);
      const names = new Set<string>();
      const entities = new Set<string>();
      while (mi < mentions.length && mentions[mi]!.start < s.start) mi++;
      for (let k = mi; k < mentions.length && mentions[k]!.start < s.end; k++) {
        const m = mentions[k]!;
        if (m.entityId) {
          entities.add(m.entityId);
          for (const t of nameTokens(entityById.get(m.entityId))) names.add(t);
        }
        if (m.kind === 'role-name' && m.role && m.entityId) {
          const e = entityById.get(m.entityId);
          const unitRef = { source: si, role: m.role, name: e?.name ?? m.text, start: m.start, end: m.end };
          roleBindings.push({ ...unitRef, unit: null as unknown as Unit });
          for (const t of nameTokens(e)) {
            let set = rolesByNameToken.get(t);
            if (!set) rolesByNameToken.set(t, (set = new Set()));
            set.add(m.role);
          }
        }
      }
      while (di < dates.length && dates[di]!.start < s.start) di++;
      const sDates: DateMention[] = [];
      for (let k = di; k < dates.length && dates[k]!.start < s.end; k++) sDates.push(dates[k]!);
      const negations: Unit['negations'] = [];
      for (const t of tokens) if (isNegation(t.norm) && !qs.some(([a, b]) => a <= t.start && t.start < b)) negations.push({ start: t.start, norm: t.norm });
      // contentWords drops stopwords, and "not" is one: scan the raw sentence for negations too.
      for (const m of s.text.matchAll(/\b(not|never|no|cannot|\w+n[’']t)\b/gi)) {
        const pos = s.start + (m.index ?? 0);
        if (!qs.some(([a, b]) => a <= pos && pos < b) && !negations.some((n) => n.start === pos)) negations.push({ start: pos, norm: m[0].toLowerCase() });
      }
      const unit: Unit = {
        source: si,
        sentence: s.index,
        start: s.start,
        end: s.end,
        text: s.text,
        tokens,
        keys: new Set(tokens.map((t) => t.key)),
        syns: new Set([...tokens.map((t) => t.syn), ...tokens.flatMap((t) => impliedNation(t.norm) ?? [])]),
        names,
        entities,
        numbers: numbersIn(s.text, sDates, s.start),
        dates: sDates,
        negations,
      };
      for (const rb of roleBindings) if (rb.unit === null && rb.source === si && rb.start >= s.start && rb.start < s.end) rb.unit = unit;
      src.units.push(unit);
      units.push(unit);
      totalLen += unit.keys.size;
      for (const k of unit.keys) df.set(k, (df.get(k) ?? 0) + 1);
    }
    sources.push(src);
  });
  return { sources, units, df, avgLen: units.length ? totalLen / units.length : 1, roleBindings: roleBindings.filter((r) => r.unit), rolesByNameToken };
}

/** Inverse document frequency of a key over the units (BM25's form, floored at a small positive value). */
export function idf(index: SourceIndex, key: string): number {
  const n = index.units.length;
  const d = index.df.get(key) ?? 0;
  return Math.max(0.05, Math.log(1 + (n - d + 0.5) / (d + 0.5)));
}

/** BM25 (k1 1.2, b 0.75: the usual defaults, not tuned) of every unit for a bag of query keys; the best `k` units. */
export function retrieve(index: SourceIndex, queryKeys: readonly string[], k: number): { unit: Unit; score: number }[] {
  const k1 = 1.2;
  const b = 0.75;
  const q = [...new Set(queryKeys)];
  const weights = q.map((key) => idf(index, key));
  const scored: { unit: Unit; score: number }[] = [];
  for (const unit of index.units) {
    let score = 0;
    const len = unit.keys.size;
    for (let i = 0; i < q.length; i++) {
      if (!unit.keys.has(q[i]!)) continue;
      score += (weights[i]! * (k1 + 1)) / (1 + k1 * (1 - b + (b * len) / index.avgLen));
    }
    if (score > 0) scored.push({ unit, score });
  }
  scored.sort((x, y) => y.score - x.score || x.unit.source - y.unit.source || x.unit.start - y.unit.start);
  return scored.slice(0, k);
}

/** The unit `delta` sentences away in the same source, or null. */
export function neighbour(index: SourceIndex, unit: Unit, delta: number): Unit | null {
  return index.sources[unit.source]!.units[unit.sentence + delta] ?? null;
}
