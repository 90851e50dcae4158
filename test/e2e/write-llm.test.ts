/**
 * `roundup write --writer llm` and `roundup show s<N> --composite --writer llm` against a scripted OpenAI-compatible
 * server on 127.0.0.1, on our invented corpus (examples/corpus). The scripted model rewrites every fact: some
 * faithfully (reordered), some not (an invented number); the CLI must publish the first and fall back on the second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composite } from '../../src/compose/index.js';
import { rewordOrBumpFigure, startScriptedModel, type ScriptedModel } from '../helpers/scripted-model.js';
import { jsonLines, repoRoot, runCli, runCliAsync } from './helpers.js';

let model: ScriptedModel;
let base = '';
const dir = mkdtempSync(join(tmpdir(), 'roundup-write-llm-'));

beforeAll(async () => {
  model = await startScriptedModel(rewordOrBumpFigure);
  base = model.url;
});
afterAll(async () => {
  await model.close();
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
    expect(model.auth.every((a) => a === 'Bearer k-123')).toBe(true);
    let kept = 0;
    let refused = 0;
    out.forEach((c, k) => {
      const ext = sentencesOf(plain[k]!);
      const got = sentencesOf(c);
      const w = c.provenance.writer!;
      expect(w.kind).toBe('llm');
      expect(JSON.stringify(w)).not.toContain('k-123');
      ext.forEach((e, i) => {
        const d = rewordOrBumpFigure(e);
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
    model.fail = true;
    try {
      const r = await runCliAsync(['write', corpus, '--writer', 'llm', '--llm-url', base, '--llm-model', 'scripted']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/HTTP 503.*extractive article stands/);
      expect(r.stdout).toBe(runCli(['write', corpus]).stdout);
    } finally {
      model.fail = false;
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
