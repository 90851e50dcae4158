/**
 * Names across a story's sources, and which forms of a name the sources license.
 *
 * A person's name is shortened or expanded only to a form the sources use for that same person:
 * - the full name is the multi-word form most articles give the person (one per person, keyed by the full name, so
 *   two people who share a surname stay two people);
 * - the short form is the one-word form the sources write for that person by itself ("Starmer" from "Mr Starmer"
 *   or "Starmer said"; "Hun" from "Mr Hun" where the family name comes first). Where no source writes one, the
 *   person is named in full every time ("Hun Sen" never becomes "Sen");
 * - a one-word form is expanded to the full name only when it is that name's short form and no other person of the
 *   story has it; by the first name only after "Sir" or "Dame" ("Sir Keir" = Keir Starmer);
 * - only a person is shortened or expanded: an entity whose article gives it a role, an honorific or a quote it
 *   speaks. Organisations and places ("Air France", "Mission Control", "London Clinic") keep the words they have.
 */
import { isStopword, type Analysis, type Entity } from '../text/index.js';

const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Dr|Lord|Lady|Prof|Professor|Sen|Rep|Gov|Gen)\.?\s+/;
const FIRST_NAME_HONORIFIC = /^(?:Sir|Dame)\s+/;
const CONNECTOR = /^(?:von|van|der|den|de|del|della|da|di|du|la|le|bin|al|ibn|dos)$/;

/** A name without its honorific and possessive. */
export const bare = (name: string): string => name.replace(HONORIFIC, '').replace(/['’]s$/, '').trim();

export function surnameOf(e: Pick<Entity, 'name'>): string {
  const parts = bare(e.name).split(/\s+/);
  return parts[parts.length - 1] ?? e.name;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Same surname, and given names that differ by one or two letters (a misspelling, not another person). */
export function misspelt(written: string, attested: string): boolean {
  const w = written.split(/\s+/);
  const t = attested.split(/\s+/);
  if (w.length !== t.length || w.length < 2 || w[w.length - 1] !== t[t.length - 1] || written === attested) return false;
  const a = w.slice(0, -1).join(' ');
  const b = t.slice(0, -1).join(' ');
  return Math.min(a.length, b.length) >= 4 && editDistance(a.toLowerCase(), b.toLowerCase()) <= 2;
}

/** Whether the article shows the entity to be a person: a role, an honorific, or a quote it speaks. */
export function actsAsPerson(a: Analysis, e: Entity): boolean {
  return e.roles.length > 0 || e.inferredRoles.length > 0 || e.aliases.some((x) => HONORIFIC.test(x)) || a.quotes.some((q) => q.speakerEntityId === e.id);
}

interface Person {
  full: string;
  votes: number;
  /** One-word forms written by themselves, with counts. */
  shorts: Map<string, number>;
  person: boolean;
}

export class NameBook {
  /** Full name (lower case) → person. */
  private readonly people = new Map<string, Person>();
  /** Last word (lower case) → full names of the story ending with it. */
  private readonly byLast = new Map<string, Set<string>>();
  /** First word (lower case) → full names, for Sir/Dame. */
  private readonly byFirst = new Map<string, Set<string>>();
  /** One-word form (lower case) → full names it is written for by itself. */
  private readonly byShort = new Map<string, Set<string>>();

  /** Multi-word person names as written, with the number of articles that write each (for misspellings). */
  private readonly written = new Map<string, number>();

  constructor(analyses: readonly Analysis[], texts: readonly string[] = []) {
    for (const a of analyses) for (const n of new Set(a.entities.filter((e) => e.type === 'person').map((e) => bare(e.name)))) this.written.set(n, (this.written.get(n) ?? 0) + 1);
    const singles: { form: string; person: boolean; honorific: boolean }[] = [];
    for (const a of analyses) {
      for (const e of a.entities) {
        if (e.type !== 'person') continue;
        const name = bare(e.name);
        // Evidence the article writes (a role it binds, an honorific, a quote), not a role inferred from context.
        const person = e.roles.length > 0 || e.aliases.some((x) => HONORIFIC.test(x)) || a.quotes.some((q) => q.speakerEntityId === e.id);
        // One-word forms: the last word written by itself ("Starmer", "Mr Starmer"); the first word only after an
        // honorific ("Mr Hun" for Hun Sen: the family name first), never bare ("Surrey" is no form of "Surrey Fire").
        const words = name.split(/\s+/);
        const forms = [...new Set(e.aliases.filter((x) => !/\s/.test(bare(x)) && (bare(x) === words[words.length - 1] || (HONORIFIC.test(x) && !FIRST_NAME_HONORIFIC.test(x) && bare(x) === words[0]))).map(bare))];
        if (!/\s/.test(name)) {
          singles.push({ form: name, person, honorific: e.aliases.some((x) => HONORIFIC.test(x) && !FIRST_NAME_HONORIFIC.test(x)) });
          continue;
        }
        // Words of common speech inside the run ("Is A Muslim", a headline's capitals): not a name to write.
        if (words.some((w) => isStopword(w.toLowerCase(), 'en') && !CONNECTOR.test(w))) continue;
        const k = this.canonical(name).toLowerCase();
        const p = this.people.get(k) ?? { full: this.canonical(name), votes: 0, shorts: new Map(), person: false };
        p.votes++;
        p.person ||= person;
        for (const f of forms) p.shorts.set(f, (p.shorts.get(f) ?? 0) + 1);
        this.people.set(k, p);
      }
    }
    for (const p of this.people.values()) {
      const words = p.full.split(/\s+/);
      add(this.byLast, words[words.length - 1]!.toLowerCase(), p.full);
      add(this.byFirst, words[0]!.toLowerCase(), p.full);
    }
    // An article that only writes "Mr Starmer" attests "Starmer" for the one person of the story so named.
    // "Mr Tep" where the one full name with that word is "Tep Vanna": the family name written first.
    for (const s of singles) {
      let fulls = this.byLast.get(s.form.toLowerCase());
      if (!fulls && s.honorific) fulls = this.byFirst.get(s.form.toLowerCase());
      if (fulls?.size !== 1) continue;
      const p = this.people.get([...fulls][0]!.toLowerCase())!;
      p.shorts.set(s.form, (p.shorts.get(s.form) ?? 0) + 1);
      p.person ||= s.person;
    }
    // Copies the composer does not analyse still show how their outlet names a person ("Mr Starmer said").
    for (const p of this.people.values()) {
      const words = p.full.split(/\s+/);
      const last = words[words.length - 1]!;
      if (p.shorts.size || (this.byLast.get(last.toLowerCase())?.size ?? 0) > 1) continue;
      if (texts.some((t) => writtenAlone(t, last))) p.shorts.set(last, 1);
    }
    for (const p of this.people.values()) for (const f of p.shorts.keys()) add(this.byShort, f.toLowerCase(), p.full);
  }

  /** A misspelt full name folds into the attested one already seen ("Voldymyr" into "Volodymyr"). */
  private canonical(name: string): string {
    let best = name;
    for (const [n, votes] of this.written) {
      if (!misspelt(name, n)) continue;
      const bv = this.written.get(best) ?? 0;
      if (votes > bv || (votes === bv && n < best)) best = n;
    }
    return best;
  }

  private person(name: string, aliases: readonly string[] = []): Person | undefined {
    const b = bare(name);
    if (/\s/.test(b)) return this.people.get(this.canonical(b).toLowerCase());
    // Two people of the story with this last word ("Piet Okoro", "Daniel Okoro"): the word alone names neither.
    if ((this.byLast.get(b.toLowerCase())?.size ?? 0) > 1) return undefined;
    const viaShort = this.byShort.get(b.toLowerCase());
    if (viaShort?.size === 1) return this.people.get([...viaShort][0]!.toLowerCase());
    if (FIRST_NAME_HONORIFIC.test(name) || aliases.some((x) => FIRST_NAME_HONORIFIC.test(x) && bare(x) === b)) {
      const viaFirst = this.byFirst.get(b.toLowerCase());
      if (viaFirst?.size === 1) return this.people.get([...viaFirst][0]!.toLowerCase());
    }
    return undefined;
  }

  /** The person's full name as the sources attest it; the name as written (honorific off) when not licensed. */
  full(name: string, aliases: readonly string[] = []): string {
    const p = this.person(name, aliases);
    return p && (p.person || /\s/.test(bare(name))) ? p.full : bare(name);
  }

  /** The one-word form the sources write for the person, or the full name when they write none. */
  surname(name: string, aliases: readonly string[] = []): string {
    const p = this.person(name, aliases);
    if (!p) return bare(name);
    if (!p.person) return /\s/.test(bare(name)) ? p.full : bare(name);
    const short = [...p.shorts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    // Another person of the story written with the same one-word form: the full name tells them apart.
    if (!short || (this.byShort.get(short.toLowerCase())?.size ?? 0) > 1 || (this.byLast.get(short.toLowerCase())?.size ?? 0) > 1) return p.full;
    return short;
  }

  /** The key a person is remembered by in the composite (the full name when known). */
  key(name: string, aliases: readonly string[] = []): string {
    return (this.person(name, aliases)?.full ?? bare(name)).toLowerCase();
  }
}

/**
 * Whether a text writes the word as a name by itself: after an honorific ("Mr Starmer"), or with no capitalised word
 * next to it ("Starmer said"; not "Keir Starmer", not "Hun Sen", not the title in "Sen. Marsh").
 */
export function writtenAlone(text: string, word: string): boolean {
  const w = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\\.? ${w}\\b(?!\\.? \\p{Lu})|(?<!\\p{Lu}[\\p{L}'’.-]* )\\b${w}\\b(?![\\p{L}'’-])(?!\\.? \\p{Lu}\\p{Ll})`, 'u').test(text);
}

function add(m: Map<string, Set<string>>, k: string, v: string): void {
  (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
}

type Named = Pick<Entity, 'name'> & { aliases?: readonly string[] };

/** Names mentioned so far in the composite (by the person's key). */
export class NameMemory {
  readonly seen = new Set<string>();
  constructor(readonly book: NameBook) {}
  key(e: Named): string {
    return this.book.key(e.name, e.aliases);
  }
  /** The form to write now for the entity (full at first mention, the short form after), and records the mention. */
  use(e: Named): string {
    const k = this.key(e);
    const out = this.seen.has(k) ? this.book.surname(e.name, e.aliases) : this.book.full(e.name, e.aliases);
    this.seen.add(k);
    return out;
  }
  clone(): NameMemory {
    const m = new NameMemory(this.book);
    for (const s of this.seen) m.seen.add(s);
    return m;
  }
}
