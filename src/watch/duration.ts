/** `--every 5m`: a duration as a number and a unit (s, m, h, d); a bare number is seconds. */
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

export class DurationError extends Error {
  override readonly name = 'DurationError';
}

/** Seconds in `text` ("90", "30s", "5m", "1.5h", "1d"); throws DurationError naming the option and the text. */
export function parseDuration(text: string, option = '--every'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(text);
  const seconds = m ? Number(m[1]) * UNITS[(m[2] || 's').toLowerCase()]! : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < 1) throw new DurationError(`${option} must be a duration such as 30s, 5m, 1h or 1d (at least 1 second), got "${text}"`);
  return Math.round(seconds);
}
