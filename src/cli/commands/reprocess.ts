import type { Command } from 'commander';
import { clusterStore, clusterSummary } from '../../pipeline/cluster.js';
import { reprocessArticles } from '../../pipeline/reprocess.js';
import { plural } from '../../plural.js';
import { budgetOptionFlags, budgetOptions, dbOption, openStore, type BudgetFlags, type DbFlag } from '../options.js';
import { EXIT } from '../output.js';
import { Progress } from '../progress.js';

export function registerReprocess(program: Command): void {
  const cmd = program.command('reprocess').description('rebuild every article from the stored raw records with the current extractor');
  dbOption(cmd);
  budgetOptionFlags(cmd);
  cmd.action(async (opts: DbFlag & BudgetFlags) => {
    const store = openStore(opts);
    const progress = new Progress('reprocess');
    try {
      const totals = await reprocessArticles(store, (done, total) => progress.set(done, total), budgetOptions(opts));
      progress.finish();
      for (const f of totals.failed) process.stderr.write(`error: ${f.error}\n`);
      process.stdout.write(`reprocess: ${plural(totals.rebuilt, 'article')} rebuilt from raw, ${totals.failed.length} failed\n`);
      process.stdout.write(clusterSummary(clusterStore(store)) + '\n');
      process.exitCode = totals.failed.length ? EXIT.someFailed : EXIT.ok;
    } finally {
      store.close();
    }
  });
}
