/**
 * Dates: absolute ("19 August 2025", "August 19", "2025-08-19", "19.08.2025", "19. August", "19 de agosto") and
 * relative to the publication date ("on Monday", "Tuesday morning", "yesterday", "last week", "over the weekend").
 *
 * News convention for a bare weekday: a past-tense clause means the most recent such day on or before publication,
 * a future clause ("will", "is due to") the next such day on or after it; with no tense cue, the nearer of the two.
 */
import { FOREIGN_WEEKDAYS, MONTHS, WEEKDAYS } from './lexicon.js';
import { sentenceAt } from './sentences.js';
import type { DateGranularity, DateMention, Sentence } from './types.js';

const DAY_MS = 86_400_000;
const MONTH_RE = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
const WEEKDAY_RE = [...WEEKDAYS, ...FOREIGN_WEEKDAYS.keys()].join('|');

const FUTURE = /\b(?:will|shall|won't|is to|are to|is due to|are due to|is expected to|are expected to|is set to|are set to|plans? to|planning to|going to|scheduled|wird|werden|va|vont|irá|va a)\b|'ll\b/i;
const PAST = /\b(?:said|was|were|had|did|told|met|held|took|came|went|spoke|\w{2,}ed)\b/i;

function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function utc(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const dt = new Date(t);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? t : null;
}

function parsePublished(p: string | null | undefined): number | null {
  const m = p ? /^(\d{4})-(\d{2})-(\d{2})/.exec(p) : null;
  return m ? utc(+m[1]!, +m[2]!, +m[3]!) : null;
}

type Tense = 'past' | 'future' | null;

interface Raw {
  start: number;
  end: number;
  date: string | null;
  granularity: DateGranularity;
  relative: boolean;
  resolvedBy: string;
  weekday?: number;
}

export function findDates(text: string, sentences: readonly Sentence[], published: string | null, _language?: string | null): DateMention[] {
  const pub = parsePublished(published);
  const pubYear = pub === null ? null : new Date(pub).getUTCFullYear();
  const raws: Raw[] = [];

  /** Tense of the clause around a date: the text since the last clause break before it, else the sentence. */
  const tenseAt = (start: number, end: number): Tense => {
    const si = sentenceAt(sentences, start);
    const s = si >= 0 ? sentences[si]! : { start: Math.max(0, start - 120), end: Math.min(text.length, end + 60) };
    const before = text.slice(s.start, start);
    const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(' when '), before.lastIndexOf(' after '));
    const clause = before.slice(cut + 1) + text.slice(end, Math.min(s.end, end + 40));
    if (FUTURE.test(clause)) return 'future';
    if (PAST.test(clause)) return 'past';
    const sentence = text.slice(s.start, s.end);
    if (FUTURE.test(sentence)) return 'future';
    if (PAST.test(sentence)) return 'past';
    return null;
  };

  const yearFor = (month: number, day: number): { date: string | null; by: string } => {
    if (pub === null || pubYear === null) return { date: null, by: 'unresolved' };
    // The year that puts the date nearest the publication date.
    let best: number | null = null;
    for (const y of [pubYear - 1, pubYear, pubYear + 1]) {
      const t = utc(y, month, day);
      if (t !== null && (best === null || Math.abs(t - pub) < Math.abs(best - pub))) best = t;
    }
    return { date: best === null ? null : iso(best), by: 'year-from-publication' };
  };

  const push = (start: number, end: number, date: string | null, granularity: DateGranularity, relative: boolean, resolvedBy: string, weekday?: number): void => {
    raws.push({ start, end, date, granularity, relative, resolvedBy, weekday });
  };
  const scan = (re: RegExp, f: (m: RegExpExecArray) => void): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) f(m);
  };

  // 2025-08-19
  scan(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => {
    const t = utc(+m[1]!, +m[2]!, +m[3]!);
    if (t !== null) push(m.index, m.index + m[0].length, iso(t), 'day', false, 'absolute');
  });
  // 19.08.2025 (day first), 19/08/2025 (day first unless the middle number cannot be a month)
  scan(/\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b/g, (m) => {
    let d = +m[1]!;
    let mo = +m[3]!;
    if (m[2] === '/' && mo > 12 && d <= 12) [d, mo] = [mo, d];
    const t = utc(+m[4]!, mo, d);
    if (t !== null) push(m.index, m.index + m[0].length, iso(t), 'day', false, 'absolute');
  });
  // 19 August 2025, 19th August, 19. August 2025, 19 de agosto de 2025, 1er août
  scan(new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(${MONTH_RE})\.?(?:,?\s+(?:de\s+)?(\d{4}))?(?![\p{L}])`, 'giu'), (m) => {
    const month = MONTHS.get(m[2]!.toLowerCase())!;
    if (m[2] === 'may' || m[2] === 'mar') return; // lowercase "may" is a verb
    const day = +m[1]!;
    if (m[3]) {
      const t = utc(+m[3], month, day);
      if (t !== null) push(m.index, m.index + m[0].length, iso(t), 'day', false, 'absolute');
    } else {
      const r = yearFor(month, day);
      push(m.index, m.index + m[0].length, r.date, 'day', false, r.by);
    }
  });
  // August 19, August 19, 2025, Aug. 19
  scan(new RegExp(String.raw`\b(${MONTH_RE})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{4}))?\b`, 'giu'), (m) => {
    if (!/^\p{Lu}/u.test(m[1]!)) return;
    const month = MONTHS.get(m[1]!.toLowerCase())!;
    const day = +m[2]!;
    if (m[3]) {
      const t = utc(+m[3], month, day);
      if (t !== null) push(m.index, m.index + m[0].length, iso(t), 'day', false, 'absolute');
    } else {
      const r = yearFor(month, day);
      push(m.index, m.index + m[0].length, r.date, 'day', false, r.by);
    }
  });
  // August 2025 / February (after in/since/until/by/from/last/next/this/early/late/mid)
  scan(new RegExp(String.raw`\b(${MONTH_RE})\s+(\d{4})\b`, 'giu'), (m) => {
    if (!/^\p{Lu}/u.test(m[1]!)) return;
    const month = MONTHS.get(m[1]!.toLowerCase())!;
    push(m.index, m.index + m[0].length, `${m[2]}-${String(month).padStart(2, '0')}-01`, 'month', false, 'absolute');
  });
  scan(new RegExp(String.raw`\b(?:in|since|until|by|from|last|next|this|early|late|mid-?|im|en|in)\s+(${MONTH_RE})\b(?!\s+\d)`, 'giu'), (m) => {
    if (!/^\p{Lu}/u.test(m[1]!) && !/^(?:en)$/.test(m[0].split(/\s/)[0]!)) return;
    const month = MONTHS.get(m[1]!.toLowerCase())!;
    const start = m.index + m[0].length - m[1]!.length;
    if (pub === null || pubYear === null) return push(start, start + m[1]!.length, null, 'month', true, 'unresolved');
    const pubMonth = new Date(pub).getUTCMonth() + 1;
    const tense = /^next/i.test(m[0]) ? 'future' : /^last/i.test(m[0]) ? 'past' : tenseAt(start, start + m[1]!.length);
    let year = pubYear;
    if (tense === 'future' ? month < pubMonth : month > pubMonth) year += tense === 'future' ? 1 : -1;
    if (tense === null && Math.abs(month - pubMonth) > 6) year += month > pubMonth ? -1 : 1;
    push(start, start + m[1]!.length, `${year}-${String(month).padStart(2, '0')}-01`, 'month', true, tense ? `${tense}-tense` : 'nearest');
  });

  // Weekdays: "on Monday", "Tuesday morning", "Monday's talks", "last Friday", "next Tuesday"
  scan(new RegExp(String.raw`\b(?:(on|last|next|this|since|until|by|from|early|late|am|le|el)\s+)?(${WEEKDAY_RE})(?:['’]s)?(?:\s+(morning|afternoon|evening|night|morgen|abend))?\b`, 'giu'), (m) => {
    const name = m[2]!;
    if (WEEKDAYS.includes(name) && !/^\p{Lu}/u.test(name)) return; // English weekdays are capitalised
    const wd = WEEKDAYS.indexOf(name.toLowerCase()) >= 0 ? WEEKDAYS.indexOf(name.toLowerCase()) : FOREIGN_WEEKDAYS.get(name.toLowerCase())!;
    const start = m.index;
    const end = m.index + m[0].length;
    if (pub === null) return push(start, end, null, 'day', true, 'unresolved', wd);
    const pubWd = new Date(pub).getUTCDay();
    const back = (pubWd - wd + 7) % 7; // days back to the most recent such day (0 = publication day)
    const fwd = (wd - pubWd + 7) % 7;
    const lead = (m[1] ?? '').toLowerCase();
    let offset: number;
    let by: string;
    if (lead === 'last') [offset, by] = [-(back || 7), 'past-tense'];
    else if (lead === 'next') [offset, by] = [fwd || 7, 'future-tense'];
    else {
      const tense = tenseAt(start, end);
      if (tense === 'past') [offset, by] = [-back, 'past-tense'];
      else if (tense === 'future') [offset, by] = [fwd, 'future-tense'];
      else [offset, by] = [back <= fwd ? -back : fwd, 'nearest'];
    }
    push(start, end, iso(pub + offset * DAY_MS), 'day', true, by, wd);
  });

  // yesterday / today / tonight / tomorrow / last night / this morning
  scan(/\b(yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening)|gestern|heute|morgen|hier|aujourd'hui|demain|ayer|hoy|mañana)\b/giu, (m) => {
    const w = m[1]!.toLowerCase();
    const off = /^(?:yesterday|last night|gestern|hier|ayer)$/.test(w) ? -1 : /^(?:tomorrow|morgen|demain|mañana)$/.test(w) ? 1 : 0;
    push(m.index, m.index + m[0].length, pub === null ? null : iso(pub + off * DAY_MS), 'day', true, pub === null ? 'unresolved' : 'publication');
  });
  // last/next/this week|month|year, earlier this year
  scan(/\b(last|next|this|earlier this|later this)\s+(week|month|year)\b/gi, (m) => {
    const which = m[1]!.toLowerCase();
    const unit = m[2]!.toLowerCase() as 'week' | 'month' | 'year';
    const start = m.index;
    const end = m.index + m[0].length;
    if (pub === null) return push(start, end, null, unit, true, 'unresolved');
    const step = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    const d = new Date(pub);
    let date: string;
    if (unit === 'week') {
      const monday = pub - ((d.getUTCDay() + 6) % 7) * DAY_MS; // ISO weeks start on Monday
      date = iso(monday + step * 7 * DAY_MS);
    } else if (unit === 'month') {
      const t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1);
      date = iso(t);
    } else date = `${d.getUTCFullYear() + step}-01-01`;
    push(start, end, date, unit, true, 'publication');
  });
  // over/at the weekend, this/last/next weekend: dated by its Saturday
  scan(/\b(over the|at the|this|last|next|on the)\s+weekend\b/gi, (m) => {
    const start = m.index;
    const end = m.index + m[0].length;
    if (pub === null) return push(start, end, null, 'weekend', true, 'unresolved');
    const pubWd = new Date(pub).getUTCDay();
    const lead = m[1]!.toLowerCase();
    const tense = lead === 'last' ? 'past' : lead === 'next' ? 'future' : tenseAt(start, end);
    const back = (pubWd - 6 + 7) % 7;
    const fwd = (6 - pubWd + 7) % 7;
    const offset = tense === 'future' ? fwd : pubWd === 0 ? -1 : -back;
    push(start, end, iso(pub + offset * DAY_MS), 'weekend', true, tense ? `${tense}-tense` : 'nearest');
  });

  raws.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateMention[] = [];
  let lastEnd = -1;
  for (const r of raws) {
    if (r.start < lastEnd) continue;
    out.push({ ...r, text: text.slice(r.start, r.end) });
    lastEnd = r.end;
  }
  return out;
}
