/**
 * Numbers with units: money ($1.5bn, £20m, €5 billion, 90 billion dollars), percentages (27%, 11 per cent),
 * counts with their noun (20,000 children, 30-plus nations), durations (six months, 24 hours), ordinals (first,
 * 3rd) and years. Each is a regex pass; overlaps are settled by keeping the earliest, then the longest, match.
 */
import type { NumberKind, NumberMention } from './types.js';

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const MAG = String.raw`(?:bn|billion|mn|m|million|k|thousand|trn|tn|trillion)`;
const MAGNITUDE: Readonly<Record<string, number>> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9, tn: 1e12, trn: 1e12, trillion: 1e12,
};
const CURRENCY: Readonly<Record<string, string>> = {
  $: 'USD', 'us$': 'USD', 'a$': 'AUD', 'c$': 'CAD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', dollars: 'USD', dollar: 'USD',
  pounds: 'GBP', pound: 'GBP', euros: 'EUR', euro: 'EUR', usd: 'USD', gbp: 'GBP', eur: 'EUR', yen: 'JPY',
};
const WORD_VALUES: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12,
};
const SCALE: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, twentieth: 20, hundredth: 100,
};
const TIME_UNITS = new Set(['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries']);
/** Words after a number that are not the thing counted. */
const NOT_UNIT = new Set(['and', 'or', 'to', 'of', 'the', 'a', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'is', 'was', 'are', 'were', 'per', 'than', 'but', 'that', 'which', 'who']);

const num = (s: string): number => Number(s.replace(/,/g, ''));

interface Raw {
  start: number;
  end: number;
  value: number;
  unit: string | null;
  kind: NumberKind;
}

function unitAfter(text: string, pos: number): { unit: string | null; end: number } {
  const m = /^(?:-plus)?\s+([a-z][a-z-]*)/.exec(text.slice(pos, pos + 40));
  if (!m || NOT_UNIT.has(m[1]!)) return { unit: null, end: pos };
  // "30-plus nations": the suffix belongs to the number; the unit is the noun.
  return { unit: m[1]!, end: pos + m[0].length };
}

export function findNumbers(text: string, _language?: string | null): NumberMention[] {
  const raws: Raw[] = [];
  const scan = (re: RegExp, f: (m: RegExpExecArray) => Raw | null): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const r = f(m);
      if (r) raws.push(r);
    }
  };
  scan(new RegExp(String.raw`(US\$|A\$|C\$|\$|£|€|¥)\s?(${NUM})(?:\s?(${MAG})\b)?`, 'giu'), (m) => ({
    start: m.index, end: m.index + m[0].length,
    value: num(m[2]!) * (m[3] ? MAGNITUDE[m[3].toLowerCase()]! : 1), unit: CURRENCY[m[1]!.toLowerCase()]!, kind: 'money',
  }));
  scan(new RegExp(String.raw`\b(${NUM})\s?(${MAG})?\s?(dollars?|pounds?|euros?|USD|GBP|EUR|yen)\b`, 'giu'), (m) => ({
    start: m.index, end: m.index + m[0].length,
    value: num(m[1]!) * (m[2] ? MAGNITUDE[m[2].toLowerCase()]! : 1), unit: CURRENCY[m[3]!.toLowerCase()]!, kind: 'money',
  }));
  scan(new RegExp(String.raw`\b(${NUM})\s?(%|per\s?cent\b|percent\b|prozent\b|por\s?ciento\b|pour\s?cent\b)`, 'giu'), (m) => ({
    start: m.index, end: m.index + m[0].length, value: num(m[1]!), unit: '%', kind: 'percent',
  }));
  scan(/\b(\d+)(st|nd|rd|th)\b/gi, (m) => ({ start: m.index, end: m.index + m[0].length, value: num(m[1]!), unit: null, kind: 'ordinal' }));
  scan(new RegExp(String.raw`(?<![\w.,$£€¥-])(${NUM})(?:\s?(million|billion|trillion|thousand|bn|m)\b)?`, 'gu'), (m) => {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (/^\s?(?:am|pm|a\.m|p\.m)\b/i.test(after) || /^[:.]\d/.test(after)) return null; // times "2pm", "10:30"
    const value = num(m[1]!) * (m[2] ? MAGNITUDE[m[2].toLowerCase()]! : 1);
    const { unit, end } = unitAfter(text, m.index + m[0].length);
    const isYear = !m[2] && /^(?:1[89]|20)\d\d$/.test(m[1]!) && (!unit || !/s$/.test(unit));
    if (isYear) return { start: m.index, end: m.index + m[0].length, value, unit: null, kind: 'year' };
    return { start: m.index, end: unit ? end : m.index + m[0].length, value, unit, kind: unit && TIME_UNITS.has(unit) ? 'duration' : 'count' };
  });
  // Number words: "three", "twenty-five", "two hundred", "six months", "three-way".
  const WORD = Object.keys(WORD_VALUES).join('|');
  scan(new RegExp(String.raw`\b((?:${WORD})(?:-(?:${WORD}))?(?:\s+(?:hundred|thousand|million|billion)(?:\s+and\s+(?:${WORD}))?)*)\b(?:-([a-z]+)\b)?`, 'gi'), (m) => {
    const words = m[1]!.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and');
    let total = 0;
    let current = 0;
    for (const w of words) {
      if (SCALE[w]) {
        current = (current || 1) * SCALE[w]!;
        if (SCALE[w]! >= 1000) {
          total += current;
          current = 0;
        }
      } else current += WORD_VALUES[w] ?? 0;
    }
    const value = total + current;
    if (m[2]) return { start: m.index, end: m.index + m[0].length, value, unit: m[2].toLowerCase(), kind: 'count' };
    const { unit, end } = unitAfter(text, m.index + m[0].length);
    // Lone "one" is mostly a pronoun ("one of the key points"): keep it only with a counted noun.
    if (words.length === 1 && words[0] === 'one' && (!unit || unit === 'of')) return null;
    return { start: m.index, end: unit ? end : m.index + m[0].length, value, unit, kind: unit && TIME_UNITS.has(unit) ? 'duration' : 'count' };
  });
  scan(new RegExp(String.raw`\b(${Object.keys(ORDINAL_WORDS).join('|')})\b`, 'gi'), (m) => {
    // "second" as a time unit or "first" as an adverb are too common to drop entirely; keep ordinals before nouns.
    const { unit } = unitAfter(text, m.index + m[0].length);
    if (!unit) return null;
    return { start: m.index, end: m.index + m[0].length, value: ORDINAL_WORDS[m[1]!.toLowerCase()]!, unit: null, kind: 'ordinal' };
  });
  raws.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NumberMention[] = [];
  let lastEnd = -1;
  for (const r of raws) {
    if (r.start < lastEnd) continue;
    out.push({ ...r, text: text.slice(r.start, r.end) });
    lastEnd = r.end;
  }
  return out;
}
