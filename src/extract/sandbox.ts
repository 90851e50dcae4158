/**
 * Extraction under a budget, where it cannot be starved: each document is extracted in a worker
 * thread (./worker.ts) with a capped heap, and a worker that runs past the wall-time budget is
 * terminated (and a fresh one started for the next document). Size limits are checked inside the
 * worker before parsing (./budget.ts). A document over budget rejects with a BudgetError naming
 * the input; anything else extractRaw throws rejects with its message; the caller's batch goes on.
 *
 * Run from the TypeScript sources (the tests), the worker is the built one under dist/: `npm run build`
 * first (`npm test` does).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BudgetError, budgetOf, measureMarkup, type ExtractBudget } from './budget.js';
import type { ExtractedArticle, RawForExtraction } from './index.js';
import type { Job, Reply } from './worker.js';

function workerPath(): string {
  const fromTs = import.meta.url.endsWith('.ts');
  const path = fileURLToPath(new URL(fromTs ? '../../dist/src/extract/worker.js' : './worker.js', import.meta.url));
  if (!existsSync(path)) throw new Error(`the extraction worker ${path} is missing; run \`npm run build\``);
  return path;
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
const count = (n: number): string => n.toLocaleString('en-US');

/** What the document holds, for a timeout's message: its size, and for markup its nesting and elements (tags are ASCII, so latin1 reads them). */
function sizeOf(raw: RawForExtraction): string {
  const bytes = `${count(raw.bytes.length)} bytes`;
  if (!/html|xml|json/.test(raw.mediaType)) return bytes;
  const m = measureMarkup(Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.length).toString('latin1'));
  return `${bytes}, nesting depth ${count(m.depth)}, ${count(m.nodes)} elements`;
}

interface Running {
  worker: Worker;
  ready: Promise<void>;
}

export class ExtractSandbox {
  readonly budget: ExtractBudget;
  private running: Running | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(budget: Partial<ExtractBudget> = {}) {
    this.budget = budgetOf(budget);
  }

  /** Extracts one raw document; `input` names it in errors. Documents are extracted one at a time, in call order. */
  extract(raw: RawForExtraction, input: string): Promise<ExtractedArticle> {
    const job = this.queue.then(() => this.run(raw, input));
    this.queue = job.catch(() => undefined);
    return job;
  }

  /** Ends the worker (an idle one does not keep the process alive either). */
  async close(): Promise<void> {
    const r = this.running;
    this.running = null;
    if (r) await r.worker.terminate();
  }

  private start(): Running {
    const worker = new Worker(workerPath(), { resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb } });
    const ready = new Promise<void>((resolve, reject) => {
      const onReady = (m: Reply): void => {
        if (m.type !== 'ready') return;
        worker.off('message', onReady);
        resolve();
      };
      worker.on('message', onReady);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the extraction worker exited while starting (code ${code})`)));
    });
    ready.catch(() => undefined);
    return { worker, ready };
  }

  private async run(raw: RawForExtraction, input: string): Promise<ExtractedArticle> {
    const r = (this.running ??= this.start());
    r.worker.ref();
    try {
      await r.ready;
    } catch (e) {
      this.running = null;
      throw e;
    }
    const id = this.nextId++;
    const { timeoutMs, memoryMb } = this.budget;
    return new Promise<ExtractedArticle>((resolve, reject) => {
      const started = Date.now();
      const done = (): void => {
        clearTimeout(timer);
        r.worker.off('message', onMessage);
        r.worker.off('error', onError);
        r.worker.off('exit', onExit);
      };
      const lose = (): void => {
        if (this.running === r) this.running = null;
        void r.worker.terminate();
      };
      const onMessage = (m: Reply): void => {
        if (m.type === 'ready' || m.id !== id) return;
        done();
        r.worker.unref();
        if (m.type === 'done') resolve(m.article);
        else reject(m.budget ? new BudgetError(input, m.message) : new Error(m.message));
      };
      const onError = (e: Error & { code?: string }): void => {
        done();
        lose();
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new BudgetError(input, `extraction stopped after ${seconds(Date.now() - started)}: over the memory budget of ${memoryMb} MB (--extract-memory)`));
        else reject(new Error(`the extraction worker failed (${e.message})`));
      };
      const onExit = (code: number): void => {
        done();
        lose();
        reject(new Error(`the extraction worker exited (code ${code})`));
      };
      const timer = setTimeout(() => {
        done();
        lose();
        reject(new BudgetError(input, `extraction stopped after ${seconds(timeoutMs)}: over the time budget (--extract-timeout ${timeoutMs}; ${sizeOf(raw)})`));
      }, timeoutMs);
      r.worker.on('message', onMessage);
      r.worker.once('error', onError);
      r.worker.once('exit', onExit);
      const { bytes, mediaType, charset, url, hints } = raw;
      r.worker.postMessage({ id, raw: { bytes, mediaType, charset, url, hints }, budget: this.budget } satisfies Job);
    });
  }
}

const shared = new Map<string, ExtractSandbox>();

/** One sandbox per budget for the whole process (its idle worker does not hold the process open). */
export function sandboxFor(budget: Partial<ExtractBudget> = {}): ExtractSandbox {
  const full = budgetOf(budget);
  const key = JSON.stringify(full);
  let s = shared.get(key);
  if (!s) shared.set(key, (s = new ExtractSandbox(full)));
  return s;
}
