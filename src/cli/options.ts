import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_BUDGET, type ExtractBudget } from '../extract/budget.js';
import type { CollectOptions } from '../ingest/types.js';
import { existsSync } from 'node:fs';
import { resolveDbPath, Store, StoreError } from '../store/index.js';

export interface DbFlag {
  db?: string;
}

export function dbOption(cmd: Command): Command {
  return cmd.option('--db <file>', 'SQLite store (default: $ROUNDUP_DB, else ./roundup.db)');
}

/**
 * `mustExist`: for the commands that only read the store (`articles`, `stories`, `show`): a missing file is a named
 * error, not a new empty store (a mistyped `--db` would otherwise answer "no stories yet" and leave a file behind).
 */
export function openStore(opts: DbFlag, options: { readonly?: boolean; mustExist?: boolean } = {}): Store {
  const path = resolveDbPath(opts.db);
  if (options.mustExist && !existsSync(path)) {
    throw new StoreError(`${path}: no such store (this command only reads; create one with \`roundup ingest <path|url> --db ${path}\`, or pass --db / $ROUNDUP_DB)`);
  }
  return Store.open(path, { readonly: options.readonly });
}

export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive whole number, got "${value}"`);
    return n;
  };
}

export interface FetchFlags extends BudgetFlags {
  timeout?: number;
  maxBytes?: number;
  concurrency?: number;
  maxEntries?: number;
}

/** The fetch limits, and the extraction budget every command that reads inputs also takes. */
export function fetchOptionFlags(cmd: Command): Command {
  budgetOptionFlags(cmd);
  return cmd
    .option('--timeout <ms>', 'time limit per HTTP request, ms (default 15000)', positiveInt('--timeout'))
    .option('--max-bytes <n>', 'largest page or file accepted, bytes (default 10 MiB for pages, 20 MiB for files)', positiveInt('--max-bytes'))
    .option('--concurrency <n>', 'feed entry pages fetched at once (default 4)', positiveInt('--concurrency'))
    .option('--max-entries <n>', 'entries read from one feed, the first in feed order (default 1000)', positiveInt('--max-entries'));
}

export function collectOptions(flags: FetchFlags): CollectOptions {
  const options: CollectOptions = { fetch: {} };
  if (flags.timeout) options.fetch!.timeoutMs = flags.timeout;
  if (flags.maxBytes) {
    options.fetch!.maxBytes = flags.maxBytes;
    options.maxFileBytes = flags.maxBytes;
  }
  if (flags.concurrency) options.concurrency = flags.concurrency;
  if (flags.maxEntries) options.maxEntries = flags.maxEntries;
  return options;
}

export interface BudgetFlags {
  maxDepth?: number;
  maxNodes?: number;
  maxChars?: number;
  extractTimeout?: number;
  extractMemory?: number;
}

/** The per-document extraction budget (extract/budget.ts); a document over it fails by name and the batch goes on. */
export function budgetOptionFlags(cmd: Command): Command {
  const d = DEFAULT_BUDGET;
  return cmd
    .option('--max-depth <n>', `deepest element nesting extracted (default ${d.maxDepth})`, positiveInt('--max-depth'))
    .option('--max-nodes <n>', `most elements in one page (default ${d.maxNodes})`, positiveInt('--max-nodes'))
    .option('--max-chars <n>', `longest decoded document, characters (default ${d.maxChars})`, positiveInt('--max-chars'))
    .option('--extract-timeout <ms>', `wall time for one document's extraction, ms (default ${d.timeoutMs})`, positiveInt('--extract-timeout'))
    .option('--extract-memory <mb>', `heap for the extraction worker, MB (default ${d.memoryMb})`, positiveInt('--extract-memory'));
}

export function budgetOptions(flags: BudgetFlags): Partial<ExtractBudget> {
  return { maxDepth: flags.maxDepth, maxNodes: flags.maxNodes, maxChars: flags.maxChars, timeoutMs: flags.extractTimeout, memoryMb: flags.extractMemory };
}
