import type { Command } from 'commander';
import { isBudgetError } from '../../extract/budget.js';
import { sandboxFor } from '../../extract/sandbox.js';
import { collect } from '../../ingest/index.js';
import { budgetOptions, collectOptions, fetchOptionFlags, type FetchFlags } from '../options.js';
import { EXIT, extractJson, renderArticle, writeJsonLine } from '../output.js';
import { Progress } from '../progress.js';

export function registerExtract(program: Command): void {
  const cmd = program
    .command('extract')
    .description('clean inputs down to their articles and print them; stores nothing')
    .argument('<inputs...>', 'paths, folders, http(s) URLs, feeds, or - for standard input')
    .option('--json', 'JSON Lines: one object per input {input, title, byline, publisher, via, published, language, text, paragraphs, captions, removed, ...}');
  fetchOptionFlags(cmd);
  cmd.action(async (inputs: string[], opts: FetchFlags & { json?: boolean }) => {
    const tty = Boolean(process.stdout.isTTY);
    const progress = new Progress('extract', process.stderr, Boolean(opts.json) && Boolean(process.stderr.isTTY) && !process.env.CI);
    let failed = 0;
    let first = true;
    const sandbox = sandboxFor(budgetOptions(opts));
    for await (const event of collect(inputs, collectOptions(opts))) {
      if (event.type === 'planned') progress.plan(event.count);
      else if (event.type === 'container') progress.tick();
      else if (event.type === 'failure') {
        failed++;
        progress.tick(false);
        progress.log(`error: ${event.error.message}`);
      } else if (event.type === 'document') {
        let article;
        try {
          article = await sandbox.extract(event.raw, event.input);
        } catch (e) {
          failed++;
          progress.tick(false);
          progress.log(`error: ${isBudgetError(e) ? e.message : `${event.input}: extraction failed (${e instanceof Error ? e.message : String(e)})`}`);
          continue;
        }
        progress.tick();
        if (opts.json) writeJsonLine(extractJson(event.input, article));
        else {
          if (!first) process.stdout.write('\n' + '─'.repeat(60) + '\n\n');
          first = false;
          process.stdout.write(renderArticle(article, [`${'Input'.padEnd(10)} ${event.input}`], { tty }));
        }
      }
    }
    progress.finish();
    process.exitCode = failed > 0 ? EXIT.someFailed : EXIT.ok;
  });
}
