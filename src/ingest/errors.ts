/** Every way an input can fail. The message always names the input and the cause, on one line. */
export type InputErrorKind =
  | 'not-found'
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'truncated'
  | 'encoding'
  | 'malformed-json'
  | 'malformed-record'
  | 'malformed-feed'
  | 'unsupported-type'
  | 'invalid-url'
  | 'unreachable'
  | 'timeout'
  | 'http-status'
  | 'redirect-loop'
  /** A link from a feed to an address or scheme we do not follow (loopback, private, link-local; file:...). */
  | 'blocked'
  /** The site's robots.txt disallows the page. */
  | 'robots';

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** The input as the user gave it (path, URL, `path#line`, feed entry link). */
    readonly input: string,
    readonly kind: InputErrorKind,
    /** The cause, without the input: "file is empty", "HTTP 404 Not Found". */
    readonly reason: string,
    options?: { cause?: unknown; retryAfter?: string | null },
  ) {
    super(`${input}: ${reason}`.replace(/\s*\n\s*/g, ' '), options?.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfter = options?.retryAfter ?? null;
  }

  /** An HTTP error's Retry-After header (429, 503), as sent. */
  readonly retryAfter: string | null;
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
