/**
 * Role phrases ("Nato secretary general", "Mr Trump's envoy", "the US president"): parsing into a comparable key
 * (head office + nationality) and the compatibility test used to resolve role nouns to people.
 */
import { GENERIC_HEADS, NATION_KEY, PERSON_DEMONYMS, ROLE_HEADS, ROLE_SYNONYMS, SPECIFIC_OFFICES } from './lexicon.js';
import { normalizeForMatch } from './tokens.js';

export interface RoleKey {
  /** Folded head office ("prime minister", "president"), or null for a bare demonym ("the Ukrainian"). */
  head: string | null;
  /** Nation key ("us", "ukraine", "nato"), when the phrase names one. */
  nation: string | null;
}

/** Heads indexed by their last word, longest first: a lookup per word instead of a scan of every head. */
const HEADS_BY_LAST = (() => {
  const m = new Map<string, { head: string; parts: string[] }[]>();
  for (const head of ROLE_HEADS) {
    const parts = head.split(' ');
    const last = parts[parts.length - 1]!;
    m.set(last, [...(m.get(last) ?? []), { head, parts }]);
  }
  for (const list of m.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  return m;
})();

/** Heads a role noun may use to refer back to a named person ("the president", "the PM", "the Russian leader"). */
export const ANAPHOR_HEADS = new Set([
  'president', 'prime minister', 'pm', 'chancellor', 'premier', 'secretary general', 'secretary-general',
  'vice president', 'leader', 'envoy', 'special envoy', 'foreign minister', 'foreign secretary', 'defence secretary',
  'king', 'queen', 'pope', 'mayor', 'governor', 'senator', 'taoiseach', 'first minister', 'secretary of state',
  'prime minister', 'counterpart', 'kanzler', 'bundeskanzler', 'kanzlerin', 'président', 'presidente', 'präsident',
]);

export function foldHead(head: string): string {
  const h = head.toLowerCase().replace(/-/g, ' ');
  return ROLE_SYNONYMS.get(h) ?? ROLE_SYNONYMS.get(head.toLowerCase()) ?? h;
}

/**
 * Length in words of the role head ending a word list (lowercased words), or 0. E.g. ["nato", "secretary",
 * "general"] → 2.
 */
export function headEndingAt(words: readonly string[]): { head: string; length: number } | null {
  const last = words[words.length - 1];
  const candidates = last === undefined ? undefined : HEADS_BY_LAST.get(last);
  if (!candidates) return null;
  for (const { head, parts } of candidates) {
    if (parts.length > words.length) continue;
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) ok = words[words.length - parts.length + i] === parts[i];
    if (ok) return { head, length: parts.length };
  }
  return null;
}

/** Role key of a role phrase as written ("German chancellor", "Ukraine’s president", "the Ukrainian"). */
export function roleKey(phrase: string): RoleKey {
  const norm = normalizeForMatch(phrase)
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}\s.-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = norm.split(' ').filter((w) => w && w !== 'the' && w !== 'a' && w !== 'an');
  let nation: string | null = null;
  for (let i = 0; i < words.length && !nation; i++) {
    const two = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : '';
    nation = NATION_KEY.get(two) ?? NATION_KEY.get(words[i]!) ?? null;
  }
  // Look for the head anywhere (appositives run on: "director of international security at ...").
  let head: string | null = null;
  for (let end = words.length; end > 0 && !head; end--) {
    const found = headEndingAt(words.slice(0, end));
    if (found) head = foldHead(found.head);
  }
  if (!head && words.length === 1 && PERSON_DEMONYMS.has(words[0]!)) head = null;
  return { head, nation };
}

export function roleKeyString(k: RoleKey): string {
  return [k.nation, k.head].filter(Boolean).join(' ');
}

/** Does a person's known roles leave room for this role noun? (Unknown roles never rule a person out.) */
export function compatible(known: readonly RoleKey[], nations: ReadonlySet<string>, want: RoleKey): boolean {
  if (want.nation) {
    const theirs = new Set([...nations, ...known.map((k) => k.nation).filter((n): n is string => !!n)]);
    if (theirs.size > 0 && !theirs.has(want.nation)) return false;
  }
  if (want.head && SPECIFIC_OFFICES.has(want.head)) {
    const offices = known.map((k) => k.head).filter((h): h is string => !!h && SPECIFIC_OFFICES.has(h));
    if (offices.length > 0 && !offices.includes(want.head)) return false;
  }
  return true;
}

/** Does a known role satisfy a role noun? "US president" satisfies "the president" and "the US leader". */
export function satisfies(known: RoleKey, want: RoleKey): boolean {
  if (want.nation && known.nation !== want.nation) return false;
  if (!want.head) return !!want.nation;
  if (known.head === want.head) return true;
  return GENERIC_HEADS.has(want.head) && !!want.nation && !!known.head;
}
