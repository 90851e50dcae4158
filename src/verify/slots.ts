/**
 * Slot conflicts: the same slot filled differently by the sources. A role bound to a different person, a different
 * number or date where the evidence states one, a negation the evidence lacks (or the reverse), an antonym.
 */
import { roleKey, stem, type Mention } from '../text/index.js';
import { roleKeyString } from '../text/roles.js';
import { dateMatches, numberMatches, type Item } from './align.js';
import { ANTONYMS, baseForm, lemmaKey } from './lexicon.js';
import { lexicalRelation } from '../text/wordnet.js';
import { closedClass } from './classes.js';
import { tokenKeys, type SourceIndex, type Unit, type UnitToken } from './retrieve.js';
import type { Conflict, Evidence } from './types.js';

/** Offices one person holds at a time for a given nation: two names in one of them cannot both be right. */
const SINGLE_OFFICES = new Set(['president', 'prime minister', 'chancellor', 'secretary general', 'vice president', 'king', 'queen', 'pope', 'foreign secretary', 'foreign minister', 'defence secretary', 'home secretary', 'secretary of state', 'first minister', 'taoiseach', 'emir']);

export function unitEvidence(index: SourceIndex, u: Unit, score: number): Evidence {
  const doc = index.sources[u.source]!.doc;
  return { sourceId: doc.id, start: u.start, end: u.end, text: doc.text.slice(u.start, u.end), score };
}

const parts = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 1);

export function roleConflicts(index: SourceIndex, mentions: readonly Mention[], entityName: (m: Mention) => string): Conflict[] {
  const out: Conflict[] = [];
  for (const m of mentions) {
    if (m.kind !== 'role-name' || !m.role || m.type !== 'person' || /\b(former|ex|then|acting|outgoing|incoming)\b/i.test(m.role)) continue;
    const key = roleKey(m.role);
    if (!key.head || !key.nation || !SINGLE_OFFICES.has(key.head)) continue;
    const want = roleKeyString(key);
    const names = new Set([...parts(m.text), ...parts(entityName(m))]);
    const same = index.roleBindings.filter((rb) => !/\b(former|ex|then|acting|outgoing|incoming)\b/i.test(rb.role) && roleKeyString(roleKey(rb.role)) === want);
    if (!same.length || same.some((rb) => parts(rb.name).some((p) => names.has(p)))) continue;
    const rb = same[0]!;
    out.push({
      kind: 'person-in-role',
      claimSpan: `${m.role} ${m.text}`,
      sourceSpan: `${rb.role} ${rb.name}`,
      evidence: unitEvidence(index, rb.unit, 1),
      explanation: `the sources name ${rb.name} as ${rb.role}, not ${m.text}`,
    });
  }
  return out;
}

/** A number or date the claim states and the evidence states differently. */
export function valueConflicts(index: SourceIndex, missing: readonly Item[], chosen: readonly Unit[], claimKeys: readonly string[] = []): Conflict[] {
  const out: Conflict[] = [];
  for (const item of missing) {
    if (item.kind === 'number' && item.number) {
      const n = item.number;
      // Stated somewhere in the sources, only not in the chosen evidence: unsupported there, not contradicted.
      if (index.units.some((u) => u.numbers.some((x) => numberMatches(n, x)))) continue;
      for (const u of chosen) {
        const other = u.numbers.find((x) => !numberMatches(n, x) && x.kind === n.kind && (n.kind === 'money' || n.kind === 'percent' || n.kind === 'year' || (n.unit !== null && x.unit !== null && stem(n.unit) === stem(x.unit))));
        if (other) {
          out.push({ kind: 'number', claimSpan: n.text, sourceSpan: other.text, evidence: unitEvidence(index, u, 1), explanation: `the claim says ${n.text}; the source says ${other.text}` });
          break;
        }
      }
    } else if (item.kind === 'date' && item.date) {
      const d = item.date;
      for (const u of chosen) {
        const other = u.dates.find((x) => x.granularity === d.granularity && !dateMatches(d, x));
        if (other) {
          out.push({ kind: 'date', claimSpan: d.text, sourceSpan: other.text, evidence: unitEvidence(index, u, 1), explanation: `the claim says ${d.text}${d.date ? ` (${d.date})` : ''}; the source says ${other.text}${other.date ? ` (${other.date})` : ''}` });
          break;
        }
      }
    } else if ((item.kind === 'word' || item.kind === 'name') && item.token) {
      const k = item.token.key;
      const opposite = ANTONYM_OF.get(k);
      const u = opposite ? chosen.find((x) => [...opposite].some((o) => x.keys.has(o))) : undefined;
      if (u && opposite) {
        const w = u.tokens.find((t) => opposite.has(t.key))!;
        out.push({ kind: 'other', claimSpan: item.text, sourceSpan: index.sources[u.source]!.doc.text.slice(w.start, w.end), evidence: unitEvidence(index, u, 1), explanation: `the claim says "${item.text}"; the source says the opposite` });
        continue;
      }
      // A closed-class word ("white", "third", "woman") where the evidence has another of its class, and the claim's
      // own class members do not account for it.
      if (!item.cls) continue;
      const claimSide = new Set(claimKeys);
      for (const x of chosen) {
        const w = x.tokens.find((t) => t.key !== k && t.syn !== item.token!.syn && !claimSide.has(t.key) && closedClass(t.norm) === item.cls);
        if (!w) continue;
        out.push({ kind: item.cls === 'nation' ? 'place' : 'other', claimSpan: item.text, sourceSpan: index.sources[x.source]!.doc.text.slice(w.start, w.end), evidence: unitEvidence(index, x, 1), explanation: `the claim says "${item.text}" where the source says "${index.sources[x.source]!.doc.text.slice(w.start, w.end)}"` });
        break;
      }
    }
  }
  return out;
}

/** Stem → stems of its antonyms (both directions). */
const ANTONYM_OF: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const m = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    let set = m.get(a);
    if (!set) m.set(a, (set = new Set()));
    set.add(b);
  };
  for (const [a, b] of ANTONYMS) {
    const ka = lemmaKey(a, stem(a));
    const kb = lemmaKey(b, stem(b));
    add(ka, kb);
    add(kb, ka);
  }
  return m;
})();

const NEG_RE = /\b(not|never|no|cannot|\w+n[’']t)\b/gi;

/** Negation positions in a text (offset-adjusted), outside the given quote spans. */
export function negationsIn(text: string, offset: number, quoteSpans: readonly [number, number][]): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(NEG_RE)) {
    const pos = offset + (m.index ?? 0);
    if (/^(no)$/i.test(m[0]) && /^no\s+(one|longer|doubt)/i.test(text.slice(m.index ?? 0))) continue;
    if (!quoteSpans.some(([a, b]) => a <= pos && pos < b)) out.push(pos);
  }
  return out;
}

function nextToken(tokens: readonly UnitToken[], pos: number): UnitToken | null {
  return tokens.find((t) => t.start > pos) ?? null;
}

function prevToken(tokens: readonly UnitToken[], pos: number): UnitToken | null {
  let best: UnitToken | null = null;
  for (const t of tokens) if (t.end <= pos) best = t;
  return best;
}

/**
 * "did not" against "did": the word a negation governs (the next content word) is in both texts, and only one of
 * them negates it.
 */
export function negationConflicts(index: SourceIndex, claimText: string, claimOffset: number, claimQuotes: readonly [number, number][], chosen: readonly Unit[]): Conflict[] {
  const claimTokens = tokenKeys(claimText, claimOffset);
  const claimNeg = negationsIn(claimText, claimOffset, claimQuotes);
  const claimKeys = new Set(claimTokens.map((t) => t.key));
  const negatedInClaim = new Set(claimNeg.map((p) => nextToken(claimTokens, p)?.key).filter((k): k is string => Boolean(k)));
  const out: Conflict[] = [];
  for (const p of claimNeg) {
    const gov = nextToken(claimTokens, p);
    if (!gov) continue;
    // A claim fused from several units negates what one of them negates: the word said plainly in another unit
    // ("no longer allowed" in one, "longer" in the next) is no conflict. Only when no chosen unit negates it.
    // The governed word as the unit writes it: the same lemma, else a WordNet synonym or hypernym of it ("were
    // not educated" against "were trained": a paraphrase negated is still a negation).
    const govBase = baseForm(gov.norm);
    const same = (x: UnitToken): boolean => x.key === gov.key;
    const paraphrase = (x: UnitToken): boolean => ['synonym', 'derived', 'hypernym'].includes(lexicalRelation(govBase, baseForm(x.norm)) ?? '');
    const matcher = chosen.some((u) => u.tokens.some(same)) ? same : paraphrase;
    const negatedIn = (u: Unit): boolean | null => {
      const ts = u.tokens.filter(matcher);
      if (!ts.length) return null;
      return ts.some((t) => u.negations.some((n) => n.start < t.start && u.tokens.filter((x) => x.start > n.start && x.start < t.start).length <= 1));
    };
    const verdicts = chosen.map((u) => ({ u, negated: negatedIn(u) }));
    if (verdicts.some((v) => v.negated === true)) continue;
    const plain = verdicts.find((v) => v.negated === false);
    if (plain) {
      out.push({ kind: 'negation', claimSpan: claimText.slice(p - claimOffset, gov.end - claimOffset), sourceSpan: plain.u.text, evidence: unitEvidence(index, plain.u, 1), explanation: `the claim negates "${gov.norm}"; the source does not` });
      return out;
    }
  }
  for (const u of chosen) {
    for (const n of u.negations) {
      const gov = nextToken(u.tokens, n.start);
      const before = prevToken(u.tokens, n.start);
      if (!gov || !before || !claimKeys.has(gov.key) || !claimKeys.has(before.key) || negatedInClaim.has(gov.key)) continue;
      if (u.tokens.filter((x) => x.start > n.start && x.start < gov.start).length > 0) continue;
      // The claim writes the same negation ("no longer", which the claim-side scan leaves out as a phrase).
      const esc = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`\\b${esc(n.norm)}\\s+${esc(gov.norm)}\\b`, 'i').test(claimText)) continue;
      out.push({ kind: 'negation', claimSpan: gov.norm, sourceSpan: u.text, evidence: unitEvidence(index, u, 1), explanation: `the source says "${n.norm} ${gov.norm}"; the claim does not negate it` });
      return out;
    }
  }
  return out;
}

