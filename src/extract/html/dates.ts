/**
 * Dates as pages state them (ISO strings, RFC 2822, compact forms, day-first numerals) normalised to
 * ISO 8601: date-only values stay `YYYY-MM-DD`; date-times keep their time and offset.
 */

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function offsetOf(raw: string | undefined): string {
  if (!raw) return '';
  if (raw === 'Z' || raw === 'z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  if (!m) return '';
  const off = `${m[1]}${m[2]}:${m[3] ?? '00'}`;
  return off === '+00:00' || off === '-00:00' ? 'Z' : off;
}

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?$/;

/** ISO 8601 text for a date string, or null when it is not a recognisable date. */
export function normalizeDate(input: string | null | undefined): string | null {
  const s = (input ?? '').trim();
  if (!s) return null;
  const iso = ISO.exec(s);
  if (iso) {
    const [, ys, ms, ds, hh, mi, ss, off] = iso;
    const y = Number(ys), m = Number(ms), d = Number(ds);
    if (!validDate(y, m, d)) return null;
    const date = `${ys}-${ms}-${ds}`;
    if (hh === undefined || mi === undefined) return date;
    if (Number(hh) > 23 || Number(mi) > 59) return date;
    return `${date}T${hh}:${mi}:${ss ?? '00'}${offsetOf(off)}`;
  }
  // Day-first numerals as used across most of Europe: 17.05.2024, 17/05/2024 (optionally with a time).
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:,?\s+(\d{1,2})[:.](\d{2}))?/.exec(s);
  if (dayFirst) {
    const [, ds, ms, ys, hh, mi] = dayFirst;
    const y = Number(ys), m = Number(ms), d = Number(ds);
    if (!validDate(y, m, d)) return null;
    const date = `${ys}-${pad(m)}-${pad(d)}`;
    return hh !== undefined && mi !== undefined && Number(hh) < 24 ? `${date}T${pad(Number(hh))}:${mi}:00` : date;
  }
  // Textual forms the JavaScript engine parses reliably (RFC 2822, "May 17, 2024").
  if (!/[a-z]{3}/i.test(s) || !/\d{4}/.test(s)) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const hasTime = /\d{1,2}:\d{2}/.test(s);
  const dt = new Date(t);
  if (!hasTime) {
    if (!validDate(dt.getFullYear(), dt.getMonth() + 1, dt.getDate())) return null;
    return `${dt.getFullYear()}-${pad(dt.getMonth() + 1)}-${pad(dt.getDate())}`;
  }
  if (!validDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate())) return null;
  return dt.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A date stated in a URL path (`/2024/05/17/`, `/2024-05-17/`, `/20240517/`), as `YYYY-MM-DD`. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const patterns = [/\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$|[-_])/, /[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)/, /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:\/|$|[-_])/];
  for (const re of patterns) {
    const m = re.exec(path);
    if (!m) continue;
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    if (validDate(y, mo, d)) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

/**
 * True when a short text is essentially a date or time stamp (a "dateline" left in a body):
 * once digits, separators and at most a few short words (month and weekday names, "Uhr", "Updated")
 * are taken out, almost nothing is left. Works for any language that writes dates with digits.
 */
export function looksLikeDateLine(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 80) return false;
  const digits = (t.match(/\d/g) ?? []).length;
  if (digits < 2) return false;
  const numeric = /\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b/u.test(t);
  // A year with a day next to a month word ("17. Mai 2024", "May 17, 2024", "17 de mayo de 2024").
  const worded = /\b(?:19|20)\d{2}\b/.test(t) && /\b\d{1,2}\.?\s*(?:de\s+)?\p{L}{3,}|\p{L}{3,}\.?\s+\d{1,2}\b/u.test(t);
  if (!numeric && !worded) return false;
  const words = t
    .replace(/[\d.,:/|()\-–—+]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  // Calibrated on invented datelines in dates.test.ts: "Aktualisiert am Mittwoch, 17. Mai 2024, 10:15 Uhr" has 4 words.
  return words.length <= 5;
}
