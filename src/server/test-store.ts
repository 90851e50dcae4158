/**
 * For the server's tests: the bundled example corpus (invented news) ingested and clustered into a temporary store,
 * with one invented earlier story eight months before (fixtures/gate-warning.json: the inspectors' warning about the gate), its own story in
 * the flood's storyline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterStore } from '../pipeline/cluster.js';
import { ingestInto } from '../pipeline/ingest.js';
import { Store } from '../store/index.js';

export interface TestStore {
  store: Store;
  dir: string;
  cleanup(): void;
}

export async function exampleStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'roundup-server-'));
  const store = Store.open(join(dir, 'roundup.db'));
  const totals = await ingestInto(store, [join(process.cwd(), 'examples', 'corpus'), join(process.cwd(), 'src', 'server', 'fixtures', 'gate-warning.json')]);
  if (totals.failed) throw new Error(`example corpus: ${totals.failed} inputs failed`);
  clusterStore(store);
  return {
    store,
    dir,
    cleanup: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
