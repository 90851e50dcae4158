import { isBudgetError, type ExtractBudget } from '../extract/budget.js';
import { sandboxFor } from '../extract/sandbox.js';
import { collect } from '../ingest/index.js';
import type { CollectOptions, IngestEvent } from '../ingest/types.js';
import type { Store } from '../store/index.js';

/** What happened to one input (a file, a page, a feed entry, one JSON line). */
export type IngestOutcome =
  | { status: 'stored'; input: string; rawId: number; version: number; title: string | null; warnings: string[] }
  | { status: 'unchanged'; input: string; rawId: number; version: number; warnings: string[] }
  | { status: 'expanded'; input: string; rawId: number; created: boolean; entries: number }
  | { status: 'failed'; input: string; kind: string; error: string };

export interface IngestTotals {
  stored: number;
  unchanged: number;
  expanded: number;
  failed: number;
}

export interface IngestHooks {
  /** More inputs were discovered (for a progress bar's total). */
  onPlanned?(count: number): void;
  /** One input was handled. */
  onOutcome?(outcome: IngestOutcome): void;
}

/**
 * Ingests inputs into the store: every raw document is kept as received (deduplicated by content
 * hash, new bytes for a known page become its next version), and its article is extracted and saved.
 * Never throws for bad input: each failure is reported through `onOutcome` and the batch goes on.
 */
export async function ingestInto(store: Store, inputs: string[], options: CollectOptions = {}, hooks: IngestHooks = {}, budget: Partial<ExtractBudget> = {}): Promise<IngestTotals> {
  return ingestEvents(store, collect(inputs, options), hooks, budget);
}

/**
 * Stores already-collected ingest events (e.g. records posted to the reader's API), as ingestInto does.
 * Each document is extracted in the budgeted worker (extract/sandbox.ts): one over budget is a
 * `budget` failure naming it, its raw record kept, and the batch goes on.
 */
export async function ingestEvents(
  store: Store,
  events: AsyncIterable<IngestEvent> | Iterable<IngestEvent>,
  hooks: IngestHooks = {},
  budget: Partial<ExtractBudget> = {},
): Promise<IngestTotals> {
  const sandbox = sandboxFor(budget);
  const totals: IngestTotals = { stored: 0, unchanged: 0, expanded: 0, failed: 0 };
  const report = (o: IngestOutcome): void => {
    totals[o.status]++;
    hooks.onOutcome?.(o);
  };
  for await (const event of events) await handle(event);
  return totals;

  async function handle(event: IngestEvent): Promise<void> {
    switch (event.type) {
      case 'planned':
        hooks.onPlanned?.(event.count);
        return;
      case 'failure':
        report({ status: 'failed', input: event.input, kind: event.error.kind, error: event.error.message });
        return;
      case 'container': {
        const put = store.raw.put(event.raw);
        report({ status: 'expanded', input: event.input, rawId: put.id, created: put.created, entries: event.entries });
        return;
      }
      case 'document': {
        const put = store.raw.put(event.raw);
        if (!put.created && store.articles.has(put.id)) {
          report({ status: 'unchanged', input: event.input, rawId: put.id, version: put.version, warnings: event.warnings });
          return;
        }
        let title: string | null;
        try {
          const article = await sandbox.extract(event.raw, event.input);
          store.articles.save(put.id, article);
          title = article.title;
        } catch (e) {
          if (isBudgetError(e)) {
            report({ status: 'failed', input: event.input, kind: 'budget', error: `${e.message} (raw record kept)` });
            return;
          }
          // The raw record is kept; `roundup reprocess` can derive the article once extraction is fixed.
          report({ status: 'failed', input: event.input, kind: 'extract', error: `${event.input}: stored, but extraction failed (${e instanceof Error ? e.message : String(e)})` });
          return;
        }
        report({ status: 'stored', input: event.input, rawId: put.id, version: put.version, title, warnings: event.warnings });
        return;
      }
    }
  }
}
