/**
 * Metadata stated in lines of a text dump: date lines, relative ages ("8 hours ago", glued or not
 * to the outlet's name), bylines, publisher lines, the outlet named as subject in its own promo
 * text, and the aggregator named in its own UI text.
 */

import { BYLINE_PREFIX, COPULAS, DATE_LABEL, JOB_TITLE, NAME_JOINERS, NAME_PARTICLES, ORG_WORDS, RELIANCE_VERBS } from './lexicon.js';

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  // en, de, fr, es, it, nl, pt, pl (nominative and genitive), sv; abbreviations follow the full names
  ['january', 'januar', 'jänner', 'janvier', 'enero', 'gennaio', 'januari', 'janeiro', 'styczeń', 'stycznia', 'jan'],
  ['february', 'februar', 'février', 'febrero', 'febbraio', 'februari', 'fevereiro', 'luty', 'lutego', 'feb'],
  ['march', 'märz', 'mars', 'marzo', 'maart', 'março', 'marzec', 'marca', 'mar', 'mrz'],
  ['april', 'avril', 'abril', 'aprile', 'kwiecień', 'kwietnia', 'apr'],
  ['may', 'mai', 'mayo', 'maggio', 'mei', 'maio', 'maj', 'maja'],
  ['june', 'juni', 'juin', 'junio', 'giugno', 'junho', 'czerwiec', 'czerwca', 'jun'],
  ['july', 'juli', 'juillet', 'julio', 'luglio', 'julho', 'lipiec', 'lipca', 'jul'],
  ['august', 'août', 'agosto', 'augustus', 'sierpień', 'sierpnia', 'augusti', 'aug'],
  ['september', 'septembre', 'septiembre', 'settembre', 'setembro', 'wrzesień', 'września', 'sep', 'sept'],
  ['october', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'październik', 'października', 'oct', 'okt'],
  ['november', 'novembre', 'noviembre', 'novembro', 'listopad', 'listopada', 'nov'],
  ['december', 'dezember', 'décembre', 'diciembre', 'dicembre', 'dezembro', 'grudzień', 'grudnia', 'dec', 'dez'],
];
MONTH_NAMES.forEach((names, i) => {
  for (const n of names) MONTHS[n] = i + 1;
});
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?\b/u;
const DOTTED_DATE = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/u;
/** Year first with full stops or slashes ("2012.08.08", "2012/08/08"). */
const YEAR_FIRST_DATE = /\b(\d{4})[./](\d{1,2})[./](\d{1,2})\b/u;
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(${MONTH_RE})\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b`, 'iu');
// "Dec.7, 2009" and "MAR.14, 2013": agency style puts no space after the abbreviation's full stop.
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_RE})(?:\\.\\s*|\\s+)(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iu');
/** Slashed figures ("11/30/09", "14/09/2013", "6/6/2013"): the order is read by `slashedDate`. */
const SLASHED_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/u;
const WEEKDAY_NUMBER: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
/** Time zones of countries that write the month first (the United States, Canada's English press, the Philippines). */
const MONTH_FIRST_ZONES = /\b(?:E|C|M|P|AK|H)[SD]?T\b/u;

/**
 * A slashed date's day and month. Unambiguous when one figure is over 12; otherwise a weekday on the same line
 * decides, then the time zone (ET, PDT...: month first; BST, CET...: day first), then the month-first order, the
 * usual one where news datelines carry slashes (every ambiguous ECB+ dateline, ../shared/data/ecbplus-dev, reads
 * right that way: "4/9/2007" for 9 April, "8/2/13" for 2 August).
 */
function slashedDate(line: string, a: number, b: number, y: number): [number, number] | null {
  const monthFirst: [number, number] = [a, b];
  const dayFirst: [number, number] = [b, a];
  if (a > 12 && b > 12) return null;
  if (a > 12) return dayFirst;
  if (b > 12) return monthFirst;
  if (a === b) return monthFirst;
  const wd = /\b(sun|mon|tue|wed|thu|fri|sat)[a-z]*\b/iu.exec(line)?.[1]?.toLowerCase();
  if (wd !== undefined) {
    const want = WEEKDAY_NUMBER[wd];
    for (const [m, d] of [monthFirst, dayFirst]) if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() === want) return [m, d];
  }
  if (MONTH_FIRST_ZONES.test(line)) return monthFirst;
  if (/\b(?:BST|GMT|CES?T|EES?T|WES?T|IST|AES?T|NZS?T)\b/u.test(line)) return dayFirst;
  return monthFirst;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

export interface DateMatch {
  iso: string;
  /** Where the date text starts and ends in the input. */
  start: number;
  end: number;
}

/** The first date in a string, as ISO 8601 (date, or date-time when the ISO form carries a time). */
export function findDate(s: string): DateMatch | null {
  const candidates: DateMatch[] = [];
  const iso = ISO_DATE.exec(s);
  if (iso) {
    const [, y, m, d, hh, mm, ss, tz] = iso;
    if (validDate(Number(y), Number(m), Number(d))) {
      let out = `${y}-${m}-${d}`;
      if (hh !== undefined && mm !== undefined) out += `T${hh}:${mm}:${ss ?? '00'}${tz ? tz.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : ''}`;
      candidates.push({ iso: out, start: iso.index, end: iso.index + iso[0].length });
    }
  }
  const dotted = DOTTED_DATE.exec(s);
  if (dotted) {
    const [, d, m, y] = dotted.map(Number) as [number, number, number, number];
    if (validDate(y, m, d)) candidates.push({ iso: `${y}-${pad(m)}-${pad(d)}`, start: dotted.index, end: dotted.index + dotted[0].length });
  }
  const dmy = DAY_MONTH_YEAR.exec(s);
  if (dmy && dmy[2] !== undefined) {
    const d = Number(dmy[1]);
    const m = MONTHS[dmy[2].toLowerCase()] ?? 0;
    const y = Number(dmy[3]);
    if (validDate(y, m, d)) candidates.push({ iso: `${y}-${pad(m)}-${pad(d)}`, start: dmy.index, end: dmy.index + dmy[0].length });
  }
  const mdy = MONTH_DAY_YEAR.exec(s);
  if (mdy && mdy[1] !== undefined) {
    const m = MONTHS[mdy[1].toLowerCase()] ?? 0;
    const d = Number(mdy[2]);
    const y = Number(mdy[3]);
    if (validDate(y, m, d)) candidates.push({ iso: `${y}-${pad(m)}-${pad(d)}`, start: mdy.index, end: mdy.index + mdy[0].length });
  }
  const yf = YEAR_FIRST_DATE.exec(s);
  if (yf) {
    const [, y, m, d] = yf.map(Number) as [number, number, number, number];
    if (validDate(y, m, d)) candidates.push({ iso: `${y}-${pad(m)}-${pad(d)}`, start: yf.index, end: yf.index + yf[0].length });
  }
  const sl = SLASHED_DATE.exec(s);
  if (sl) {
    const [, a, b, yy] = sl as unknown as [string, string, string, string];
    // Two-digit years: news datelines are of this century and the last.
    const y = yy.length === 4 ? Number(yy) : Number(yy) < 70 ? 2000 + Number(yy) : 1900 + Number(yy);
    const md = slashedDate(s, Number(a), Number(b), y);
    if (md && validDate(y, md[0], md[1])) candidates.push({ iso: `${y}-${pad(md[0])}-${pad(md[1])}`, start: sl.index, end: sl.index + sl[0].length });
  }
  candidates.sort((a, b) => a.start - b.start);
  return candidates[0] ?? null;
}

const TIME = /\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.|[A-Z]{2,4})?\b/giu;
const WEEKDAYS =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)\b/giu;

/**
 * A line that is just a date, perhaps with a label, a weekday, a time and a few words
 * ("Published 19 August 2025, 10:32 BST", "Stand: 19.08.2025, 14:00 Uhr"). Body sentences that
 * mention a date have many more words around it.
 */
export function parseDateLine(line: string): string | null {
  if (line.length > 100) return null;
  const m = findDate(line);
  if (!m) return null;
  // Every date goes ("First Posted: 10/25/11 06:44 PM ET Updated: 12/25/11 05:12 AM ET"); the first is the line's.
  let rest = line.slice(0, m.start) + ' ' + line.slice(m.end);
  for (let more = findDate(rest); more; more = findDate(rest)) rest = rest.slice(0, more.start) + ' ' + rest.slice(more.end);
  rest = rest
    .replace(TIME, ' ')
    .replace(WEEKDAYS, ' ')
    .replace(new RegExp(DATE_LABEL, 'giu'), ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const restWords = rest ? rest.split(' ').length : 0;
  // At most this many other words: labels the lexicon lacks, a place, "by X" fragments.
  return restWords <= 4 ? m.iso : null;
}

const MONTH_DAY_NO_YEAR = new RegExp(
  `^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:${MONTH_RE})(?:\\.\\s*|\\s+)\\d{1,2}(?:st|nd|rd|th)?,?\\s+`,
  'iu',
);
const CLOCK = /^\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:[ap]\.?\s?m\.?|uhr|h)(?![\p{L}]))?/iu;
const TIME_ZONE = /^(?:[A-Z]{2,5}|(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?)$/u;

/**
 * A line that is only a clock time, perhaps with a date label, "at" and a time zone ("Updated 5:40 p.m. ET",
 * "at 7:31 AM ET", "Last updated at 17:50 GMT"): the time half of a dateline that a dump put on its own line.
 * Such a line is neither a headline nor body text.
 */
export function isTimeLine(line: string): boolean {
  if (line.length > 60) return false;
  const t = line
    .trim()
    .replace(new RegExp(`^(?:${DATE_LABEL})\\s*:?\\s*`, 'iu'), '')
    // A day without its year before the time ("Jul.7 5:59 PM EDT", "Wednesday, Jan 5 at 5:53 PM").
    .replace(MONTH_DAY_NO_YEAR, '')
    .replace(/^(?:at|um|à)\s+/iu, '');
  const m = CLOCK.exec(t);
  if (!m) return false;
  const rest = t.slice(m[0].length).trim().split(/\s+/).filter(Boolean);
  return rest.length <= 2 && rest.every((w) => TIME_ZONE.test(w));
}

/**
 * A date glued to the start of a longer line ("date 2025-08-19 Your support ...", a scrape that
 * ran a date element into the next block). Returns the date text, its ISO value and the rest.
 */
export function splitLeadingDate(line: string): { dateText: string; iso: string; rest: string } | null {
  const re = new RegExp(`^\\s*(?:${DATE_LABEL}\\s*:?\\s*)?`, 'iu');
  const label = re.exec(line)?.[0] ?? '';
  const after = line.slice(label.length);
  const m = findDate(after);
  if (!m || m.start !== 0) return null;
  const rest = after.slice(m.end).trim();
  // A clock time after the date ("June 6, 2013 3:05 PM EDT") is the rest of the dateline, not a line of its own.
  if (!rest || isTimeLine(rest)) return null;
  return { dateText: line.slice(0, label.length + m.end).trim(), iso: m.iso, rest };
}

// ---------------------------------------------------------------------------------------------
// Relative ages

const RELATIVE_AGE = [
  /(?:\d+|an?|one)\s*(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|h|days?|weeks?|months?|years?)\s+ago/iu,
  /vor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)/iu,
  /il y a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)/iu,
  /hace\s+\d+\s+(?:segundos?|minutos?|horas?|días?|semanas?|meses?|años?)/iu,
  /\d+\s+(?:secondi|minuti|or[ae]|giorni|settimane|mesi|anni)\s+fa/iu,
  /\d+\s+(?:seconden|minuten|uur|dagen|weken|maanden|jaar)\s+geleden/iu,
  /\d+\s+(?:sekund\w*|minut\w*|godzin\w*|dni|dzień|tygodni\w*)\s+temu/iu,
];

export interface RelativeAge {
  /** "8 hours ago". */
  age: string;
  /** Text before the age on the same line ("Glasgow Times"), or null. */
  prefix: string | null;
}

/** A short line that ends with a relative age, possibly glued to an outlet's name. */
export function parseRelativeAge(line: string): RelativeAge | null {
  if (line.length > 80) return null;
  for (const re of RELATIVE_AGE) {
    const m = new RegExp(`^(.*?)(${re.source})\\s*$`, 'iu').exec(line);
    if (m && m[2] !== undefined) {
      const prefix = (m[1] ?? '').replace(/[\s|·•–—-]+$/u, '').trim();
      return { age: m[2], prefix: prefix || null };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Names, bylines and publishers

function isCapitalised(tok: string): boolean {
  return /^\p{Lu}/u.test(tok);
}

/** One person's name: 2-4 capitalised tokens (particles such as "von", "de" allowed between). */
export function isPersonName(s: string): boolean {
  const toks = s.trim().split(/\s+/);
  if (toks.length < 2 || toks.length > 5) return false;
  if (!isCapitalised(toks[0] ?? '') || !isCapitalised(toks[toks.length - 1] ?? '')) return false;
  let caps = 0;
  for (const t of toks) {
    if (NAME_PARTICLES.has(t)) continue;
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(t)) return false;
    // All-caps words longer than initials ("NEWS", "UK") are not parts of names.
    if (t.length > 2 && t === t.toUpperCase() && !t.endsWith('.')) return false;
    caps++;
  }
  if (caps < 2 || caps > 4) return false;
  return !/^(?:the|der|die|das|le|la|les|el|il|de|het)$/iu.test(toks[0] ?? '') && !ORG_WORDS.test(s);
}

/** An agency or outlet named after a byline: an acronym ("AFP", "PAP") or a capitalised name with an outlet word. */
function isAgencyOrOutlet(s: string): boolean {
  const t = s.trim();
  if (/^\p{Lu}{2,5}$/u.test(t)) return true;
  const toks = t.split(/\s+/);
  return toks.length <= 5 && toks.every((x) => /^[\p{Lu}\p{N}]/u.test(x) || /^(?:of|the|de|la|der|die|das|di|del)$/iu.test(x)) && ORG_WORDS.test(t);
}

/** Removes job titles and outlet words around a name ("Political Editor Jane Roe" → "Jane Roe"). */
function stripTitles(part: string): string {
  const toks = part.trim().split(/\s+/);
  // Drop everything up to the last job-title word when the title comes first.
  let lastTitle = -1;
  toks.forEach((t, i) => {
    if (JOB_TITLE.test(t)) lastTitle = i;
  });
  const tail = toks.slice(lastTitle + 1);
  if (lastTitle >= 0 && tail.length >= 2) return tail.join(' ');
  // Otherwise keep the leading capitalised run (a title after the name is cut off).
  const out: string[] = [];
  for (const t of toks) {
    if (JOB_TITLE.test(t) || !(isCapitalised(t) || NAME_PARTICLES.has(t))) break;
    out.push(t);
  }
  return out.join(' ');
}

/**
 * People named by a byline line: "By Jane Roe and John Doe", "Von Anna Berg, Redakteurin",
 * or a bare "Jane Roe and John Doe". Returns names joined by ", " and " and ", or null.
 * `bare` lines need every part to be a name; prefixed lines may carry titles and outlets.
 */
export function parseByline(line: string): string | null {
  const t = line.trim().replace(/[.;]$/, '');
  if (t.length > 120) return null;
  const prefixed = BYLINE_PREFIX.exec(t);
  const body = prefixed ? t.slice(prefixed[0].length) : t;
  // "By Jane Roe, Political Editor | 19 August" - cut at separators that start other metadata.
  let core = body.split(/\s+[|•·–—]\s+|\s+-\s+/u)[0] ?? '';
  // "Jane Roe, Northgate Press" / "Jan Kowalski, PAP": a name, then the agency or outlet after a comma.
  const outlet = /,\s*([^,]+)$/u.exec(core);
  if (outlet?.[1] && isAgencyOrOutlet(outlet[1])) core = core.slice(0, outlet.index);
  const parts = core.split(NAME_JOINERS).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0 || parts.length > 5) return null;
  const names: string[] = [];
  for (const p of parts) {
    const cleaned = prefixed ? stripTitles(p) : p;
    if (isPersonName(cleaned)) names.push(cleaned);
    else if (!prefixed) return null;
    else if (!JOB_TITLE.test(p) && !ORG_WORDS.test(p)) return null;
  }
  if (names.length === 0) return null;
  if (names.length === 1) return names[0] ?? null;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Two-letter country/edition codes that trail an outlet's name ("The Example UK"). */
const EDITION_SUFFIX = /\s+(?:UK|US|USA|AU|CA|IE|IN|NZ|SG|ZA|DE|AT|CH|FR|ES|IT|NL|BE|PL|Edition|International)$/u;

export function stripEdition(name: string): string {
  const out = name.replace(EDITION_SUFFIX, '').trim();
  return out || name;
}

/**
 * A line that can be an outlet's name: 1-6 tokens, capitalised (articles and small words allowed
 * inside), no sentence punctuation, not a person's name unless it has an outlet word (or the
 * caller has other evidence, such as the line being printed twice like a logo).
 */
export function looksLikeOutletName(line: string, allowPersonShape = false): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > 60 || /[.!?:;,]$/.test(t)) return false;
  const toks = t.split(/\s+/);
  if (toks.length > 6) return false;
  if (!toks.every((x) => /^[\p{Lu}\p{N}]/u.test(x) || /^(?:of|the|and|de|la|le|der|die|das|du|des|di|del|am|im|&)$/iu.test(x))) return false;
  return allowPersonShape || !isPersonName(t) || ORG_WORDS.test(t);
}

/**
 * The outlet that a promotional text names as its subject ("Example Post is on the ground ...",
 * "... at the Example Post we believe ..."): a capitalised name that recurs in the text and at
 * least once is followed by a verb such as "is". Common capitalised words (sentence starts,
 * button labels) are dropped because they are stopwords or do not recur as subjects.
 */
export function outletNamedInPromo(texts: string[], isStopword: (w: string) => boolean): string | null {
  const counts = new Map<string, { n: number; subject: number; reliant: boolean }>();
  const NAME = /(?:(?:The|Der|Die|Das|Le|La|Les|El|Il|De|Het)\s+)?\p{Lu}[\p{L}\p{N}'’&-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{N}'’&-]*){0,3}/gu;
  for (const text of texts) {
    for (const m of text.matchAll(NAME)) {
      let toks = m[0].split(/\s+/);
      // Sentence-initial words are capitalised anyway: drop leading stopwords other than articles.
      while (toks.length > 0 && isStopword(toks[0] ?? '') && !/^(?:The|Der|Die|Das|Le|La|Les|El|Il|De|Het)$/u.test(toks[0] ?? '')) toks = toks.slice(1);
      if (toks.length === 0 || (toks.length === 1 && /^(?:The|Der|Die|Das|Le|La|Les|El|Il|De|Het)$/u.test(toks[0] ?? ''))) continue;
      const name = toks.join(' ').replace(/['’]s$/u, '');
      const after = text.slice((m.index ?? 0) + m[0].length).trim();
      const next = after.split(/\s+/)[0] ?? '';
      const c = counts.get(name) ?? { n: 0, subject: 0, reliant: false };
      c.n++;
      if (COPULAS.test(next)) c.subject++;
      // "X relies on readers like you": in an appeal, the one that depends on readers is the outlet.
      if (RELIANCE_VERBS.test(after) && toks.length >= 2) c.reliant = true;
      counts.set(name, c);
    }
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [name, c] of counts) {
    if (!c.reliant && (c.n < 2 || c.subject < 1)) continue;
    const score = c.n + 2 * c.subject + (c.reliant ? 3 : 0);
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Brand names that an aggregator's own UI text uses ("Top stories on X right now",
 * "Download X app", "what X AI can do", "Welcome to X"). Returns candidates with counts.
 */
const BRAND = "([\\p{L}\\p{N}][\\p{L}\\p{N}.&'’+-]{1,30})";
const VIA_PATTERNS = [
  new RegExp(`\\b(?:stories|news|articles|reads|picks)\\s+on\\s+${BRAND}\\s+(?:right now|today|this week)`, 'iu'),
  new RegExp(`\\bdownload\\s+(?:the\\s+)?${BRAND}\\s+app\\b`, 'iu'),
  new RegExp(`\\bwhat\\s+${BRAND}\\s+(?:AI|app|Premium|Plus)\\s+can\\b`, 'iu'),
  new RegExp(`\\bwelcome to\\s+${BRAND}`, 'iu'),
  new RegExp(`\\b(?:try|join|get)\\s+${BRAND}\\s+(?:premium|plus|pro|free|app)\\b`, 'iu'),
  new RegExp(`\\b(?:lade|hol dir)\\s+(?:die\\s+)?${BRAND}[- ]app\\b`, 'iu'),
  new RegExp(`\\btélécharge[rz]\\s+(?:l['’]application\\s+)?${BRAND}\\b`, 'iu'),
];

const NOT_BRANDS = /^(?:the|our|this|your|a|an|free|my|app|news|it|die|der|das|unsere|la|le|notre|nuestra|votre)$/iu;

export function brandsInUi(texts: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const text of texts) {
    for (const re of VIA_PATTERNS) {
      const m = re.exec(text);
      const brand = m?.[1]?.replace(/[.,:;]+$/, '');
      if (brand && !NOT_BRANDS.test(brand)) out.set(brand, (out.get(brand) ?? 0) + 1);
    }
  }
  return out;
}
