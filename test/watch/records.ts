/** For tests: the invented pages of story.ts ingested as JSON records, cycle by cycle, without a server. */
import { jsonRecords } from '../../src/ingest/records.js';
import { clusterStore } from '../../src/pipeline/cluster.js';
import { publishEditions, type EditionTotals } from '../../src/pipeline/editions.js';
import { ingestEvents } from '../../src/pipeline/ingest.js';
import type { Store } from '../../src/store/index.js';
import { CYCLES, pageHtml, pagesAt } from './story.js';

/** Ingests what the feeds list at `cycle`, reclusters, and publishes the editions (dated by the scripted clock). */
export async function ingestCycle(store: Store, cycle: number): Promise<EditionTotals> {
  const records = pagesAt(cycle).map((p) => ({ url: `http://news.test${p.path}`, html: pageHtml(p), published: p.published }));
  const at = CYCLES[cycle]!;
  const source = { input: `cycle${cycle}`, via: 'record' as const, locator: `cycle${cycle}`, url: null, charset: 'utf-8', mediaType: 'application/json', name: null, fetchedAt: at };
  const totals = await ingestEvents(store, jsonRecords(Buffer.from(JSON.stringify(records)), source));
  if (totals.failed) throw new Error(`cycle ${cycle}: ${totals.failed} records failed`);
  clusterStore(store);
  return publishEditions(store, { now: () => new Date(at) });
}
