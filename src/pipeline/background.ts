/**
 * Reclustering off the request thread (`POST /api/ingest`): requests coalesce (one run at a time; a request during
 * a run makes one more run after it, however many came), and each run happens in a worker thread on its own
 * connection to the store file. A store in memory (tests) has no file to share: it is reclustered on this thread,
 * after the answer has gone (setImmediate).
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Store } from '../store/index.js';
import { clusterStore, type ClusterTotals } from './cluster.js';
import { publishEditions } from './editions.js';
import type { ReclusterJob, ReclusterReply } from './recluster-worker.js';

function workerPath(): string {
  const fromTs = import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(fromTs ? '../../dist/src/pipeline/recluster-worker.js' : './recluster-worker.js', import.meta.url));
}

export type ReclusterResult = { ok: true; cluster: ClusterTotals; editions: number } | { ok: false; error: string };

export class BackgroundRecluster {
  private running: Promise<void> | null = null;
  private pending = false;
  private worker: Worker | null = null;
  /** Runs requested so far (the answer of POST /api/ingest names the one that will include its records). */
  requested = 0;
  completed = 0;
  last: ReclusterResult | null = null;

  constructor(
    private readonly store: Store,
    /** Called after each run (the reader drops its cached composites). */
    private readonly onDone: (r: ReclusterResult) => void = () => undefined,
  ) {}

  /** Asks for a recluster; returns the number of the run that will include everything stored so far. */
  request(): number {
    this.requested++;
    if (this.running) this.pending = true;
    else this.running = this.loop();
    return this.requested;
  }

  /** Resolves when no run is in progress or pending. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.pending = false;
        const upTo = this.requested;
        this.last = await this.runOnce();
        this.completed = upTo;
        this.onDone(this.last);
      } while (this.pending);
    } finally {
      this.running = null;
    }
  }

  private runOnce(): Promise<ReclusterResult> {
    const file = this.store.db.name;
    if (file === ':memory:' || this.store.db.memory) {
      return new Promise((resolve) =>
        setImmediate(() => {
          try {
            const cluster = clusterStore(this.store);
            resolve({ ok: true, cluster, editions: publishEditions(this.store).published.length });
          } catch (e) {
            resolve({ ok: false, error: e instanceof Error ? e.message : String(e) });
          }
        }),
      );
    }
    if (!this.worker) {
      this.worker = new Worker(workerPath());
      this.worker.unref();
    }
    const worker = this.worker;
    return new Promise((resolve) => {
      const onMessage = (r: ReclusterReply): void => {
        worker.off('error', onError);
        resolve(r);
      };
      const onError = (e: Error): void => {
        worker.off('message', onMessage);
        this.worker = null;
        resolve({ ok: false, error: e.message });
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage({ db: file } satisfies ReclusterJob);
    });
  }

  async close(): Promise<void> {
    await this.idle();
    await this.worker?.terminate();
    this.worker = null;
  }
}
