import { Option, type Command } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../../ingest/errors.js';
import { resolveArgument, type WatchedFeed } from '../../watch/feeds.js';
import { runCycle, type WatchEvent } from '../../watch/cycle.js';
import { parseDuration } from '../../watch/duration.js';
import { DEFAULT_DELAY_MS, HostGate } from '../../watch/hosts.js';
import type { RobotsRules } from '../../watch/robots.js';
import { WatchStore } from '../../store/watch.js';
import { budgetOptions, collectOptions, dbOption, fetchOptionFlags, openStore, type DbFlag, type FetchFlags } from '../options.js';
import { EXIT, writeJsonLine } from '../output.js';

interface WatchFlags extends DbFlag, FetchFlags {
  every: string;
  once?: boolean;
  allowPrivate?: boolean;
  log?: string;
  hostDelay?: string;
  now?: string;
}

/** One line for a person (a terminal's status line, or a plain log when piped without --log json). */
function describe(e: WatchEvent): string {
  switch (e.event) {
    case 'feed':
      return e.status === 'fetched' ? `${e.feed}: ${e.entries ?? 0} new entries; next at ${e.nextAt}` : e.status === 'not-modified' ? `${e.feed}: not modified; next at ${e.nextAt}` : `${e.feed}: not due until ${e.nextAt}`;
    case 'feed-failed':
      return `${e.failing ? 'failing' : 'error'}: ${e.error} (${e.failures} in a row; next try at ${e.nextAt})`;
    case 'entry':
      return e.status === 'failed' ? `error: ${e.error ?? e.input}` : `${e.status}: ${e.input}`;
    case 'cluster':
      return `cluster (${e.mode}): ${e.articles} articles, ${e.stories} stories in ${e.ms} ms`;
    case 'edition':
      return `edition ${e.n} of ${e.story} (${e.headline}): ${e.summary}`;
    case 'stopped':
      return 'stopped: the current item was finished and committed';
  }
}

export function registerWatch(program: Command): void {
  const cmd = program
    .command('watch')
    .description('follow feeds: fetch each on its own schedule, ingest new entries, recluster, and publish the editions of the stories that changed')
    .argument('<feeds...>', 'feed URLs, OPML lists (files or URLs) and local feed files')
    .option('--every <duration>', 'shortest interval between two fetches of one feed (30s, 5m, 1h...)', '5m')
    .option('--once', 'run one cycle and exit (for cron and tests); exit 2 when a feed failed')
    .option('--allow-private', "follow feed links to loopback, private and link-local addresses (off: only a feed given on such an address may link to its own host)")
    .option('--log <format>', 'json: one JSON line per event on stdout')
    .option('--host-delay <ms>', `least time between two requests to one host, ms (default ${DEFAULT_DELAY_MS})`)
    .addOption(new Option('--now <iso>', 'the clock, fixed (tests: a scripted clock)').hideHelp());
  dbOption(cmd);
  fetchOptionFlags(cmd);
  cmd.action(async (args: string[], opts: WatchFlags) => {
    const everyS = parseDuration(opts.every);
    if (opts.log !== undefined && opts.log !== 'json') throw new Error(`--log takes "json", got "${opts.log}"`);
    const delay = opts.hostDelay === undefined ? DEFAULT_DELAY_MS : Number(opts.hostDelay);
    if (!Number.isInteger(delay) || delay < 0) throw new Error(`--host-delay must be a whole number of milliseconds, got "${opts.hostDelay}"`);
    const fixed = opts.now === undefined ? null : new Date(opts.now);
    if (fixed && Number.isNaN(fixed.getTime())) throw new Error(`--now must be an ISO 8601 time, got "${opts.now}"`);
    const now = fixed ? () => fixed : () => new Date();
    const json = opts.log === 'json';
    const tty = !json && Boolean(process.stderr.isTTY);
    const status = (line: string): void => {
      if (tty) process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns || 100) - 1)}`);
    };
    const log = (e: WatchEvent): void => {
      if (json) writeJsonLine({ at: now().toISOString(), ...e });
      else if (tty) {
        // Failures and editions stay on screen; the rest is the status line.
        if (e.event === 'feed-failed' || e.event === 'edition' || (e.event === 'entry' && e.status === 'failed')) process.stderr.write(`\r\x1b[K${describe(e)}\n`);
        else status(describe(e));
      } else process.stdout.write(describe(e) + '\n');
    };

    const store = openStore(opts);
    let stop = false;
    const onSignal = (): void => {
      stop = true;
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const gate = new HostGate(2, delay);
    const robots = new Map<string, Promise<RobotsRules>>();
    const collect = collectOptions(opts);
    let anyFailed = false;
    try {
      for (;;) {
        const feeds: WatchedFeed[] = [];
        for (const a of args) {
          try {
            feeds.push(...(await resolveArgument(a, collect.fetch)));
          } catch (e) {
            anyFailed = true;
            log({ event: 'feed-failed', feed: a, error: e instanceof Error ? e.message : String(e), kind: e instanceof InputError ? e.kind : 'unreadable', failures: 1, nextAt: now().toISOString(), failing: false });
          }
        }
        const unique = [...new Map(feeds.map((f) => [f.ref, f])).values()];
        const totals = await runCycle(store, unique, {
          everyS,
          allowPrivate: Boolean(opts.allowPrivate),
          fetch: collect.fetch ?? {},
          budget: budgetOptions(opts),
          gate,
          robots,
          now,
          concurrency: collect.concurrency ?? 4,
          log,
          stopping: () => stop,
        });
        if (totals.failed > 0) anyFailed = true;
        status(`watch: ${totals.feeds} feeds, ${totals.fetched} fetched, ${totals.notModified} not modified, ${totals.failed} failed; ${totals.stored} stored, ${totals.editions.length} editions`);
        if (opts.once || stop || totals.stopped) break;
        // Sleep until the next feed is due (at most --every), waking for a signal.
        const nextDue = new WatchStore(store.db).feeds().map((f) => Date.parse(f.nextAt ?? '')).filter(Number.isFinite);
        const until = Math.min(now().getTime() + everyS * 1000, ...nextDue);
        while (!stop && Date.now() < until) await sleep(Math.min(1000, Math.max(10, until - Date.now())));
        if (stop) break;
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (tty) process.stderr.write('\n');
      store.close();
    }
    process.exitCode = anyFailed && opts.once ? EXIT.someFailed : EXIT.ok;
  });
}
