import { InputError } from './errors.js';
import { binaryKind } from './sniff.js';
import type { FetchOptions } from './types.js';

/**
 * One polite HTTP GET on Node's global fetch: a time limit over the whole exchange (body included),
 * redirects followed by hand (so loops are caught and every hop is checked), a size cap enforced
 * while streaming, and a content-type gate. Every failure is an InputError naming the URL as given.
 */

export const DEFAULT_USER_AGENT = 'Roundup/0.1 (+https://example.invalid/roundup)';
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

export interface Fetched {
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** Media type without parameters, lower case; null when the server sent none. */
  mediaType: string | null;
  /** Charset parameter of Content-Type, if any. */
  charset: string | null;
  bytes: Buffer;
  fetchedAt: string;
  /** The caching headers of the answer (for `roundup watch`'s schedule). */
  headers: { etag: string | null; lastModified: string | null; cacheControl: string | null; retryAfter: string | null };
}

const ACCEPTED_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/x-rss+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
]);
/** Types that say nothing about the body: we read it and refuse it only if it sniffs as binary. */
const UNTYPED = new Set(['application/octet-stream', 'binary/octet-stream', 'application/unknown']);

const ACCEPT_HEADER =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json;q=0.9,application/xml;q=0.9,application/json;q=0.8,text/plain;q=0.8,*/*;q=0.1';

export function parseContentType(header: string | null): { mediaType: string | null; charset: string | null } {
  if (!header) return { mediaType: null, charset: null };
  const [type, ...params] = header.split(';');
  const mediaType = type?.trim().toLowerCase() || null;
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) charset = m[1]!;
  }
  return { mediaType, charset };
}

/** Parses and checks a URL given by the user or found in a feed; throws `invalid-url`. */
export function checkUrl(raw: string, input = raw): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(input, 'invalid-url', `not a valid URL: "${raw.slice(0, 200)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(input, 'invalid-url', `unsupported URL scheme "${url.protocol}" (only http and https)`);
  }
  return url;
}

/** The innermost system error code (ECONNREFUSED, ENOTFOUND...) behind a fetch failure. */
function causeCode(e: unknown): string | null {
  let cur: unknown = e;
  for (let depth = 0; depth < 6 && cur && typeof cur === 'object'; depth++) {
    const obj = cur as { code?: unknown; errors?: unknown[]; cause?: unknown };
    if (typeof obj.code === 'string' && !obj.code.startsWith('UND_ERR_ABORTED')) return obj.code;
    // Happy-eyeballs connects fail with an AggregateError over the addresses tried.
    if (Array.isArray(obj.errors) && obj.errors.length) cur = obj.errors[0];
    else cur = obj.cause;
  }
  return null;
}

const CODE_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
};

function describeCause(e: unknown): string {
  const code = causeCode(e);
  if (code) return CODE_WORDS[code] ? `${code} (${CODE_WORDS[code]})` : code;
  const msg = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
  return msg || 'unknown network error';
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

interface Limits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

function limitsOf(o: FetchOptions): Limits {
  return {
    timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: o.maxBytes ?? DEFAULT_MAX_BYTES,
    maxRedirects: o.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    userAgent: o.userAgent ?? DEFAULT_USER_AGENT,
  };
}

/** Reads the body, aborting as soon as it passes the cap; a short body (vs Content-Length) is `truncated`. */
async function readBody(res: Response, input: string, limits: Limits, declared: number | null, abort: () => void): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) {
        abort();
        await reader.cancel().catch(() => undefined);
        throw new InputError(input, 'too-large', `body exceeds the ${limits.maxBytes}-byte limit`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    // The connection died mid-body (or the timer fired; the caller tells those apart).
    const got = declared !== null ? `${total} of ${declared} bytes declared by Content-Length` : `${total} bytes`;
    throw new InputError(input, 'truncated', `body ended after ${got}: ${describeCause(e)}`, { cause: e });
  }
  if (declared !== null && total < declared) {
    throw new InputError(input, 'truncated', `body ended after ${total} of ${declared} bytes declared by Content-Length`);
  }
  return Buffer.concat(chunks);
}

/** GETs `rawUrl`. `input` names the failure (defaults to the URL). */
export async function fetchUrl(rawUrl: string, options: FetchOptions = {}, input = rawUrl, now: () => Date = () => new Date()): Promise<Fetched> {
  const limits = limitsOf(options);
  let url = checkUrl(rawUrl, input);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const timeoutError = () => new InputError(input, 'timeout', `timed out: no complete response within ${limits.timeoutMs} ms`);

  try {
    const seen = new Set<string>([url.href]);
    for (let hops = 0; ; hops++) {
      let res: Response;
      if (options.guard) await options.guard(url, input);
      const conditional: Record<string, string> = {};
      if (options.conditional?.etag) conditional['if-none-match'] = options.conditional.etag;
      if (options.conditional?.lastModified) conditional['if-modified-since'] = options.conditional.lastModified;
      try {
        res = await fetch(url, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { 'user-agent': limits.userAgent, accept: ACCEPT_HEADER, 'accept-language': 'en;q=1, *;q=0.5', ...conditional },
        });
      } catch (e) {
        if (timedOut) throw timeoutError();
        throw new InputError(input, 'unreachable', `cannot connect to ${url.host}: ${describeCause(e)}`, { cause: e });
      }

      if (isRedirect(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (!location) throw new InputError(input, 'http-status', `HTTP ${res.status} redirect without a Location header`);
        const next = checkUrl(new URL(location, url).href, input);
        if (seen.has(next.href)) {
          throw new InputError(input, 'redirect-loop', `redirect loop after ${hops + 1} redirects (back to ${next.href})`);
        }
        if (hops + 1 > limits.maxRedirects) {
          throw new InputError(input, 'redirect-loop', `too many redirects (more than ${limits.maxRedirects})`);
        }
        seen.add(next.href);
        url = next;
        continue;
      }

      const headers = {
        etag: res.headers.get('etag'),
        lastModified: res.headers.get('last-modified'),
        cacheControl: res.headers.get('cache-control'),
        retryAfter: res.headers.get('retry-after'),
      };
      if (res.status === 304 && options.conditional) {
        await res.body?.cancel().catch(() => undefined);
        return { url: url.href, status: 304, mediaType: null, charset: null, bytes: Buffer.alloc(0), fetchedAt: now().toISOString(), headers };
      }
      if (res.status >= 400 || (res.status >= 300 && res.status < 400)) {
        await res.body?.cancel().catch(() => undefined);
        const text = res.statusText ? ` ${res.statusText}` : '';
        throw new InputError(input, 'http-status', `HTTP ${res.status}${text}`, { retryAfter: headers.retryAfter });
      }

      const { mediaType, charset } = parseContentType(res.headers.get('content-type'));
      if (mediaType && !ACCEPTED_TYPES.has(mediaType) && !UNTYPED.has(mediaType)) {
        await res.body?.cancel().catch(() => undefined);
        throw new InputError(input, 'unsupported-type', `unsupported content type ${mediaType}`);
      }

      const lengthHeader = res.headers.get('content-length');
      const declared = lengthHeader !== null && /^\d+$/.test(lengthHeader.trim()) ? Number(lengthHeader) : null;
      if (declared !== null && declared > limits.maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new InputError(input, 'too-large', `Content-Length ${declared} exceeds the ${limits.maxBytes}-byte limit`);
      }
      // With a content coding, Content-Length counts the compressed bytes: no truncation check then.
      const encoding = res.headers.get('content-encoding');
      const checkLength = !encoding || encoding.trim().toLowerCase() === 'identity' ? declared : null;

      let bytes: Buffer;
      try {
        bytes = await readBody(res, input, limits, checkLength, () => controller.abort());
      } catch (e) {
        if (timedOut) throw timeoutError();
        throw e;
      }
      if (!mediaType || UNTYPED.has(mediaType)) {
        const binary = binaryKind(bytes);
        if (binary) throw new InputError(input, 'unsupported-type', `unsupported content type ${mediaType ?? '(none)'}: body looks like ${binary}`);
      }
      return { url: url.href, status: res.status, mediaType, charset, bytes, fetchedAt: now().toISOString(), headers };
    }
  } finally {
    clearTimeout(timer);
  }
}
