/**
 * Families on our own demo corpus (examples/corpus, written by us): expectations in examples/expected.json
 * (`families`, `family_root`, `near_duplicates`). Ingest-free: each file goes through extractRaw directly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRaw } from '../extract/index.js';
import { articleText } from '../extract/types.js';
import { RECORD_MEDIA_TYPE } from '../ingest/types.js';
import { findFamilies, type FamilyInput } from './index.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = join(REPO, 'examples/corpus');

interface Expected {
  families: string[][];
  family_root: string;
  near_duplicates: string[][];
  documents: Record<string, unknown>;
}
const expected = JSON.parse(readFileSync(join(REPO, 'examples/expected.json'), 'utf8')) as Expected;

function toInput(id: string, raw: Parameters<typeof extractRaw>[0]): FamilyInput {
  const a = extractRaw(raw);
  return { id, text: articleText(a), title: a.title, published: a.published, publisher: a.publisher };
}

function loadCorpus(): FamilyInput[] {
  const out: FamilyInput[] = [];
  for (const f of readdirSync(CORPUS).sort()) {
    const bytes = readFileSync(join(CORPUS, f));
    if (f.endsWith('.jsonl')) {
      bytes
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim())
        .forEach((line, i) => {
          out.push(toInput(`${f}#${i + 1}`, { bytes: Buffer.from(line, 'utf8'), mediaType: RECORD_MEDIA_TYPE, charset: null, url: null, hints: {} }));
        });
    } else {
      const mediaType = /\.html?$/.test(f) ? 'text/html' : 'text/plain';
      out.push(toInput(f, { bytes, mediaType, charset: null, url: null, hints: {} }));
    }
  }
  return out;
}

describe('families on examples/corpus', () => {
  const docs = loadCorpus();
  const fams = findFamilies(docs);

  it('reads every expected document', () => {
    expect(docs.map((d) => d.id).sort()).toEqual(Object.keys(expected.documents).sort());
  });

  it('finds exactly the expected families; everything else stands alone', () => {
    const multi = fams.filter((f) => f.members.length > 1).map((f) => f.members.map((m) => m.id).sort());
    expect(multi).toEqual(expected.families.map((f) => [...f].sort()));
    expect(fams.reduce((n, f) => n + f.members.length, 0)).toBe(docs.length);
  });

  it('the wire copy is the canonical member', () => {
    const f = fams.find((x) => x.members.length > 1)!;
    expect(f.canonical).toBe(expected.family_root);
  });

  it('near-duplicates resemble each other fully; edits and trims show as adds and drops', () => {
    for (const [x, y] of expected.near_duplicates) {
      const f = fams.find((ff) => ff.members.some((m) => m.id === x))!;
      const mx = f.members.find((m) => m.id === x)!;
      const my = f.members.find((m) => m.id === y)!;
      expect(my).toBeDefined();
      expect(mx.similarity).toBeCloseTo(my.similarity, 6);
      expect(mx.adds.map((a) => a.text)).toEqual(my.adds.map((a) => a.text));
    }
    const f = fams.find((x) => x.members.length > 1)!;
    const a = f.members.find((m) => m.id === 'outlet-a-syndicated.html')!;
    // Outlet A added a Calderbridge paragraph and trimmed the rainfall paragraph (expected.json `role`).
    expect(a.adds.map((s) => s.text).join(' ')).toMatch(/^In Calderbridge, 14 miles downstream/);
    expect(a.drops.map((s) => s.text)).toEqual([expect.stringMatching(/^Rainfall across the valley/)]);
    const rec = f.members.find((m) => m.id === 'records.jsonl#1')!;
    expect(rec.adds).toEqual([]);
    expect(rec.drops.length).toBeGreaterThan(0);
  });
});
