/**
 * When a feed is fetched next. After an answer: the longest of the operator's `--every`, the feed's own refresh
 * interval (ttl, sy:updatePeriod) and the answer's Cache-Control max-age, capped at MAX_INTERVAL_S. After a failure:
 * exponential backoff from `--every` (doubling per consecutive failure), or the Retry-After the server asked for
 * when it is longer; a feed that has failed FAILING_AFTER times in a row is reported as failing and retried only
 * every FAILING_RETRY_S.
 */
export const MAX_INTERVAL_S = 86_400;
export const FAILING_AFTER = 5;
export const FAILING_RETRY_S = 6 * 3600;

/** Cache-Control max-age in seconds (s-maxage ignored: we are no shared cache); null when absent. */
export function maxAgeSeconds(cacheControl: string | null): number | null {
  if (!cacheControl) return null;
  if (/(?:^|,)\s*(?:no-store|no-cache)\b/i.test(cacheControl)) return 0;
  const m = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  return m ? Number(m[1]) : null;
}

/** Retry-After (seconds, or an HTTP date) as seconds from `now`; null when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now: Date): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const t = Date.parse(value);
  return Number.isFinite(t) ? Math.max(0, Math.round((t - now.getTime()) / 1000)) : null;
}

export function intervalAfterSuccess(everyS: number, feedRefreshS: number | null, cacheControl: string | null): number {
  return Math.min(MAX_INTERVAL_S, Math.max(everyS, feedRefreshS ?? 0, maxAgeSeconds(cacheControl) ?? 0));
}

/** Seconds until the next try after `failures` consecutive failures (1 for the first). */
export function intervalAfterFailure(everyS: number, failures: number, retryAfterS: number | null): number {
  const backoff = failures >= FAILING_AFTER ? Math.max(FAILING_RETRY_S, everyS) : Math.min(MAX_INTERVAL_S, everyS * 2 ** Math.max(0, failures - 1));
  return Math.max(backoff, retryAfterS ?? 0);
}
