/**
 * Politeness per host: at most `perHost` requests in flight to one host, and at least `delayMs` between the starts
 * of two requests to it. Hosts are independent. The gate also keeps the highest concurrency it let through, per
 * host (for the status line and the tests).
 */
import { setTimeout as sleep } from 'node:timers/promises';

export const DEFAULT_PER_HOST = 2;
/** Between two requests to one host: a second, as most crawlers' politeness delay. */
export const DEFAULT_DELAY_MS = 1000;

interface HostState {
  running: number;
  waiting: (() => void)[];
  /** When the last request to this host started (ms, performance clock). */
  lastStart: number;
}

export class HostGate {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly perHost = DEFAULT_PER_HOST,
    private readonly delayMs = DEFAULT_DELAY_MS,
  ) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = { running: 0, waiting: [], lastStart: -Infinity }));
    return s;
  }

  /** Runs `fn` when `host` has a free slot and the delay since its last request has passed. */
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const s = this.state(host);
    while (s.running >= this.perHost) await new Promise<void>((resolve) => s.waiting.push(resolve));
    s.running++;
    try {
      // The slot is held while waiting out the delay, so starts are spaced however many callers queue.
      for (;;) {
        const wait = s.lastStart + this.delayMs - performance.now();
        if (wait <= 0) break;
        await sleep(wait);
      }
      s.lastStart = performance.now();
      return await fn();
    } finally {
      s.running--;
      s.waiting.shift()?.();
    }
  }
}
