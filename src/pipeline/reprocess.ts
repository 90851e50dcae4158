import type { ExtractBudget } from '../extract/budget.js';
import type { ExtractedArticle } from '../extract/index.js';
import { sandboxFor } from '../extract/sandbox.js';
import type { Store } from '../store/index.js';

export interface ReprocessTotals {
  rebuilt: number;
  failed: { id: number; error: string }[];
}

/** Rows written per transaction: large enough to amortise commits, small enough to keep progress live. */
const BATCH = 200;

/**
 * Rebuilds every article from its stored raw record with the current extractor. Raw records are
 * only read. A record that fails to extract (or is over the extraction budget) keeps its previous
 * article and is reported.
 */
export async function reprocessArticles(store: Store, onProgress?: (done: number, total: number) => void, budget: Partial<ExtractBudget> = {}): Promise<ReprocessTotals> {
  const sandbox = sandboxFor(budget);
  const ids = store.raw.articleSourceIds();
  const totals: ReprocessTotals = { rebuilt: 0, failed: [] };
  for (let i = 0; i < ids.length; i += BATCH) {
    const rebuilt: Array<[number, ExtractedArticle]> = [];
    for (const id of ids.slice(i, i + BATCH)) {
      const raw = store.raw.get(id);
      if (!raw) continue;
      const name = `raw record ${id} (${raw.origin.locator})`;
      try {
        rebuilt.push([id, await sandbox.extract(raw, name)]);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        totals.failed.push({ id, error: message.startsWith(`${name}: `) ? message : `${name}: ${message}` });
      }
    }
    store.db.transaction(() => {
      for (const [id, article] of rebuilt) store.articles.save(id, article);
    })();
    totals.rebuilt += rebuilt.length;
    onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  return totals;
}
