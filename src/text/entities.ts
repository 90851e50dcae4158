/**
 * People, organisations and places by capitalisation patterns, with role titles bound to names and aliases merged
 * across the article ("Sir Keir Starmer" = "Sir Keir" = "Mr Starmer" = "the Prime Minister").
 *
 * Steps: (1) capitalised runs → candidate names, split into honorific / role / name; role phrases before the name
 * ("German chancellor Friedrich Merz"), possessive appositives ("Mr Trump's envoy, Steve Witkoff") and appositives
 * after it ("Friedrich Merz, the German chancellor,"); (2) full names become person entities, shorter forms join
 * them by surname (or first name after Sir/Dame); (3) role nouns with a definite article ("the PM", "the US
 * president", "the Ukrainian") resolve to the person bound to that role anywhere in the article, else to the
 * nearest compatible subject in the previous sentences; those still open are settled at the end when exactly one
 * person holds the role.
 */
import {
  FIRST_NAME_HONORIFICS, HONORIFICS, NATION_KEY, ORG_WORDS, PERSON_DEMONYMS, PLACE_WORDS, ROLE_HEADS, ROLE_MODIFIERS, WEEKDAYS,
  MONTHS, SPEECH_VERBS,
} from './lexicon.js';
import { ANAPHOR_HEADS, compatible, headEndingAt, roleKey, roleKeyString, satisfies, type RoleKey } from './roles.js';
import { quoteSpans } from './quote-marks.js';
import { isStopword, stripDiacritics, tokenize } from './tokens.js';
import type { Entity, EntityType, Mention, MentionKind, Sentence, Token } from './types.js';

export interface MentionInfo {
  sentence: number;
  /** End of an appositive that belongs to this mention ("Dr Neil Melvin, director of ..., said"), else `end`. */
  attachEnd: number;
  /** Start of a role phrase written before the name, else `start`. */
  roleStart: number;
  /** The mention is the grammatical subject of its sentence (heuristic: nothing but light words before it). */
  subject: boolean;
}

export interface EntityResult {
  mentions: Mention[];
  entities: Entity[];
  /** Per mention (same order): details the quote attribution needs. */
  info: MentionInfo[];
  /** Gender implied by honorifics (Mr, Mrs, Sir, Dame...), per entity id. */
  gender: ReadonlyMap<string, 'm' | 'f'>;
}

interface Tok extends Token {
  sent: number;
  first: boolean;
}

interface Ent {
  key: number;
  type: EntityType;
  first: string | null;
  surname: string | null;
  names: string[][];
  aliases: string[];
  roles: string[];
  roleKeys: RoleKey[];
  inferred: RoleKey[];
  nations: Set<string>;
  gender: 'm' | 'f' | null;
  firstPos: number;
}

interface Cand {
  start: number;
  end: number;
  kind: MentionKind;
  type: EntityType;
  role: string | null;
  roleStart: number;
  attachEnd: number;
  sent: number;
  /** Name words as written (no honorific, no possessive). */
  name: string[];
  honorific: string | null;
  ent: Ent | null;
  anaphor: RoleKey | null;
}

const CONNECTORS = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'ibn', 'dos', 'ter', 'zu']);
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)*|\p{Lu}{1,2}|Mc\p{Lu}\p{Ll}+|O['’]\p{Lu}\p{Ll}+)$/u;
const LIGHT = new Set(['and', 'but', 'so', 'yet', 'then', 'meanwhile', 'however', 'the', 'also', 'now', 'both', 'a', 'an']);
const PLACE_PREPS = new Set(['in', 'from', 'to', 'at', 'near', 'into', 'across', 'outside', 'around', 'across', 'towards', 'toward', 'via']);
const ANAPHOR_NEXT_OK = new Set(['was', 'is', 'has', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'did', 'does', 'to', 'who', 'also', 'then', 'later']);
const GERMAN_ARTICLES = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines']);

/** Every word that occurs in a role head ("prime", "secretary"...): an anaphor phrase may run through them. */
const HEAD_WORDS = new Set(ROLE_HEADS.flatMap((h) => h.split(/\s+/)));
/** Words after a name that show it is not the subject of a clause ("with Vladimir Putin to begin"). */
const NOT_VERB = new Set(['and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'as', 'about', 'into', 'after', 'before', 'during', 'over', 'under', 'the', 'a', 'an', 'whom', 'whose', 'plus', 'but']);

const fold = (s: string): string => (/^[\x00-\x7f]*$/.test(s) ? s : stripDiacritics(s)).toLowerCase().replace(/['’]s$/, '');
const isPossessive = (t: Token): boolean => /['’]s$/.test(t.text) && t.text.length > 2;
const baseText = (t: Token): string => (isPossessive(t) ? t.text.slice(0, -2) : t.text);
const isCap = (t: Token): boolean => {
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90; // ASCII fast path
  return t.kind === 'word' && /^\p{Lu}/u.test(t.text);
};
const isAllCaps = (s: string): boolean => /^\p{Lu}{2,6}$/u.test(s);

export function findEntities(text: string, sentences: readonly Sentence[], language?: string | null): EntityResult {
  const lang = (language ?? 'en').slice(0, 2).toLowerCase();
  // One sweep assigns sentences (tokens and sentences are both in text order).
  const toks: Tok[] = [];
  let si = 0;
  let prevSent = -2;
  for (const t of tokenize(text)) {
    while (si + 1 < sentences.length && sentences[si + 1]!.start <= t.start) si++;
    const sent = sentences.length && sentences[si]!.start <= t.start ? si : -1;
    toks.push({ start: t.start, end: t.end, text: t.text, norm: t.norm, kind: t.kind, sent, first: sent !== prevSent });
    prevSent = sent;
  }
  // Lowercase word forms seen in the text: a capitalised word whose lowercase form also occurs is a common word
  // capitalised by position ("Future three-way talks"), not a name.
  const lowerSeen = new Set<string>();
  for (const t of toks) if (t.kind === 'word' && !isCap(t)) lowerSeen.add(t.norm);

  const gap = (a: Token, b: Token): string => text.slice(a.end, b.start);
  const adjacent = (a: Token, b: Token): boolean => /^[ \t\u00a0]+$/.test(gap(a, b)) || (HONORIFICS.has(a.text + '.') && /^\. ?$/.test(gap(a, b)));

  const cands: Cand[] = [];
  const covered = new Uint8Array(toks.length);

  // ---- Role anaphors: "the Prime Minister", "the US president", "Ukraine's leader", "the Ukrainian".
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const possNation = isPossessive(t) && NATION_KEY.has(fold(t.text)) && !/(?:an|ish|ese)$/.test(fold(t.text));
    if (t.norm !== 'the' && !possNation) continue;
    const words: string[] = [];
    let found: { end: number; head: string | null } | null = null;
    for (let k = i + 1; k < toks.length && k <= i + 5 && toks[k]!.sent === t.sent && adjacent(toks[k - 1]!, toks[k]!); k++) {
      const w = toks[k]!;
      words.push(w.norm);
      const h = headEndingAt(words);
      if (h && ANAPHOR_HEADS.has(h.head) && words.length - h.length <= 3) {
        const modsOk = toks.slice(i + 1, k - h.length + 1).every((m) => isCap(m) || ROLE_MODIFIERS.has(m.norm) || NATION_KEY.has(m.norm));
        if (modsOk) found = { end: k, head: h.head };
      }
      if (!isCap(w) && !ROLE_MODIFIERS.has(w.norm) && !NATION_KEY.has(w.norm) && !HEAD_WORDS.has(w.norm)) break;
      if (isPossessive(w)) break;
    }
    if (!found && !possNation && i + 2 < toks.length) {
      const d = toks[i + 1]!;
      const nx = toks[i + 2]!;
      if (PERSON_DEMONYMS.has(d.norm) && isCap(d) && adjacent(t, d) && nx.sent === t.sent) {
        const between = gap(d, nx);
        const verbish = ANAPHOR_NEXT_OK.has(nx.norm) || SPEECH_VERBS.has(nx.norm) || /ed$/.test(nx.norm);
        if (/^[,.;:]/.test(between.trim()) || (/^\s+$/.test(between) && verbish)) found = { end: i + 1, head: null };
      }
    }
    if (!found) continue;
    const last = toks[found.end]!;
    const after = toks[found.end + 1];
    // "the US president Donald Trump": a name follows, so this is a role bound to a name, not an anaphor.
    if (after && after.sent === t.sent && adjacent(last, after) && isCap(after) && NAME_WORD.test(baseText(after))) continue;
    if (after && after.norm === 'of' && adjacent(last, after)) continue; // "the head of ..." too open-ended
    const start = t.start;
    const end = isPossessive(last) ? last.end - 2 : last.end;
    const phrase = text.slice(t.norm === 'the' ? toks[i + 1]!.start : start, end);
    for (let k = i; k <= found.end; k++) covered[k] = 1;
    cands.push({
      start, end, kind: 'role-anaphor', type: 'person', role: phrase, roleStart: start, attachEnd: end, sent: t.sent,
      name: [], honorific: null, ent: null, anaphor: roleKey(phrase),
    });
  }

  // ---- Role phrase written before a name: walk back from the token before the name.
  const roleBefore = (nameIdx: number): { start: number; text: string; appositive: boolean } | null => {
    const nameTok = toks[nameIdx]!;
    const j = nameIdx - 1;
    if (j < 0) return null;
    let appositive = false;
    if (!adjacent(toks[j]!, nameTok)) {
      if (gap(toks[j]!, nameTok) !== ', ') return null;
      appositive = true; // only with a possessive: "Mr Trump's envoy, Steve Witkoff"
    }
    const words: string[] = [];
    let head: { length: number } | null = null;
    for (let k = j; k >= 0 && k >= j - 3 && toks[k]!.sent === nameTok.sent; k--) {
      words.unshift(toks[k]!.norm);
      const h = headEndingAt(words);
      if (h && h.length === words.length) head = h;
      if (k > 0 && !adjacent(toks[k - 1]!, toks[k]!)) break;
    }
    if (!head) return null;
    if (toks[j]!.norm === 'pm' && toks[j]!.text !== 'PM') return null; // "2pm UK time"
    let s = j - head.length + 1;
    let mods = 0;
    let sawPossessive = false;
    while (s - 1 >= 0 && mods < 4 && toks[s - 1]!.sent === nameTok.sent && adjacent(toks[s - 1]!, toks[s]!)) {
      const m = toks[s - 1]!;
      if (m.norm === 'the' || m.norm === 'a' || m.norm === 'his' || m.norm === 'her' || m.norm === 'their') break;
      if (isPossessive(m)) {
        s--;
        sawPossessive = true;
        if (s - 1 >= 0 && HONORIFICS.has(toks[s - 1]!.text) && adjacent(toks[s - 1]!, m)) s--;
        break;
      }
      if (!(isCap(m) || ROLE_MODIFIERS.has(m.norm))) break;
      if (isCap(m) && toks[s - 1]!.first && isStopword(m.norm, lang)) break;
      s--;
      mods++;
    }
    if (appositive && !sawPossessive) return null;
    const first = toks[s]!;
    return { start: first.start, text: text.slice(first.start, toks[j]!.end), appositive };
  };

  // ---- Appositive after a name: "Friedrich Merz, the German chancellor," / "Dr X, director of ... (Rusi), said".
  const roleAfter = (endIdx: number): { text: string; end: number } | null => {
    const last = toks[endIdx]!;
    if (!/^, /.test(text.slice(last.end, last.end + 2))) return null;
    const words: string[] = [];
    let headAt = -1;
    let k = endIdx + 1;
    for (; k < toks.length && k <= endIdx + 16 && toks[k]!.sent === last.sent; k++) {
      const w = toks[k]!;
      if (k > endIdx + 1 && /[,;:.()"“”]/.test(gap(toks[k - 1]!, w).replace(/[()]/g, (c) => (c === '(' ? '' : c)))) break;
      words.push(w.norm);
      if (headAt < 0 && words.length <= 5 && headEndingAt(words)) headAt = k;
    }
    if (headAt < 0 || ['the', 'a', 'an'].includes(toks[endIdx + 1]!.norm) === false && !isCap(toks[endIdx + 1]!) && !ROLE_MODIFIERS.has(toks[endIdx + 1]!.norm) && !headEndingAt([toks[endIdx + 1]!.norm])) return null;
    const next = toks[headAt + 1];
    if (next && next.sent === last.sent && adjacent(toks[headAt]!, next) && isCap(next) && NAME_WORD.test(next.text)) return null; // a list item
    const lastTok = toks[k - 1]!;
    let end = lastTok.end;
    if (text[end] === ')') end++;
    const tail = text.slice(end, end + 2);
    if (!/^[,;.)]|^$/.test(tail) && !/^ (?:said|says|told|added|warned)\b/.test(text.slice(end, end + 8))) return null;
    let start = toks[endIdx + 1]!.start;
    if (/^(?:the|a|an) /i.test(text.slice(start, start + 4))) start = text.indexOf(' ', start) + 1;
    return { text: text.slice(start, end), end };
  };

  // ---- Capitalised runs.
  for (let i = 0; i < toks.length; i++) {
    if (covered[i] || !isCap(toks[i]!)) continue;
    let j = i;
    while (j + 1 < toks.length && !covered[j + 1] && !isPossessive(toks[j]!) && toks[j + 1]!.sent === toks[i]!.sent && adjacent(toks[j]!, toks[j + 1]!)) {
      const n = toks[j + 1]!;
      if (isCap(n)) j++;
      else {
        // "Ursula von der Leyen": lowercase particles between capitalised words.
        let c = j + 1;
        while (c < toks.length && CONNECTORS.has(toks[c]!.text) && c - j <= 3 && adjacent(toks[c - 1]!, toks[c]!)) c++;
        if (c > j + 1 && c < toks.length && isCap(toks[c]!) && adjacent(toks[c - 1]!, toks[c]!) && toks[c]!.sent === toks[i]!.sent) j = c;
        else break;
      }
    }
    const run = toks.slice(i, j + 1);
    const runStart = i;
    i = j;
    processRun(run, runStart);
  }

  function processRun(run: Tok[], at: number): void {
    let s = 0;
    // Sentence-initial common words: "But", "Future", "Early".
    if (run[0]!.first && !HONORIFICS.has(run[0]!.text) && (isStopword(run[0]!.norm, lang) || lowerSeen.has(run[0]!.norm))) s++;
    if (s < run.length && run[s]!.text === 'The' && run.length - s > 1) s++; // "The Times": keep as org below
    const hadThe = s > 0 && run[s - 1]!.text === 'The' && !run[s - 1]!.first;
    let h = s;
    const honorifics: string[] = [];
    while (h < run.length - 1 && HONORIFICS.has(run[h]!.text)) honorifics.push(run[h++]!.text);
    // A role head inside the run: "French President Emmanuel Macron", "Nato Secretary General Mark Rutte".
    let nameFrom = h;
    if (!honorifics.length) {
      for (let r = run.length - 2; r >= s; r--) {
        const words = run.slice(s, r + 1).map((t) => t.norm);
        const found = headEndingAt(words);
        if (found && run.slice(r + 1).every((t) => NAME_WORD.test(baseText(t)) || HONORIFICS.has(t.text))) {
          nameFrom = r + 1;
          while (nameFrom < run.length - 1 && HONORIFICS.has(run[nameFrom]!.text)) honorifics.push(run[nameFrom++]!.text);
          break;
        }
      }
    }
    const nameToks = run.slice(nameFrom);
    if (!nameToks.length) return;
    const first = nameToks[0]!;
    const last = nameToks[nameToks.length - 1]!;
    const end = isPossessive(last) ? last.end - 2 : last.end;
    const name = nameToks.map(baseText);
    const sent = first.sent;
    const startTok = honorifics.length ? run[nameFrom - honorifics.length]! : first;
    const startIdx = at + (honorifics.length ? nameFrom - honorifics.length : nameFrom);
    const role = roleBefore(startIdx);
    const app = isPossessive(last) ? null : roleAfter(at + run.length - 1);
    const isNameShape = name.every((w) => NAME_WORD.test(w) || CONNECTORS.has(w)) && !name.some((w) => isAllCaps(w) && w.length > 2);
    const orgish = name.some((w) => ORG_WORDS.has(w));
    const placeish = name.some((w) => PLACE_WORDS.has(w));
    const folded = name.map(fold).join(' ');
    const isTime = name.some((w) => WEEKDAYS.includes(w.toLowerCase()) || MONTHS.has(w.toLowerCase()));
    const prev = startIdx > 0 ? toks[startIdx - 1] : undefined;
    const afterPlacePrep = !!prev && prev.sent === sent && PLACE_PREPS.has(prev.norm) && adjacent(prev, startTok);
    const sentenceInitial = startTok.first;

    const push = (kind: MentionKind, type: EntityType): void => {
      cands.push({
        start: honorifics.length ? startTok.start : first.start, end, kind, type,
        role: role?.text ?? app?.text ?? null, roleStart: role?.start ?? startTok.start,
        attachEnd: app?.end ?? end, sent, name, honorific: honorifics[0] ?? null, ent: null, anaphor: null,
      });
    };

    if (honorifics.length && isNameShape && !orgish) return push('honorific', 'person');
    if ((role || app) && isNameShape && !orgish && !isTime && !NATION_KEY.has(folded)) return push(role ? 'role-name' : 'name', 'person');
    if (isTime) return;
    if (NATION_KEY.has(folded)) {
      // Demonyms ("French", "Ukrainian") are adjectives, not entities; countries and capitals are places.
      if (/(?:an|ish|ese|ch|i)$/.test(folded) && folded !== 'oman' && folded !== 'iran' && folded !== 'japan') return;
      if (['nato', 'eu', 'un', 'european union', 'united nations'].includes(folded)) return push(isAllCaps(name[0]!) ? 'acronym' : 'name', 'org');
      return push(isAllCaps(name[0]!) ? 'acronym' : 'name', 'place');
    }
    if (orgish || hadThe && name.length > 1 && !placeish) return push('name', 'org');
    if (placeish) return push('name', 'place');
    if (name.length === 1) {
      const w = name[0]!;
      if (w.length < 2) return;
      if (isAllCaps(w)) return lowerSeen.has(w.toLowerCase()) ? undefined : push('acronym', 'org');
      if (lowerSeen.has(w.toLowerCase()) || isStopword(w.toLowerCase(), lang)) return;
      if (lang === 'de' && prev && GERMAN_ARTICLES.has(prev.norm)) return;
      // Type decided after persons are known (a surname of a known person, or a place after "in").
      return push(sentenceInitial ? 'surname' : 'name', afterPlacePrep ? 'place' : 'unknown');
    }
    if (lang === 'de' && prev && GERMAN_ARTICLES.has(prev.norm)) return;
    if (isNameShape && name.length <= 4 && !afterPlacePrep) return push('name', 'person');
    push('name', afterPlacePrep ? 'place' : 'unknown');
  }

  cands.sort((a, b) => a.start - b.start || b.end - a.end);

  // ---- Person entities from full names and honorific names; single words join by surname.
  const ents: Ent[] = [];
  const bySurname = new Map<string, Ent[]>();
  const byFirst = new Map<string, Ent[]>();
  const index = (e: Ent): void => {
    if (e.surname) bySurname.set(e.surname, [...(bySurname.get(e.surname) ?? []).filter((x) => x !== e), e]);
    if (e.first) byFirst.set(e.first, [...(byFirst.get(e.first) ?? []).filter((x) => x !== e), e]);
  };
  const newEnt = (type: EntityType, pos: number): Ent => {
    const e: Ent = {
      key: ents.length, type, first: null, surname: null, names: [], aliases: [], roles: [], roleKeys: [], inferred: [],
      nations: new Set(), gender: null, firstPos: pos,
    };
    ents.push(e);
    return e;
  };
  const similarFirst = (a: string, b: string): boolean => a === b || (a[0] === b[0] && Math.abs(a.length - b.length) <= 2 && a.slice(-3) === b.slice(-3));

  for (const c of cands) {
    if (c.type !== 'person' || c.kind === 'role-anaphor') continue;
    const words = c.name.filter((w) => !CONNECTORS.has(w));
    const firstName = words.length > 1 || (c.honorific && FIRST_NAME_HONORIFICS.has(c.honorific)) ? fold(words[0]!) : null;
    const surname = words.length > 1 || !(c.honorific && FIRST_NAME_HONORIFICS.has(c.honorific)) ? fold(words[words.length - 1]!) : null;
    let e: Ent | undefined;
    if (surname) e = (bySurname.get(surname) ?? []).find((x) => !x.first || !firstName || similarFirst(x.first, firstName));
    if (!e && firstName && !surname) {
      const same = byFirst.get(firstName) ?? [];
      e = same.find((x) => x.surname) ?? same[0];
    }
    if (!e && firstName && surname) e = (byFirst.get(firstName) ?? []).find((x) => !x.surname);
    if (!e) e = newEnt('person', c.start);
    if (firstName && !e.first) e.first = firstName;
    if (surname && !e.surname) e.surname = surname;
    index(e);
    c.ent = e;
  }
  // Single capitalised words: a known person's surname (or first name) joins that person; others become places,
  // organisations or unknowns keyed by their folded text.
  const byKey = new Map<string, Ent>();
  const firstTokStarts = new Set(toks.filter((t) => t.first).map((t) => t.start));
  const midSentenceSingles = new Set(cands.filter((o) => o.name.length === 1 && !firstTokStarts.has(o.start)).map((o) => fold(o.name[0]!)));
  let lastSeen = new Map<Ent, number>();
  for (const c of cands) {
    if (c.ent) {
      lastSeen.set(c.ent, c.start);
      continue;
    }
    if (c.kind === 'role-anaphor') continue;
    const words = c.name;
    if (words.length === 1) {
      const f = fold(words[0]!);
      const people = [...(bySurname.get(f) ?? []), ...(byFirst.get(f) ?? []).filter((x) => !bySurname.get(f)?.includes(x))];
      if (people.length) {
        people.sort((a, b) => (lastSeen.get(b) ?? -1) - (lastSeen.get(a) ?? -1));
        c.ent = people[0]!;
        c.type = 'person';
        c.kind = 'surname';
        lastSeen.set(c.ent, c.start);
        continue;
      }
      if (c.kind === 'surname') {
        c.kind = 'name'; // sentence-initial and unknown: keep only if the word also appears mid-sentence
        if (!midSentenceSingles.has(f)) {
          c.type = 'unknown';
          c.end = -1; // dropped below
          continue;
        }
      }
    }
    const key = `${c.type === 'person' ? 'p' : 'x'}:${words.map(fold).join(' ')}`;
    let e = byKey.get(key);
    if (!e) {
      e = newEnt(c.type, c.start);
      byKey.set(key, e);
    } else if (e.type === 'unknown' && c.type !== 'unknown') e.type = c.type;
    c.ent = e;
    lastSeen.set(e, c.start);
  }
  const live = cands.filter((c) => c.end > c.start);

  const tokStart = new Map<number, number>(toks.map((t, k) => [t.start, k]));
  // ---- Bind roles, nations and gender seen at named mentions.
  for (const c of live) {
    const e = c.ent;
    if (!e) continue;
    e.names.push(c.name);
    if (c.honorific) {
      const g = HONORIFICS.get(c.honorific) ?? HONORIFICS.get(c.honorific.replace(/\.$/, '')) ?? null;
      if (g && !e.gender) e.gender = g;
    }
    if (c.role && c.kind !== 'role-anaphor' && e.type === 'person') {
      const k = roleKey(c.role);
      const ks = roleKeyString(k);
      if (!e.roleKeys.some((x) => roleKeyString(x) === ks)) {
        e.roleKeys.push(k);
        e.roles.push(c.role);
      }
    }
    // "France's Emmanuel Macron": the nation without a role.
    const startIdx = tokStart.get(c.start) ?? -1;
    const prev = startIdx > 0 ? toks[startIdx - 1]! : null;
    if (prev && isPossessive(prev) && adjacent(prev, toks[startIdx]!) && NATION_KEY.has(fold(prev.text))) {
      e.nations.add(NATION_KEY.get(fold(prev.text))!);
    }
  }

  // ---- Subjects per sentence (first person-like mention with only light words before it).
  const bySentence = new Map<number, Cand[]>();
  for (const c of live) bySentence.set(c.sent, [...(bySentence.get(c.sent) ?? []), c]);
  const isSubject = (c: Cand): boolean => {
    const sent = sentences[c.sent];
    if (!sent) return false;
    const inSentence = bySentence.get(c.sent) ?? [];
    const firstPerson = inSentence.find((o) => o.type === 'person');
    if (firstPerson !== c) return false;
    let prefix = text.slice(sent.start, c.roleStart);
    const comma = prefix.lastIndexOf(',');
    if (comma >= 0) prefix = prefix.slice(comma + 1);
    const words = prefix.replace(/["“”‘’'(]/g, ' ').trim().split(/\s+/).filter(Boolean);
    return words.length <= 2 && words.every((w) => LIGHT.has(w.toLowerCase()));
  };
  const subjectFlags = new Map<Cand, boolean>(live.map((c) => [c, isSubject(c)]));

  // ---- Role anaphors.
  const persons = ents.filter((e) => e.type === 'person');
  const boundHolders = (want: RoleKey, explicitOnly: boolean): Ent[] =>
    persons.filter((e) => [...e.roleKeys, ...(explicitOnly ? [] : e.inferred)].some((k) => satisfies(k, want)));
  // Quoted speech is not the writer's discourse: names inside quotes are not antecedents for the writer's role nouns.
  const quoted = quoteSpans(text);
  const candInQuote = new Map<Cand, boolean>();
  {
    let qi = 0; // live is sorted by start: one sweep over both lists
    for (const c of live) {
      while (qi < quoted.length && quoted[qi]!.outerEnd <= c.start) qi++;
      const q = quoted[qi];
      candInQuote.set(c, !!q && q.outerStart < c.start && c.start < q.outerEnd);
    }
  }
  const tokIndexAt = new Map<number, number>(toks.map((t, k) => [t.start, k]));
  /** Followed by a lowercase word that is not a preposition or conjunction: the subject of a clause. */
  const clauseSubject = (c: Cand): boolean => {
    if (subjectFlags.get(c)) return true;
    let k = tokIndexAt.get(c.start);
    if (k === undefined) return false;
    while (k + 1 < toks.length && toks[k + 1]!.start < c.end) k++;
    const n = toks[k + 1];
    if (!n || !/^[ \t]+$/.test(text.slice(c.end, n.start)) || isCap(n)) return false;
    return !NOT_VERB.has(n.norm);
  };
  const walk = (c: Cand): Ent[] => {
    const out: Ent[] = [];
    // Same sentence first: earlier names that are not clause subjects ("spoke with Vladimir Putin to plan a
    // meeting between the Russian leader and ...").
    const same = (bySentence.get(c.sent) ?? []).filter((o) => o.start < c.start && o.ent && o.ent.type === 'person' && !candInQuote.get(o));
    for (let k = same.length - 1; k >= 0; k--) if (!clauseSubject(same[k]!)) out.push(same[k]!.ent!);
    for (let s = c.sent - 1; s >= 0 && s >= c.sent - 4; s--) {
      const list = (bySentence.get(s) ?? []).filter((o) => o.ent && o.ent.type === 'person' && !candInQuote.get(o));
      const subj = list.find((o) => subjectFlags.get(o));
      if (subj) out.push(subj.ent!);
      for (let k = list.length - 1; k >= 0; k--) out.push(list[k]!.ent!);
    }
    return [...new Set(out)];
  };
  const unresolved: Cand[] = [];
  lastSeen = new Map();
  for (const c of live) {
    if (c.kind !== 'role-anaphor') {
      if (c.ent) lastSeen.set(c.ent, c.start);
      continue;
    }
    // A role noun inside quoted speech ("happy with the president") speaks from the speaker's point of view: left
    // unresolved rather than guessed.
    if (candInQuote.get(c)) continue;
    const want = c.anaphor!;
    // A clause subject in the same sentence is not what a later role noun in it refers to ("Mr Zelensky will meet
    // the US president").
    const sameSentence = new Set(
      (bySentence.get(c.sent) ?? []).filter((o) => o.start < c.start && o.ent && !candInQuote.get(o) && clauseSubject(o)).map((o) => o.ent!),
    );
    // A role noun coordinated with a name is another person ("talks with Volodymyr Zelensky and the US President").
    for (const o of bySentence.get(c.sent) ?? []) {
      if (o.ent && o.end <= c.start && /^,?\s+(?:and|or)\s+$/i.test(text.slice(o.attachEnd, c.start))) sameSentence.add(o.ent);
    }
    const order = walk(c).filter((e) => !sameSentence.has(e) && compatible([...e.roleKeys, ...e.inferred], e.nations, want));
    let holders = boundHolders(want, true).filter((e) => !sameSentence.has(e));
    if (!holders.length) holders = boundHolders(want, false).filter((e) => !sameSentence.has(e));
    let pick: Ent | undefined;
    if (holders.length === 1) pick = holders[0];
    else if (holders.length > 1) {
      pick = order.find((e) => holders.includes(e)) ?? [...holders].sort((a, b) => (lastSeen.get(b) ?? -1) - (lastSeen.get(a) ?? -1))[0];
    } else pick = order[0];
    if (pick) {
      c.ent = pick;
      lastSeen.set(pick, c.start);
      if (![...pick.roleKeys, ...pick.inferred].some((k) => satisfies(k, want))) pick.inferred.push(want);
    } else unresolved.push(c);
  }
  // Role nouns with no antecedent (an article opening with "The Prime Minister"): settle by a unique holder.
  for (const c of unresolved) {
    const holders = boundHolders(c.anaphor!, false);
    if (holders.length === 1) c.ent = holders[0]!;
  }

  // ---- Output, entity ids in order of first mention.
  // Set insertion order is first-mention order: `live` is sorted by position.
  const used = [...new Set(live.map((c) => c.ent).filter((e): e is Ent => !!e))];
  const ids = new Map(used.map((e, k) => [e, `e${k + 1}`]));
  for (const c of live) {
    const e = c.ent;
    if (!e) continue;
    const alias = text.slice(c.start, c.end);
    if (!e.aliases.some((a) => a.toLowerCase() === alias.toLowerCase())) e.aliases.push(alias);
  }
  const entities: Entity[] = used.map((e) => ({
    id: ids.get(e)!,
    name: bestName(e),
    type: e.type,
    aliases: e.aliases,
    roles: e.roles,
    inferredRoles: e.inferred.map(roleKeyString),
  }));
  const mentions: Mention[] = live.map((c) => ({
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    entityId: c.ent ? ids.get(c.ent)! : null,
    type: c.ent?.type ?? c.type,
    role: c.role,
    kind: c.kind,
  }));
  const info: MentionInfo[] = live.map((c) => ({
    sentence: c.sent,
    attachEnd: c.attachEnd,
    roleStart: c.roleStart,
    subject: subjectFlags.get(c) ?? false,
  }));
  const gender = new Map<string, 'm' | 'f'>();
  for (const e of used) if (e.gender) gender.set(ids.get(e)!, e.gender);
  return { mentions, entities, info, gender };
}

/** Longest full form (most words, then most frequent, then first seen), honorifics already excluded. */
function bestName(e: Ent): string {
  const counts = new Map<string, number>();
  for (const n of e.names) counts.set(n.join(' '), (counts.get(n.join(' ')) ?? 0) + 1);
  let best = '';
  let bestWords = 0;
  let bestCount = 0;
  for (const [n, c] of counts) {
    const w = n.split(' ').length;
    if (w > bestWords || (w === bestWords && c > bestCount)) {
      best = n;
      bestWords = w;
      bestCount = c;
    }
  }
  return best || e.aliases[0] || '';
}
