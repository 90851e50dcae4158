/**
 * `roundup write --writer llm` and `roundup show s<N> --composite --writer llm` against a scripted OpenAI-compatible
 * server on 127.0.0.1, on our invented corpus (examples/corpus). The scripted model rewrites every fact: some
 * faithfully (reordered), some not (an invented number); the CLI must publish the first and fall back on the second.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composite } from '../../src/compose/index.js';
import { jsonLines, repoRoot, runCli, runCliAsync } from './helpers.js';

let server: Server;
let base = '';
let fail = false;
const auth: (string | undefined)[] = [];
const dir = mkdtempSync(join(tmpdir(), 'roundup-write-llm-'));

/** Faithful: "X said Y." → "Y, X said." (only for sentences without quotes or numbers); unfaithful: every number + 1. */
function draft(text: string): string {
  const m = /^([A-Z][\w' -]{2,60}?) said (?:that )?([^"“”]+)\.$/.exec(text);
  if (/\d/.test(text)) return text.replace(/\d+/, (n) => String(Number(n) + 1));
  if (m) return `${m[2]![0]!.toUpperCase()}${m[2]!.slice(1)}, ${m[1]} said.`;
  return text;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      auth.push(req.headers.authorization);
      if (fail) {
        res.writeHead(503).end('busy');
        return;
      }
      const body = JSON.parse(raw) as { messages: { role: string; content: string }[] };
      const { facts } = JSON.parse(body.messages.find((m) => m.role === 'user')!.content) as { facts: { id: string; text: string }[] };
      const content = JSON.stringify({ sentences: facts.map((f) => ({ fact: f.id, text: draft(f.text) })) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const corpus = join(repoRoot, 'examples', 'corpus');
const sentencesOf = (c: Composite): string[] => [...c.lede, ...c.sections.flatMap((s) => s.paragraphs.flat())].map((s) => s.text);

describe('roundup write --writer llm (scripted server)', () => {
  it('publishes faithful model sentences, falls back on unfaithful ones, and records both', async () => {
    const r = await runCliAsync(['write', corpus, '--format', 'json', '--writer', 'llm', '--llm-url', base, '--llm-model', 'scripted'], { env: { ROUNDUP_LLM_KEY: 'k-123' } });
    expect(r.code, r.stderr).toBe(0);
    const plain = jsonLines<Composite>(runCli(['write', corpus, '--format', 'json']).stdout);
    const out = jsonLines<Composite>(r.stdout);
    expect(out.length).toBe(plain.length);
    expect(auth.every((a) => a === 'Bearer k-123')).toBe(true);
    let kept = 0;
    let refused = 0;
    out.forEach((c, k) => {
      const ext = sentencesOf(plain[k]!);
      const got = sentencesOf(c);
      const w = c.provenance.writer!;
      expect(w.kind).toBe('llm');
      expect(JSON.stringify(w)).not.toContain('k-123');
      ext.forEach((e, i) => {
        const d = draft(e);
        if (/\d/.test(e)) {
          expect(got[i]).toBe(e);
          expect(w.fallbacks!.some((f) => f.extractive === e && f.model === d)).toBe(true);
          refused++;
        } else if (got[i] === d && d !== e) kept++;
      });
    });
    expect(kept).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('a failing endpoint leaves the extractive article, with a warning on stderr and exit 0', async () => {
    fail = true;
    try {
      const r = await runCliAsync(['write', corpus, '--writer', 'llm', '--llm-url', base, '--llm-model', 'scripted']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/HTTP 503.*extractive article stands/);
      expect(r.stdout).toBe(runCli(['write', corpus]).stdout);
    } finally {
      fail = false;
    }
  });

  it('show s<N> --composite --writer llm on a store; bad flags are errors', async () => {
    const db = join(dir, 'x.db');
    expect(runCli(['ingest', corpus, '--db', db]).code).toBe(0);
    const story = jsonLines<{ id: string; articles: number }>(runCli(['stories', '--json', '--db', db]).stdout).sort((a, b) => b.articles - a.articles)[0]!;
    const r = await runCliAsync(['show', story.id, '--composite', '--format', 'json', '--writer', 'llm', '--llm-url', base, '--llm-model', 'scripted', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as Composite;
    expect(c.provenance.writer!.kind).toBe('llm');
    expect(sentencesOf(c).some((s) => /\d/.test(s))).toBe(true);
    const noUrl = runCli(['write', corpus, '--writer', 'llm', '--llm-model', 'x'], { env: { ROUNDUP_LLM_URL: '' } });
    expect(noUrl.code).not.toBe(0);
    expect(noUrl.stderr).toMatch(/--llm-url/);
    const bad = runCli(['write', corpus, '--writer', 'poet']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/unknown --writer poet/);
  });
});
