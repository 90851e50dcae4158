/**
 * `npm run bench:serve`: throughput and latency of the reader web server (`roundup serve`) under load, beside the
 * floor a Node server can reach: a bare `node:http` server that answers the very same bytes from memory.
 *
 * Both servers run as child processes (ours: `node dist/src/cli/main.js serve`; the peer: this script with
 * `--peer-child`), so the load generator (autocannon, in this process) shares no event loop with either. The store
 * is the bundled example corpus (examples/corpus, invented news) ingested and clustered into a temporary file, or
 * `--db FILE`. Routes: the front page `/`, the first story's page (its `a.story-link`) and `/api/stories`. Each
 * route is driven for `--duration` seconds with `--connections` concurrent connections, ours and the peer in turn,
 * after a short warm-up; with `--runs N` the figures are the medians of N runs. Reports requests/s (total
 * requests ÷ seconds), mean and p99 latency, errors and non-2xx answers per route, our/peer ratios, and each
 * server's peak RSS (Linux). `--json` prints one JSON object instead of the table.
 *
 * Usage: node dist/bench/serve.js [--db FILE] [--duration S] [--connections N] [--runs N] [--warmup S] [--json]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const repoRoot = resolve(dirname(here), '..', '..');
const cli = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const HOST = '127.0.0.1';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
function numberArg(name: string, fallback: number, min: number): number {
  const v = Number(arg(name, String(fallback)));
  if (!Number.isFinite(v) || v < min) {
    console.error(`bench:serve: --${name} must be a number ≥ ${min}`);
    process.exit(2);
  }
  return v;
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// ---------- the peer: a bare node:http server answering recorded bytes ----------

interface Recorded {
  path: string;
  status: number;
  contentType: string;
  body: string; // base64
}

function peerChild(file: string, port: number): void {
  const routes = new Map((JSON.parse(readFileSync(file, 'utf8')) as Recorded[]).map((r) => [r.path, { ...r, bytes: Buffer.from(r.body, 'base64') }]));
  const server = createServer((req, res) => {
    const r = routes.get(req.url ?? '');
    if (!r) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(r.status, { 'content-type': r.contentType, 'content-length': r.bytes.length });
    res.end(r.bytes);
  });
  server.listen(port, HOST, () => process.stdout.write('ready\n'));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

// ---------- helpers for the parent ----------

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createNetServer();
    s.once('error', rej);
    s.listen(0, HOST, () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => res(port));
    });
  });
}

interface Child {
  name: string;
  proc: ChildProcess;
  base: string;
  stderr: () => string;
}

/** Starts a server process and waits (at most 60 s) until `probe` answers 200. */
async function startChild(name: string, args: string[], port: number, probe: string): Promise<Child> {
  const proc = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  let err = '';
  proc.stdout!.resume();
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-4000)));
  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${name} exited with code ${proc.exitCode} before answering: ${err.trim().split('\n').slice(-3).join(' ')}`);
    try {
      const r = await fetch(base + probe);
      await r.arrayBuffer();
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`${name} did not answer ${probe} within 60 s: ${err.trim().split('\n').slice(-3).join(' ')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { name, proc, base, stderr: () => err };
}

/** Peak resident memory of a live process in MB (Linux /proc), or null elsewhere. */
function peakRssMB(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function stop(c: Child): Promise<void> {
  return new Promise((res) => {
    if (c.proc.exitCode !== null) return res();
    const kill = setTimeout(() => c.proc.kill('SIGKILL'), 5000);
    c.proc.once('exit', () => {
      clearTimeout(kill);
      res();
    });
    c.proc.kill('SIGTERM');
  });
}

async function buildExampleStore(file: string): Promise<void> {
  const { Store } = await import('../src/store/index.js');
  const { ingestInto } = await import('../src/pipeline/ingest.js');
  const { clusterStore } = await import('../src/pipeline/cluster.js');
  const store = Store.open(file);
  try {
    const totals = await ingestInto(store, [join(repoRoot, 'examples', 'corpus')]);
    if (totals.failed > 0 || totals.stored === 0) throw new Error(`bench:serve: building the example store failed (${JSON.stringify(totals)})`);
    clusterStore(store);
  } finally {
    store.close();
  }
}

interface Figures {
  reqPerSec: number;
  meanMs: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
}

async function load(url: string, connections: number, seconds: number): Promise<Figures> {
  // Imported here, not at the top, so the peer child (this same file) loads nothing but node:http.
  const { default: autocannon } = await import('autocannon');
  const r = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return { reqPerSec: r.requests.total / r.duration, meanMs: r.latency.mean, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx, requests: r.requests.total };
}

const mid = (runs: Figures[]): Figures => ({
  reqPerSec: median(runs.map((f) => f.reqPerSec)),
  meanMs: median(runs.map((f) => f.meanMs)),
  p99Ms: median(runs.map((f) => f.p99Ms)),
  errors: runs.reduce((a, f) => a + f.errors, 0),
  non2xx: runs.reduce((a, f) => a + f.non2xx, 0),
  requests: runs.reduce((a, f) => a + f.requests, 0),
});

async function main(): Promise<void> {
  const duration = numberArg('duration', 10, 1);
  const connections = numberArg('connections', 10, 1);
  const runs = numberArg('runs', 1, 1);
  const warmup = numberArg('warmup', 1, 0);
  const json = process.argv.includes('--json');
  if (!existsSync(cli)) {
    console.error(`bench:serve: ${cli} is missing; run \`npm run build\` first (npm run bench:serve does)`);
    process.exit(1);
  }

  const tmp = mkdtempSync(join(tmpdir(), 'roundup-bench-serve-'));
  const children: Child[] = [];
  try {
    const dbArg = arg('db', '');
    const db = dbArg ? resolve(dbArg) : join(tmp, 'examples.db');
    if (dbArg && !existsSync(db)) throw new Error(`bench:serve: --db ${db} does not exist`);
    if (!dbArg) await buildExampleStore(db);

    const oursPort = await freePort();
    const ours = await startChild('roundup serve', [cli, 'serve', '--db', db, '--port', String(oursPort), '--host', HOST], oursPort, '/');
    children.push(ours);

    // The routes, and the exact bytes ours answers on each (what the peer will serve).
    const front = await fetch(ours.base + '/').then((r) => r.text());
    const { parseHTML } = await import('linkedom');
    const storyHref = parseHTML(front).document.querySelector('a.story-link')?.getAttribute('href');
    if (!storyHref) throw new Error('bench:serve: the front page has no a.story-link (is the store empty?)');
    const routes = [
      { name: 'front page', path: '/' },
      { name: 'story page', path: new URL(storyHref, ours.base).pathname },
      { name: 'api stories', path: '/api/stories' },
    ];
    const recorded: Recorded[] = [];
    for (const r of routes) {
      const res = await fetch(ours.base + r.path);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`bench:serve: GET ${r.path} answered ${res.status}`);
      recorded.push({ path: r.path, status: res.status, contentType: res.headers.get('content-type') ?? 'application/octet-stream', body: body.toString('base64') });
    }
    const peerFile = join(tmp, 'peer-routes.json');
    writeFileSync(peerFile, JSON.stringify(recorded));
    const peerPort = await freePort();
    const peer = await startChild('node:http', [here, '--peer-child', peerFile, '--port', String(peerPort)], peerPort, '/');
    children.push(peer);

    if (!json) console.error(`bench:serve: ${routes.length} routes × 2 servers × ${runs} run(s) × ${duration} s, ${connections} connections (+${warmup} s warm-up each)…`);
    const samples = routes.map(() => ({ ours: [] as Figures[], peer: [] as Figures[] }));
    for (let run = 0; run < runs; run++) {
      for (const [i, r] of routes.entries()) {
        for (const [key, c] of [['ours', ours], ['peer', peer]] as const) {
          if (warmup > 0) await load(c.base + r.path, connections, warmup);
          samples[i]![key].push(await load(c.base + r.path, connections, duration));
        }
      }
    }
    const memory = { ours: peakRssMB(ours.proc.pid), peer: peakRssMB(peer.proc.pid) };
    const results = routes.map((r, i) => {
      const o = mid(samples[i]!.ours);
      const p = mid(samples[i]!.peer);
      return {
        route: r.name,
        path: r.path,
        bytes: Buffer.from(recorded[i]!.body, 'base64').length,
        ours: o,
        peer: p,
        ratio: { reqPerSec: o.reqPerSec / p.reqPerSec, meanMs: o.meanMs / p.meanMs, p99Ms: o.p99Ms / p.p99Ms },
      };
    });
    const report = { store: dbArg ? db : 'examples/corpus (built at run time)', duration, connections, runs, warmup, peakRssMB: memory, routes: results };

    if (json) {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    const fx = (n: number, d = 0): string => n.toFixed(d);
    console.log(`store: ${report.store}; ${connections} connections, ${duration} s per route and server, ${runs === 1 ? 'one run' : `median of ${runs} runs`}`);
    console.log('peer: bare node:http answering the same bytes from memory, in its own process\n');
    console.log('route        path                 server        req/s   mean ms    p99 ms   errors  non-2xx     bytes');
    for (const r of results) {
      for (const [label, f] of [['roundup', r.ours], ['node:http', r.peer]] as const) {
        console.log(
          `${r.route.padEnd(12)} ${r.path.padEnd(20)} ${label.padEnd(10)} ${fx(f.reqPerSec).padStart(8)} ${fx(f.meanMs, 2).padStart(9)} ${fx(f.p99Ms, 0).padStart(9)} ${String(f.errors).padStart(8)} ${String(f.non2xx).padStart(8)} ${String(r.bytes).padStart(9)}`,
        );
      }
      console.log(`${''.padEnd(12)} ${''.padEnd(20)} ${'ours/peer'.padEnd(10)} ${fx(r.ratio.reqPerSec, 2).padStart(8)} ${fx(r.ratio.meanMs, 2).padStart(9)} ${fx(r.ratio.p99Ms, 2).padStart(9)}`);
    }
    const mb = (n: number | null): string => (n === null ? 'n/a' : `${fx(n)} MB`);
    console.log(`\npeak RSS: roundup ${mb(memory.ours)}, node:http ${mb(memory.peer)}`);
  } finally {
    for (const c of children) await stop(c);
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv.includes('--peer-child')) {
  peerChild(arg('peer-child', ''), numberArg('port', 0, 0));
} else {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
