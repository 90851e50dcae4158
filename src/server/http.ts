/** Shared request helpers: ids, errors (JSON under /api/, a page elsewhere), client address, token, rate limit. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ReaderState } from './state.js';
import { errorPage } from './views/layout.js';

export type Env = { Variables: { state: ReaderState } };

export const isApi = (path: string): boolean => path === '/api' || path.startsWith('/api/');

/** An error answer in the form the path calls for: `{error}` JSON under /api/, an HTML page elsewhere. */
export function fail(c: Context, status: ContentfulStatusCode, message: string): Response | Promise<Response> {
  if (isApi(c.req.path)) return c.json({ error: message, status }, status);
  return c.html(errorPage(status, message), status);
}

/** `12` or `s12` → 12; anything else → null. */
export function parseId(s: string, prefix: 's' | 'l' | '' = ''): number | null {
  const m = (prefix ? new RegExp(`^${prefix}?(\\d{1,15})$`, 'i') : /^(\d{1,15})$/).exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Non-negative integer query parameter; undefined when absent, null when malformed or over `max`. */
export function intParam(value: string | undefined, max: number): number | null | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n <= max ? n : null;
}

/** The peer address of the connection (app.request() in tests has none). */
function clientOf(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time token comparison (hashes first, so lengths do not leak either). */
function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** POST /api/ingest and /api/audit: off without a configured token (403), else `Authorization: Bearer <token>` (401). */
export function requireToken(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const token = c.get('state').token;
    if (token === null) return fail(c, 403, 'this endpoint is off: the server has no write token configured (start it with --token-file or ROUNDUP_TOKEN)');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!m || !tokenMatches(m[1]!, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="roundup"');
      return fail(c, 401, m ? 'wrong token' : 'missing token: send Authorization: Bearer <token>');
    }
    await next();
  };
}

export function rateLimit(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const wait = c.get('state').limiter.take(clientOf(c));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return fail(c, 429, `too many requests: try again in ${wait} s`);
    }
    await next();
  };
}
