#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerArticles } from './commands/articles.js';
import { registerAudit } from './commands/audit.js';
import { registerCluster } from './commands/cluster.js';
import { registerExtract } from './commands/extract.js';
import { registerIngest } from './commands/ingest.js';
import { registerReprocess } from './commands/reprocess.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { registerStories } from './commands/stories.js';
import { registerWatch } from './commands/watch.js';
import { registerWrite } from './commands/write.js';
import { EXIT } from './output.js';
import { commandOf, onClosedPipe } from './pipe.js';
import { VERSION } from '../version.js';

export function buildProgram(): Command {
  const program = new Command('roundup')
    .description('Many outlets\' coverage of the same news, turned into one clean story that cites its sources.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)');
  registerIngest(program);
  registerExtract(program);
  registerCluster(program);
  registerArticles(program);
  registerStories(program);
  registerShow(program);
  registerReprocess(program);
  registerAudit(program);
  registerWrite(program);
  registerServe(program);
  registerWatch(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.fatal;
    process.stderr.write(`roundup: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.fatal;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
}

onClosedPipe(process.stdout, commandOf(process.argv));
onClosedPipe(process.stderr, commandOf(process.argv));
const code = await main(process.argv);
process.exitCode = code;
