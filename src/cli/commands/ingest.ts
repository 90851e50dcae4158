import type { Command } from 'commander';
import { clusterStore, clusterSummary } from '../../pipeline/cluster.js';
import { publishEditions } from '../../pipeline/editions.js';
import { ingestInto } from '../../pipeline/ingest.js';
import { budgetOptions, collectOptions, dbOption, fetchOptionFlags, openStore, type DbFlag, type FetchFlags } from '../options.js';
import { EXIT, writeJsonLine } from '../output.js';
import { Progress } from '../progress.js';

export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('store pages, text scrapes, JSON records, feeds, OPML lists and folders; extract their articles')
    .argument('<inputs...>', 'paths, folders, http(s) URLs, feeds, OPML files, or - for standard input')
    .option('--json', 'one JSON line per input handled, on stdout')
    .option('--editions', 'also publish the next edition of every story that changed (as `roundup watch` does after each cycle)');
  dbOption(cmd);
  fetchOptionFlags(cmd);
  cmd.action(async (inputs: string[], opts: DbFlag & FetchFlags & { json?: boolean; editions?: boolean }) => {
    const store = openStore(opts);
    const progress = new Progress('ingest');
    try {
      const totals = await ingestInto(store, inputs, collectOptions(opts), {
        onPlanned: (n) => progress.plan(n),
        onOutcome: (o) => {
          progress.tick(o.status !== 'failed');
          if (opts.json) writeJsonLine(o);
          if (o.status === 'failed') progress.log(`error: ${o.error}`);
          else if (!opts.json && 'warnings' in o) for (const w of o.warnings) progress.log(`warning: ${o.input}: ${w}`);
        },
      }, budgetOptions(opts));
      progress.finish();
      const summary = `ingest: ${totals.stored} stored, ${totals.unchanged} unchanged, ${totals.failed} failed` + (totals.expanded ? `, ${totals.expanded} feeds/lists expanded` : '');
      const clustered = clusterSummary(clusterStore(store));
      const editions = opts.editions ? publishEditions(store) : null;
      const published = editions ? `\neditions: ${editions.published.length} published (${editions.composed} of ${editions.stories} stories composed again)` : '';
      if (opts.json) process.stderr.write(summary + '\n' + clustered + published + '\n');
      else process.stdout.write(summary + '\n' + clustered + published + '\n');
      process.exitCode = totals.failed > 0 ? EXIT.someFailed : EXIT.ok;
    } finally {
      store.close();
    }
  });
}

