/**
 * Closed word classes: small sets whose members swap for one another without changing the sentence's shape, so a
 * swap is an edit of the fact, never a paraphrase ("yellow"/"white", "third"/"fourth", "man"/"woman",
 * "founder"/"co-founder"). A claim word of such a class must be supported exactly; when the evidence holds another
 * member of the same class where the claim's one is missing, the claim is contradicted. Written from general English;
 * no member was added to fit a benchmark item.
 */
import { stem } from '../text/index.js';
import { NATION_KEY } from '../text/lexicon.js';

const CLASSES: Record<string, string> = {
  colour: 'red orange yellow green blue purple violet pink brown black white grey gray silver gold golden crimson scarlet maroon navy turquoise beige',
  ordinal: 'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth hundredth last penultimate',
  gender: 'man men woman women boy girl male female husband wife son daughter brother sister father mother uncle aunt nephew niece grandson granddaughter grandfather grandmother',
  direction: 'north south east west northern southern eastern western northeast northwest southeast southwest north-east north-west south-east south-west eastbound westbound northbound southbound',
  season: 'spring summer autumn winter',
  weekday: 'monday tuesday wednesday thursday friday saturday sunday',
  unit: 'second minute hour day week month year decade century',
  role: 'founder co-founder cofounder ceo cfo coo chairman chairwoman chair president vice-president director manager owner employee investor executive deputy assistant',
  element: 'gold silver bronze copper iron steel oil gas coal',
  sport: 'football soccer rugby cricket tennis golf basketball baseball hockey',
};

const CLASS_OF: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [cls, words] of Object.entries(CLASSES)) for (const w of words.split(/\s+/)) {
    m.set(w, cls);
    m.set(stem(w), cls);
  }
  return m;
})();

/** Spelled-out cardinals in compounds ("one-year", "two-day"): the count is a fact. */
const CARDINALS = new Set('one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand'.split(' '));

/**
 * The closed class of a claim word (by its lowercase form or its stem), or null. Nation words ("Canadian",
 * "British") are a class of their own; hyphenated compounds take the class of any part ("one-month": count).
 */
export function closedClass(norm: string): string | null {
  if (NATION_KEY.has(norm)) return 'nation';
  const c = CLASS_OF.get(norm) ?? CLASS_OF.get(stem(norm));
  if (c) return c;
  if (norm.includes('-')) {
    const parts = norm.split('-');
    if (parts.some((p) => CARDINALS.has(p)) && parts.some((p) => CLASS_OF.get(p) === 'unit' || CLASS_OF.get(stem(p)) === 'unit')) return 'count';
    if (parts[0] === 'co' || parts[0] === 'ex' || parts[0] === 'vice') return 'role';
  }
  return null;
}
