/**
 * Facts: sentences that say the same thing across outlets (near-duplicates by content-stem overlap), each with the
 * number of independent families behind it and one wording chosen to stand for it.
 */
import type { Candidate, Prepared } from './prepare.js';

/** Content-stem Jaccard at or above which two sentences state one fact (lightly edited copies score 0.6-1.0). */
export const FACT_JACCARD = 0.5;
/** Containment of the shorter sentence's stems in the longer one for a trimmed restatement (and its minimum size). */
export const FACT_CONTAINMENT = 0.85;
export const FACT_CONTAINMENT_MIN = 8;

export interface Fact {
  id: number;
  members: Candidate[];
  /** The wording that stands for the fact (an eligible member when there is one). */
  rep: Candidate;
  families: number;
  eligible: boolean;
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n / (a.length + b.length - n);
}

function overlap(a: readonly string[], b: readonly string[]): number {
  const s = new Set(a);
  let n = 0;
  for (const x of b) if (s.has(x)) n++;
  return n;
}

/** Two sentences state the same fact: enough shared content, and no clash of numbers. */
export function sameFact(a: Candidate, b: Candidate): boolean {
  if (a.numbers.length && b.numbers.length && a.numbers.join() !== b.numbers.join()) return false;
  const n = overlap(a.stems, b.stems);
  const union = a.stems.length + b.stems.length - n;
  if (union && n / union >= FACT_JACCARD) return true;
  const lo = Math.min(a.stems.length, b.stems.length);
  return lo >= FACT_CONTAINMENT_MIN && n / lo >= FACT_CONTAINMENT;
}

class UnionFind {
  private p: number[];
  constructor(n: number) {
    this.p = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.p[x] !== x) {
      this.p[x] = this.p[this.p[x]!]!;
      x = this.p[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const x = this.find(a);
    const y = this.find(b);
    if (x !== y) this.p[Math.max(x, y)] = Math.min(x, y);
  }
}

/** Wording preference: eligible, from a canonical copy, no sentence-initial connective or pronoun, earlier in its source. */
function repOrder(prep: Prepared) {
  const needsFix = (c: Candidate): number => (/^(?:And|But|Meanwhile|However|He|She|They|His|Her|It|This)\b/.test(c.sentence.text) ? 1 : 0);
  return (a: Candidate, b: Candidate): number =>
    Number(a.ineligible !== null) - Number(b.ineligible !== null) ||
    Number(!prep.canonical.has(a.article)) - Number(!prep.canonical.has(b.article)) ||
    needsFix(a) - needsFix(b) ||
    a.sentence.index - b.sentence.index ||
    a.key - b.key;
}

export function groupFacts(prep: Prepared): Fact[] {
  const cands = prep.candidates;
  const uf = new UnionFind(cands.length);
  const postings = new Map<string, number[]>();
  for (const c of cands) {
    const counts = new Map<number, number>();
    for (const s of c.stems) for (const k of postings.get(s) ?? []) counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const [k, n] of counts) {
      const o = cands[k]!;
      if (o.article === c.article) continue;
      const lo = Math.min(o.stems.length, c.stems.length);
      if (n / (o.stems.length + c.stems.length - n) < FACT_JACCARD && (lo < FACT_CONTAINMENT_MIN || n / lo < FACT_CONTAINMENT)) continue;
      if (sameFact(o, c)) uf.union(o.key, c.key);
    }
    for (const s of c.stems) (postings.get(s) ?? postings.set(s, []).get(s)!).push(c.key);
  }
  const groups = new Map<number, Candidate[]>();
  for (const c of cands) {
    const r = uf.find(c.key);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(c);
  }
  const order = repOrder(prep);
  const facts: Fact[] = [];
  for (const members of [...groups.values()].sort((a, b) => a[0]!.key - b[0]!.key)) {
    const rep = [...members].sort(order)[0]!;
    facts.push({ id: facts.length, members, rep, families: new Set(members.map((m) => m.family)).size, eligible: rep.ineligible === null });
  }
  return facts;
}
