/**
 * The extraction worker (node:worker_threads): runs extractRaw on one raw document at a time under the
 * size budget and posts the article back. Started and, when it overruns, ended by ./sandbox.ts.
 */
import { parentPort } from 'node:worker_threads';
import { isBudgetError, type ExtractBudget } from './budget.js';
import { extractRaw, type RawForExtraction } from './index.js';

export interface Job {
  id: number;
  raw: RawForExtraction;
  budget: ExtractBudget;
}

export type Reply =
  | { type: 'ready' }
  | { type: 'done'; id: number; article: ReturnType<typeof extractRaw> }
  | { type: 'failed'; id: number; budget: boolean; message: string };

const port = parentPort;
if (port) {
  port.on('message', (job: Job) => {
    let reply: Reply;
    try {
      reply = { type: 'done', id: job.id, article: extractRaw(job.raw, job.budget) };
    } catch (e) {
      reply = isBudgetError(e) ? { type: 'failed', id: job.id, budget: true, message: e.reason } : { type: 'failed', id: job.id, budget: false, message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies Reply);
}
