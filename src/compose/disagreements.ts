/**
 * Where sources differ: the same slot filled differently by independent families.
 * - number: two sentences about the same thing (shared content stems, the same counted noun) with different values;
 * - date: two sentences about the same thing with different resolved days;
 * - person-in-role: one role ("German chancellor") bound to different people.
 * A sentence that gives both values ("1,400, lower than the 2,100 given by...") explains the difference and is not
 * itself a side.
 */
import { contentWords, roleKey, stem } from '../text/index.js';
import { jaccard } from './facts.js';
import type { Candidate, Prepared } from './prepare.js';
import { surnameOf } from './rewrite.js';
import type { Citation, Disagreement, DisagreementValue } from './types.js';

/** Content-stem Jaccard for two sentences to be about the same slot, and the shared stems it takes (numbers, dates). */
export const SLOT_JACCARD = 0.2;
export const SLOT_SHARED = 3;
export const DATE_SLOT_JACCARD = 0.35;
/** Common (lower-case) words two sentences must share beyond the counted noun: what happened, not who. */
export const SLOT_COMMON = 2;

/**
 * Content-stem Jaccard two sentences dating something by a weekday must reach to be about one event. Set above
 * DATE_SLOT_JACCARD so that weekday mentions of different events ("talks on Monday", "a vote on Tuesday") do not
 * pair: on examples/corpus and the seeds no true date difference rests on a weekday.
 */
export const WEEKDAY_SLOT_JACCARD = 0.5;

/** Units that are not counts of things: a person's age, a mass, a length, a clock reading. */
const OTHER_QUANTITY = /^(?:years?-old|year-olds?|kg|kilos?|kilograms?|tonnes?|tons?|grams?|g|lbs?|ounces?|oz|km|kilometres?|kilometers?|miles?|metres?|meters?|feet|ft|inches|am|pm|a\.m|p\.m|gmt|bst|cet|est|pst|utc|o'clock|hours?|hrs?|minutes?|mins?|seconds?)$/i;

/** A clock time: "06:00", "9.30am", "10 p.m.", "1600 GMT". */
function clockTime(text: string, start: number, end: number): boolean {
  const around = text.slice(Math.max(0, start - 1), Math.min(text.length, end + 12));
  return /^\d{1,2}[:.]\d{2}\b|\d[:.]\d{2}\b/.test(text.slice(start, end + 3)) || /^.?\d[\d:.]*\s?(?:a\.?m\b|p\.?m\b|GMT|BST|UTC|CET|local time|o'clock)/i.test(around) || /:\s?$/.test(text.slice(Math.max(0, start - 1), start)) && /^\d/.test(text.slice(start));
}

/** A mention that gives the source of a figure ("Marrowby Town Council said", "according to the coastguard"). */
const SPEAKER_AFTER = /^\s*(?:,[^,]{0,60},\s*)?(?:said|says|told|reported|reports|estimated|estimates|announced|confirmed|added|stated)\b/;
const SPEAKER_BEFORE = /\baccording to\s+(?:the\s+)?$/i;

/**
 * What a sentence's figure is about: the people, bodies and places it names, not those it names as the figure's
 * source (who said it is not what is counted). People by surname.
 */
function aboutOf(prep: Prepared, c: Candidate): Set<string> {
  const a = prep.analyses[c.article]!;
  const text = prep.articles[c.article]!.text;
  const ids = new Set(
    a.mentions
      .filter((m) => m.entityId && m.start >= c.sentence.start && m.end <= c.sentence.end && m.kind !== 'role-anaphor')
      .filter((m) => !SPEAKER_AFTER.test(text.slice(m.end, m.end + 80)) && !SPEAKER_BEFORE.test(text.slice(Math.max(0, m.start - 20), m.start)))
      .map((m) => m.entityId!),
  );
  return new Set(a.entities.filter((e) => ids.has(e.id)).map((e) => (e.type === 'person' ? surnameOf(e) : e.name).toLowerCase()));
}

/** Two sentences count the same thing only if, where both name what it is about, they name something in common. */
function sameBodies(prep: Prepared, x: Candidate, y: Candidate): boolean {
  const bx = aboutOf(prep, x);
  const by = aboutOf(prep, y);
  return !bx.size || !by.size || [...bx].some((b) => by.has(b));
}

interface Side {
  value: string;
  norm: string;
  cand: Candidate;
}

function sourceName(prep: Prepared, c: Candidate): string {
  const a = prep.articles[c.article]!;
  return a.publisher ?? a.id;
}

function collect(prep: Prepared, kind: Disagreement['kind'], about: string, sides: Side[]): Disagreement | null {
  const byValue = new Map<string, Side[]>();
  for (const s of sides) (byValue.get(s.norm) ?? byValue.set(s.norm, []).get(s.norm)!).push(s);
  if (byValue.size < 2) return null;
  const values: DisagreementValue[] = [];
  for (const list of byValue.values()) {
    list.sort((x, y) => Number(!prep.canonical.has(x.cand.article)) - Number(!prep.canonical.has(y.cand.article)) || x.cand.key - y.cand.key);
    const first = list[0]!;
    const seen = new Set<number>();
    const citations: Citation[] = [];
    for (const s of list) {
      if (seen.has(s.cand.article)) continue;
      seen.add(s.cand.article);
      citations.push({ articleId: prep.articles[s.cand.article]!.id, start: s.cand.sentence.start, end: s.cand.sentence.end, text: s.cand.sentence.text });
    }
    // Copies represented by their canonical (not analysed) carry the sentence too: list them with their span.
    const fams = new Set(list.map((s) => s.cand.family));
    const extra: string[] = [];
    prep.articles.forEach((a, ai) => {
      if (prep.analysed[ai] || !fams.has(prep.familyOf[ai]!)) return;
      const at = a.text.indexOf(first.cand.sentence.text);
      if (at < 0) return;
      citations.push({ articleId: a.id, start: at, end: at + first.cand.sentence.text.length, text: first.cand.sentence.text });
      extra.push(a.publisher ?? a.id);
    });
    values.push({
      value: first.value,
      sentence: first.cand.sentence.text,
      citations,
      sources: [...new Set([...list.map((s) => sourceName(prep, s.cand)), ...extra])].sort(),
      families: new Set(list.map((s) => s.cand.family)).size,
    });
  }
  values.sort((a, b) => b.families - a.families || (a.value < b.value ? -1 : 1));
  return { kind, about, values };
}

function numberSlots(prep: Prepared): Disagreement[] {
  type Num = { cand: Candidate; value: number; text: string; unit: string };
  const nums: Num[] = [];
  prep.analyses.forEach((a, ai) => {
    for (const n of a.numbers) {
      if (n.kind !== 'count' && n.kind !== 'money' && n.kind !== 'percent') continue;
      if (!n.unit || a.quotes.some((q) => q.outerStart <= n.start && n.start < q.outerEnd)) continue;
      // Clock times ("06:00 BST", "9.30am"), ages ("33-year-old") and masses are other quantities than counts.
      if ((n.kind === 'count' && clockTime(prep.articles[ai]!.text, n.start, n.end)) || OTHER_QUANTITY.test(n.unit)) continue;
      const cand = prep.byArticle[ai]!.find((c) => c.sentence.start <= n.start && n.start < c.sentence.end);
      if (cand && cand.ineligible !== 'caption' && cand.ineligible !== 'boilerplate') nums.push({ cand, value: n.value, text: n.text, unit: n.unit.toLowerCase() });
    }
  });
  // Pairs across families: same unit, different value, same thing said (shared common words, not only names);
  // neither sentence gives both values.
  const lower = new Map<Candidate, Set<string>>();
  const lowerOf = (c: Candidate): Set<string> => lower.get(c) ?? lower.set(c, new Set(contentWords(c.sentence.text).filter((w) => w.kind === 'word' && /^\p{Ll}/u.test(w.text)).map((w) => w.stem))).get(c)!;
  // The values each sentence gives (a sentence that gives both values of a pair explains the difference).
  const valuesOf = new Map<Candidate, Set<number>>();
  for (const n of nums) (valuesOf.get(n.cand) ?? valuesOf.set(n.cand, new Set()).get(n.cand)!).add(n.value);
  const edges: { i: number; j: number; sim: number }[] = [];
  for (let i = 0; i < nums.length; i++)
    for (let j = i + 1; j < nums.length; j++) {
      const x = nums[i]!;
      const y = nums[j]!;
      if (x.cand.family === y.cand.family || x.unit !== y.unit || x.value === y.value) continue;
      if (valuesOf.get(x.cand)!.has(y.value) || valuesOf.get(y.cand)!.has(x.value)) continue;
      const shared = x.cand.stems.filter((s) => y.cand.stems.includes(s)).length;
      const sim = jaccard(x.cand.stems, y.cand.stems);
      if (shared < SLOT_SHARED || sim < SLOT_JACCARD) continue;
      const ly = lowerOf(y.cand);
      const common = [...lowerOf(x.cand)].filter((w) => ly.has(w) && w !== x.unit && !x.unit.startsWith(w) && w !== 'said' && w !== 'say');
      if (common.length < SLOT_COMMON) continue;
      // The same thing counted: the bodies and places each sentence names agree (seats in two parliaments differ).
      if (!sameBodies(prep, x.cand, y.cand)) continue;
      edges.push({ i, j, sim });
    }
  // Slots grow from the closest pair; a member joins only if it pairs with every member of another value (no chains).
  edges.sort((a, b) => b.sim - a.sim || a.i - b.i || a.j - b.j);
  const isEdge = new Set(edges.map((e) => `${e.i},${e.j}`));
  const linked = (i: number, j: number): boolean => isEdge.has(`${Math.min(i, j)},${Math.max(i, j)}`);
  const used = new Set<number>();
  const out: Disagreement[] = [];
  for (const e of edges) {
    if (used.has(e.i) || used.has(e.j)) continue;
    const members = [e.i, e.j];
    for (let k = 0; k < nums.length; k++) {
      if (used.has(k) || members.includes(k)) continue;
      const ok = members.every((m) => nums[m]!.value === nums[k]!.value ? nums[m]!.unit === nums[k]!.unit && jaccard(nums[m]!.cand.stems, nums[k]!.cand.stems) >= 0.5 : linked(m, k));
      if (ok) members.push(k);
    }
    for (const m of members) used.add(m);
    const ms = members.map((m) => nums[m]!);
    const unit = ms[0]!.unit;
    const la = lowerOf(nums[e.i]!.cand);
    const lb = lowerOf(nums[e.j]!.cand);
    const words = nums[e.i]!.cand.sentence.text.match(/\p{L}+/gu) ?? [];
    const verb = words.find((w) => /^\p{Ll}/u.test(w) && /ed$/.test(w) && la.has(stem(w.toLowerCase())) && lb.has(stem(w.toLowerCase())));
    const d = collect(prep, 'number', verb ? `${unit} ${verb}` : `number of ${unit}`, ms.map((m) => ({ value: m.text, norm: String(m.value), cand: m.cand })));
    if (d) out.push(d);
  }
  return out;
}

function dateSlots(prep: Prepared): Disagreement[] {
  type D = { cand: Candidate; date: string; text: string; relative: boolean };
  const ds: D[] = [];
  prep.analyses.forEach((a, ai) => {
    for (const d of a.dates) {
      if (!d.date || d.granularity !== 'day' || a.quotes.some((q) => q.outerStart <= d.start && d.start < q.outerEnd)) continue;
      const cand = prep.byArticle[ai]!.find((c) => c.sentence.start <= d.start && d.start < c.sentence.end);
      if (cand && cand.ineligible === null) ds.push({ cand, date: d.date, text: d.text, relative: d.relative || d.weekday !== undefined });
    }
  });
  const out: Disagreement[] = [];
  const used = new Set<number>();
  for (let i = 0; i < ds.length; i++) {
    if (used.has(i)) continue;
    const x = ds[i]!;
    const members = [x];
    for (let j = i + 1; j < ds.length; j++) {
      const y = ds[j]!;
      if (used.has(j) || y.cand.family === x.cand.family || y.date === x.date) continue;
      if (jaccard(x.cand.stems, y.cand.stems) < DATE_SLOT_JACCARD || !sameBodies(prep, x.cand, y.cand)) continue;
      // A weekday ("on Monday") resolves against its own article's date: two weekdays are one event's two dates only
      // when the sentences say the same thing (most of their words), else they date two events.
      if ((x.relative || y.relative) && jaccard(x.cand.stems, y.cand.stems) < WEEKDAY_SLOT_JACCARD) continue;
      members.push(y);
      used.add(j);
    }
    if (members.length < 2) continue;
    const d = collect(prep, 'date', 'date', members.map((m) => ({ value: m.text, norm: m.date, cand: m.cand })));
    if (d) out.push(d);
  }
  return out;
}

function roleSlots(prep: Prepared): Disagreement[] {
  const byRole = new Map<string, Side[]>();
  for (const rb of prep.index.roleBindings) {
    const k = roleKey(rb.role);
    if (!k.head || !k.nation) continue;
    const cand = prep.byArticle[prep.sourceArticle[rb.source]!]!.find((c) => c.sentence.start <= rb.start && rb.start < c.sentence.end);
    if (!cand) continue;
    const key = `${k.nation} ${k.head}`;
    const sur = surnameOf({ name: rb.name }).toLowerCase();
    (byRole.get(key) ?? byRole.set(key, []).get(key)!).push({ value: rb.name, norm: sur, cand });
  }
  const out: Disagreement[] = [];
  for (const [key, sides] of [...byRole].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const fams = new Map<string, Set<number>>();
    for (const s of sides) (fams.get(s.norm) ?? fams.set(s.norm, new Set()).get(s.norm)!).add(s.cand.family);
    if (fams.size < 2) continue;
    // Different people in one role only count when they come from different families.
    const all = [...fams.values()];
    if (all.every((f) => all.every((g) => f === g || [...f].every((x) => g.has(x))))) continue;
    const d = collect(prep, 'person-in-role', sides[0]!.cand.sentence.text.includes(key) ? key : roleOf(sides[0]!, prep) ?? key, sides);
    if (d) out.push(d);
  }
  return out;
}

function roleOf(s: Side, prep: Prepared): string | null {
  return prep.index.roleBindings.find((r) => r.name === s.value)?.role ?? null;
}

export function findDisagreements(prep: Prepared): Disagreement[] {
  return [...numberSlots(prep), ...roleSlots(prep), ...dateSlots(prep)];
}
