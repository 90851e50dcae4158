/**
 * What story clustering knows of one text: stemmed content words (headline words counted extra), named entities
 * (people, organisations, places; names normalised, person surnames as a second key) and an event time.
 * Raw counts are batch-independent (prepared once, cached by the online index); weights need the batch's
 * document frequencies and are computed by `weigh`.
 */
import { contentWords, findDates, findEntities, splitSentences, stripDiacritics } from '../text/index.js';
import * as T from './thresholds.js';

/** String → dense integer id. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.words.length;
      this.ids.set(s, i);
      this.words.push(s);
    }
    return i;
  }
  get size(): number {
    return this.words.length;
  }
}

/**
 * Event time of a text: a calendar day (days since 1970-01-01), else the year the text itself names, either
 * unknown.
 */
export interface EventTime {
  day: number | null;
  year: number | null;
}

/** Sparse counts: sorted feature ids and their counts. */
export interface Counts {
  ids: Int32Array;
  counts: Float32Array;
}

export interface RawFeatures {
  terms: Counts;
  /** Total term count (document length for BM25). */
  length: number;
  entities: Counts;
  time: EventTime;
  /**
   * The text's protagonist: of the people its headline or lede names, the one it names most often (at least
   * PROTAGONIST_MIN_MENTIONS times, no tie), as the entity-vocabulary id of the surname key; -1 when none.
   */
  who: number;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD...` → day number, else null. */
export function dayOf(iso: string | null | undefined): number | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return null;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function toCounts(m: Map<number, number>): Counts {
  const ids = Int32Array.from(m.keys()).sort();
  const counts = new Float32Array(ids.length);
  for (let i = 0; i < ids.length; i++) counts[i] = m.get(ids[i]!)!;
  return { ids, counts };
}

const bump = (m: Map<number, number>, k: number, by: number): void => {
  m.set(k, (m.get(k) ?? 0) + by);
};

/** Entity name → matching key: diacritics, case, a leading "the" and punctuation dropped. */
function entityKey(name: string): string {
  return stripDiacritics(name)
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Event time when the publication date is unknown: the year of the earliest absolute date in the first three
 * sentences (where datelines sit), else the most frequent year mentioned (ties to the later year: news is about
 * now, background about before). (Weekdays the lede names were read too until they were fitted, see
 * thresholds.ts STORY_FIT: given the content, a weekday conflict did not lower the odds of one event.)
 */
function timeFromText(text: string, sentences: ReturnType<typeof splitSentences>): EventTime {
  const dates = findDates(text, sentences, null);
  const days = new Map<number, number>();
  const years = new Map<number, number>();
  let early: number | null = null;
  const earlyEnd = sentences[Math.min(2, sentences.length - 1)]?.end ?? 0;
  for (const d of dates) {
    if (!d.date || d.relative) continue;
    const day = dayOf(d.date);
    if (day === null) continue;
    const y = yearOfDay(day);
    if (y < 1900 || y > 2100) continue;
    bump(years, y, 1);
    if (d.granularity === 'day') {
      bump(days, day, 1);
      if (d.start < earlyEnd && (early === null || day < early)) early = day;
    }
  }
  // A day read from the text is only trusted to the year: a dateline, a background date and the event day differ
  // (ECB+: trusting text days cost 8 points of B³ recall for 4 of precision).
  if (early !== null) return { day: null, year: yearOfDay(early) };
  const best = (m: Map<number, number>): number | null => {
    let k: number | null = null;
    let c = 0;
    for (const [key, n] of m) if (n > c || (n === c && k !== null && key > k)) [k, c] = [key, n];
    return k;
  };
  return { day: null, year: best(years) };
}

export interface PrepareInput {
  text: string;
  title?: string | null;
  published?: string | null;
  language?: string | null;
}

/**
 * The share of a name's occurrences in `text` that a determiner leads ("the Colts", "the New Orleans Saints", "an
 * Emmy"): people's names take none, so a "person" the tagger found that mostly does is a team, a law or a thing.
 */
export function determinerShare(text: string, name: string, lower: string = text.toLowerCase()): number {
  // A scan, not a RegExp per name: 100k texts × their lede's people compiled as many RegExps (+0.4 GB peak at 100k).
  const src = lower.length === text.length ? text : lower;
  let all = 0;
  let led = 0;
  for (let i = lower.indexOf(name); i >= 0; i = lower.indexOf(name, i + 1)) {
    if (isLetterAt(lower, i - 1) || isLetterAt(lower, i + name.length)) continue;
    all++;
    // Back over at most two capitalised words ("the New Orleans Saints") to a determiner.
    let at = i;
    for (let skipped = 0; ; ) {
      let k = at;
      while (k > 0 && /\s/.test(src[k - 1]!)) k--;
      if (k === at) break;
      let w = k;
      while (isLetterAt(src, w - 1)) w--;
      const word = src.slice(w, k);
      if (DETERMINER.test(word)) {
        led++;
        break;
      }
      if (skipped === 2 || !UPPER.test(word)) break;
      skipped++;
      at = w;
    }
  }
  return all ? led / all : 0;
}

const LETTER = /\p{L}/u;
const UPPER = /^\p{Lu}/u;
const DETERMINER = /^(?:[Tt]he|[Aa]n?)$/;
const isLetterAt = (s: string, i: number): boolean => i >= 0 && i < s.length && LETTER.test(s[i]!);

/** Raw feature counts of one text (independent of the batch). */
export function prepareFeatures(doc: PrepareInput, terms: Vocabulary, entities: Vocabulary): RawFeatures {
  const text = doc.text.length > T.MAX_TEXT_CHARS ? doc.text.slice(0, T.MAX_TEXT_CHARS) : doc.text;
  const lang = doc.language ?? null;
  const tc = new Map<number, number>();
  let length = 0;
  const addWords = (s: string, by: number): void => {
    for (const w of contentWords(s, lang)) {
      // Numbers: only years and long figures are distinctive ("2008", "20,000"); ages and counts are not.
      if (w.kind === 'number' && !/^(?:19|20)\d\d$|^\d{1,3}(?:,\d{3})+$/.test(w.norm)) continue;
      if (w.stem.length < 2) continue;
      bump(tc, terms.id(w.stem), by);
      length += by;
    }
  };
  addWords(text, 1);
  if (doc.title) addWords(doc.title, T.TITLE_BOOST);

  const sentences = splitSentences(text);
  const ec = new Map<number, number>();
  const ents = findEntities(text, sentences, lang);
  const mentionsOf = new Map<string, number>();
  for (const m of ents.mentions) if (m.entityId) mentionsOf.set(m.entityId, (mentionsOf.get(m.entityId) ?? 0) + 1);
  // The protagonist is someone the lede names (who did what): a person named first further down is background.
  const ledeEnd = sentences[Math.min(T.PROTAGONIST_LEDE_SENTENCES, sentences.length) - 1]?.end ?? 0;
  const inLede = new Set<string>();
  for (const m of ents.mentions) if (m.entityId && m.start < ledeEnd) inLede.add(m.entityId);
  const titleWords = new Set(doc.title ? entityKey(doc.title).split(' ') : []);
  let who = -1;
  let whoCount = 0;
  let lower: string | undefined;
  for (const e of ents.entities) {
    if (e.type !== 'person') continue;
    const surname = entityKey(e.name).split(' ').pop() ?? '';
    if (surname.length < 2 || !(inLede.has(e.id) || titleWords.has(surname))) continue;
    if (determinerShare(text, surname, (lower ??= text.toLowerCase())) > T.PROTAGONIST_MAX_DETERMINER_SHARE) continue;
    const n = mentionsOf.get(e.id) ?? 1;
    if (n > whoCount) [who, whoCount] = [entities.id(surname), n];
    else if (n === whoCount) who = -1;
  }
  if (whoCount < T.PROTAGONIST_MIN_MENTIONS) who = -1;
  for (const e of ents.entities) {
    if (e.type === 'unknown' && !T.UNKNOWN_ENTITY_WEIGHT) continue;
    const key = entityKey(e.name);
    if (key.length < 2) continue;
    const n = (mentionsOf.get(e.id) ?? 1) * (e.type === 'unknown' ? T.UNKNOWN_ENTITY_WEIGHT : 1);
    bump(ec, entities.id(key), n);
    if (e.type === 'person') {
      const parts = key.split(' ');
      if (parts.length > 1) bump(ec, entities.id(parts[parts.length - 1]!), n * T.SURNAME_WEIGHT);
    }
  }
  if (doc.title) {
    // Headline names count extra: "Tara Reid enters rehab" names the event's subject.
    const tSent = splitSentences(doc.title);
    for (const e of findEntities(doc.title, tSent, lang).entities) {
      const key = entityKey(e.name);
      if (key.length >= 2 && e.type !== 'unknown') bump(ec, entities.id(key), T.TITLE_BOOST);
    }
  }
  const pubDay = dayOf(doc.published);
  const time: EventTime = pubDay !== null ? { day: pubDay, year: yearOfDay(pubDay) } : timeFromText(text, sentences);
  return { terms: toCounts(tc), length, entities: toCounts(ec), time, who };
}

/** A weighted, L2-normalised sparse vector (ids sorted ascending). */
export interface Vec {
  ids: Int32Array;
  w: Float32Array;
}

export const EMPTY_VEC: Vec = { ids: new Int32Array(0), w: new Float32Array(0) };

/**
 * BM25-style idf, never negative, smoothed with IDF_PRIOR_DOCS background documents that hold none of the
 * features: in a batch of six texts about one flood, "reservoir" (in five) must still weigh something, while in a
 * batch of thousands the prior vanishes.
 */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n + T.IDF_PRIOR_DOCS - df + 0.5) / (df + 0.5));
}

/**
 * BM25 weights (saturated term frequency, length-normalised, times idf), keeping the `keep` heaviest features,
 * normalised to unit length so that dot products are cosines.
 */
export function weigh(c: Counts, df: ArrayLike<number>, n: number, length: number, avgLength: number, keep: number): Vec {
  const m = c.ids.length;
  const w = bm25(c, df, n, length, avgLength);
  let order: number[] | null = null;
  if (m > keep) {
    order = Array.from({ length: m }, (_, i) => i).sort((x, y) => w[y]! - w[x]! || c.ids[x]! - c.ids[y]!).slice(0, keep);
    order.sort((x, y) => c.ids[x]! - c.ids[y]!);
  }
  const idx = order ?? Array.from({ length: m }, (_, i) => i);
  const ids = new Int32Array(idx.length);
  const ww = new Float32Array(idx.length);
  let s = 0;
  for (let k = 0; k < idx.length; k++) {
    ids[k] = c.ids[idx[k]!]!;
    ww[k] = w[idx[k]!]!;
    s += ww[k]! * ww[k]!;
  }
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let k = 0; k < ww.length; k++) ww[k]! *= inv;
  }
  return { ids, w: ww };
}

/** BM25 weight of every term of `c`. */
function bm25(c: Counts, df: ArrayLike<number>, n: number, length: number, avgLength: number): Float32Array {
  const k1 = T.BM25_K1;
  const norm = avgLength > 0 ? 1 - T.BM25_B + (T.BM25_B * length) / avgLength : 1;
  const w = new Float32Array(c.ids.length);
  for (let i = 0; i < w.length; i++) {
    const tf = c.counts[i]!;
    w[i] = ((tf * (k1 + 1)) / (tf + k1 * norm)) * idf(df[c.ids[i]!] ?? 1, n);
  }
  return w;
}

/** The `keep` counts of `c` with the highest BM25 weight now (ids still sorted): what a later re-weighing reads. */
export function heaviestCounts(c: Counts, df: ArrayLike<number>, n: number, length: number, avgLength: number, keep: number): Counts {
  if (c.ids.length <= keep) return c;
  const w = bm25(c, df, n, length, avgLength);
  const order = Array.from({ length: c.ids.length }, (_, i) => i)
    .sort((x, y) => w[y]! - w[x]! || c.ids[x]! - c.ids[y]!)
    .slice(0, keep)
    .sort((x, y) => c.ids[x]! - c.ids[y]!);
  return { ids: Int32Array.from(order, (i) => c.ids[i]!), counts: Float32Array.from(order, (i) => c.counts[i]!) };
}

/** Dot product of two sorted sparse vectors. */
export function dot(a: Vec, b: Vec): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) s += a.w[i++]! * b.w[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/**
 * How days apart two texts may be and still report one event. A story is an event with its coverage: follow-ups,
 * reactions and corrections weeks later belong to it, while a same-kind event months away is another story. A
 * development is one day's news within a story (the flood on Monday night, the inquiry ordered on Wednesday).
 */
export interface TimeModel {
  /** Publication days this far apart or less are one time. */
  windowDays: number;
  /** Beyond the window the factor halves per this many days... */
  fadeDays: number;
  /** ...down to this floor. */
  floor: number;
  /** When only years are known and they differ (default thresholds.ts OTHER_YEAR_FACTOR). */
  otherYear?: number;
}

/** Stories: see thresholds.ts EVENT_WINDOW_DAYS. */
export const STORY_TIME: TimeModel = { windowDays: T.EVENT_WINDOW_DAYS, fadeDays: T.EVENT_FADE_DAYS, floor: T.FAR_APART_FACTOR };
/** Developments within a story: see thresholds.ts DEVELOPMENT_HALF_LIFE_DAYS. */
export const DEVELOPMENT_TIME: TimeModel = { windowDays: 0, fadeDays: T.DEVELOPMENT_HALF_LIFE_DAYS, floor: T.TIME_FLOOR };

/** What two texts' time and protagonist say of them reporting one event, 0..1: `dateFactor` times `whoFactor`. */
export function pairFactor(
  a: { time: EventTime; who: number },
  b: { time: EventTime; who: number },
  model: TimeModel = STORY_TIME,
  otherWho: number = T.OTHER_PROTAGONIST_FACTOR,
): number {
  return dateFactor(a.time, b.time, model) * whoFactor(a.who, b.who, otherWho);
}

/**
 * Days and years: 1 when unknown or within the model's window, then halving per `fadeDays` down to its floor;
 * a flat penalty for different years when only a year is known.
 */
export function dateFactor(a: EventTime, b: EventTime, model: TimeModel = STORY_TIME): number {
  if (a.day !== null && b.day !== null) {
    const dt = Math.abs(a.day - b.day) - model.windowDays;
    return dt <= 0 ? 1 : Math.max(model.floor, Math.pow(0.5, dt / model.fadeDays));
  }
  if (a.year !== null && b.year !== null && a.year !== b.year) return model.otherYear ?? T.OTHER_YEAR_FACTOR;
  return 1;
}

/** Two protagonists (RawFeatures.who): a flat factor when both texts have one and they differ. */
export function whoFactor(a: number, b: number, other: number = T.OTHER_PROTAGONIST_FACTOR): number {
  return a >= 0 && b >= 0 && a !== b ? other : 1;
}
