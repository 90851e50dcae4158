import { extractRaw } from '../extract/index.js';
import type { Store } from '../store/index.js';

export interface ReprocessTotals {
  rebuilt: number;
  failed: { id: number; error: string }[];
}

/** Rows written per transaction: large enough to amortise commits, small enough to keep progress live. */
const BATCH = 200;

/**
 * Rebuilds every article from its stored raw record with the current extractor. Raw records are
 * only read. A record that fails to extract keeps its previous article and is reported.
 */
export function reprocessArticles(store: Store, onProgress?: (done: number, total: number) => void): ReprocessTotals {
  const ids = store.raw.articleSourceIds();
  const totals: ReprocessTotals = { rebuilt: 0, failed: [] };
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    store.db.transaction(() => {
      for (const id of batch) {
        const raw = store.raw.get(id);
        if (!raw) continue;
        try {
          store.articles.save(id, extractRaw(raw));
          totals.rebuilt++;
        } catch (e) {
          totals.failed.push({ id, error: `raw record ${id} (${raw.origin.locator}): ${e instanceof Error ? e.message : String(e)}` });
        }
      }
    })();
    onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  return totals;
}
