/** A token bucket per client address for the write endpoints: `capacity` requests at once, refilled steadily. */
export interface RateLimitOptions {
  /** Requests a client may make in a burst. */
  capacity: number;
  /** Tokens added back per minute. */
  perMinute: number;
  /** Clock, ms (for tests). */
  now: () => number;
}

const DEFAULTS: RateLimitOptions = { capacity: 20, perMinute: 30, now: () => Date.now() };
/** Buckets kept before full ones are forgotten (a full bucket is the same as no bucket). */
const MAX_BUCKETS = 10_000;

export class RateLimiter {
  private readonly o: RateLimitOptions;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(options: Partial<RateLimitOptions> = {}) {
    this.o = { ...DEFAULTS, ...options };
  }

  /** Takes one token for `client`: 0 when allowed, else the seconds to wait for the next token. */
  take(client: string): number {
    const now = this.o.now();
    const rate = this.o.perMinute / 60_000;
    const b = this.buckets.get(client) ?? { tokens: this.o.capacity, at: now };
    b.tokens = Math.min(this.o.capacity, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.set(client, b);
    if (this.buckets.size > MAX_BUCKETS) this.prune(now, rate);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return rate > 0 ? Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000)) : 3600;
  }

  private prune(now: number, rate: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * rate >= this.o.capacity) this.buckets.delete(k);
  }
}
