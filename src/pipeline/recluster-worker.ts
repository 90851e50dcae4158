/**
 * The recluster as a worker thread (src/pipeline/background.ts): opens the store file itself, recomputes families
 * and stories, publishes the editions of the stories that changed, and answers with the totals.
 */
import { parentPort } from 'node:worker_threads';
import { Store } from '../store/index.js';
import { clusterStore, type ClusterTotals } from './cluster.js';
import { publishEditions } from './editions.js';

export interface ReclusterJob {
  db: string;
}

export type ReclusterReply = { ok: true; cluster: ClusterTotals; editions: number } | { ok: false; error: string };

parentPort?.on('message', (job: ReclusterJob) => {
  let reply: ReclusterReply;
  try {
    const store = Store.open(job.db);
    try {
      const cluster = clusterStore(store);
      const editions = publishEditions(store).published.length;
      reply = { ok: true, cluster, editions };
    } finally {
      store.close();
    }
  } catch (e) {
    reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
