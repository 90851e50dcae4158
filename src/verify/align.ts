/**
 * Claim items (the words, names, roles, numbers and dates a claim asserts) and their coverage by a set of evidence
 * units. Names may be covered from a small window before the evidence (a pronoun's antecedent); plain words, numbers
 * and dates must be in the evidence units themselves.
 */
import { roleKey, stem, type DateMention, type NumberMention } from '../text/index.js';
import { roleKeyString } from '../text/roles.js';
import { WEAK_WORDS } from './lexicon.js';
import { idf, neighbour, tokenKeys, type SourceIndex, type Unit, type UnitToken } from './retrieve.js';

export type ItemKind = 'word' | 'name' | 'role' | 'number' | 'date' | 'outlet';

export interface Item {
  kind: ItemKind;
  text: string;
  start: number;
  end: number;
  weight: number;
  token?: UnitToken;
  /** Name tokens of the claim-side entity this item refers to (names and roles). */
  entityNames?: string[];
  role?: string;
  number?: NumberMention;
  date?: DateMention;
  /** Outlet words: their keys, all of which must be in one evidence unit. */
  outletKeys?: string[];
  /** Closed word class of a plain word ("colour", "ordinal", "nation": classes.ts): such a word must be supported. */
  cls?: string;
  /** A name token the name's other tokens may stand for (a first name whose surname the evidence has). */
  nameFallback?: boolean;
}

/** How many sentences before an evidence unit may hold a name's antecedent. */
export const NAME_WINDOW = 2;

export function windowOf(index: SourceIndex, units: readonly Unit[]): Unit[] {
  const out = new Set<Unit>(units);
  for (const u of units) for (let d = 1; d <= NAME_WINDOW; d++) {
    const n = neighbour(index, u, -d);
    if (n) out.add(n);
  }
  return [...out];
}

function sameUnit(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const f = (s: string): string => s.toLowerCase().replace(/s$/, '');
  return f(a) === f(b);
}

export function numberMatches(a: NumberMention, b: NumberMention): boolean {
  if (Math.abs(a.value - b.value) > 1e-9 * Math.max(1, Math.abs(a.value))) return false;
  if ((a.kind === 'money') !== (b.kind === 'money')) return false;
  return a.kind === 'money' || a.kind === 'percent' ? a.unit === b.unit || !a.unit || !b.unit : sameUnit(a.unit, b.unit);
}

const dayWord = (s: string): string => s.toLowerCase().replace(/^(on|last|this|next|by|from|until|since|in)\s+/, '').replace(/[’']s$/, '').trim();

export function dateMatches(a: DateMention, b: DateMention): boolean {
  if (a.date && b.date) return a.date === b.date || (a.granularity !== 'day' && b.granularity !== 'day' && a.date.slice(0, 7) === b.date.slice(0, 7));
  const wa = dayWord(a.text);
  const wb = dayWord(b.text);
  return wa === wb || wa.includes(wb) || wb.includes(wa);
}

export function covers(index: SourceIndex, item: Item, units: readonly Unit[], window: readonly Unit[]): Unit | null {
  switch (item.kind) {
    case 'word': {
      const t = item.token!;
      for (const u of units) if (u.keys.has(t.key) || u.syns.has(t.syn)) return u;
      if (t.norm.includes('-')) {
        const parts = tokenKeys(t.norm.replace(/-/g, ' '));
        if (parts.length > 1) for (const u of units) if (parts.every((p) => u.keys.has(p.key) || u.syns.has(p.syn))) return u;
      }
      // A compound written as one word in one text and two in the other ("clifftop" / "cliff top").
      for (const u of units) if (u.text.toLowerCase().replace(/[\s-]+/g, '').includes(t.norm.replace(/-/g, '')) && t.norm.length >= 6) return u;
      return null;
    }
    case 'name': {
      const t = item.token!;
      for (const u of window) if (u.names.has(t.norm) || u.keys.has(t.key) || u.syns.has(t.syn)) return u;
      if (item.nameFallback && item.entityNames?.length) for (const u of window) if (item.entityNames.some((n) => n !== t.norm && u.names.has(n))) return u;
      return null;
    }
    case 'role': {
      const t = item.token!;
      for (const u of window) if (u.keys.has(t.key) || u.syns.has(t.syn)) return u;
      if (item.role && item.entityNames?.length) {
        const want = roleKeyString(roleKey(item.role));
        for (const n of item.entityNames) for (const r of index.rolesByNameToken.get(n) ?? []) if (roleKeyString(roleKey(r)) === want) {
          const u = window.find((w) => item.entityNames!.some((x) => w.names.has(x)));
          if (u) return u;
        }
      }
      return null;
    }
    case 'number': {
      const n = item.number!;
      // "one-month": a count with a unit matches a bare number only where the evidence names the same unit.
      const unitKey = n.unit ? stem(n.unit) : null;
      for (const u of units) if (u.numbers.some((x) => numberMatches(n, x) && (!unitKey || n.kind === 'money' || n.kind === 'percent' || x.unit !== null || u.keys.has(unitKey)))) return u;
      return null;
    }
    case 'date': {
      for (const u of units) if (u.dates.some((d) => dateMatches(item.date!, d))) return u;
      return null;
    }
    case 'outlet': {
      for (const u of units) {
        if (item.outletKeys!.every((k) => u.keys.has(k))) return u;
        const pub = index.sources[u.source]!.doc.publisher;
        if (pub && item.outletKeys!.every((k) => pub.toLowerCase().includes(k.replace(/[^a-z0-9]+$/, '')))) return u;
      }
      return null;
    }
  }
}

export function itemWeight(index: SourceIndex, kind: ItemKind, key: string): number {
  if (kind === 'number' || kind === 'date') return 3;
  if (kind === 'name' || kind === 'outlet') return 2;
  if (kind === 'role') return 1.5;
  return Math.min(3, Math.max(0.5, idf(index, key)));
}

export function isWeak(norm: string): boolean {
  return WEAK_WORDS.has(norm);
}
