/**
 * `roundup audit` on the seed composite 001 against the other seed copies (../shared/seeds, read at run time; the
 * seed texts are third-party articles and never copied here). Needs the built CLI (`npm run build`; npm test does).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentWords } from '../../src/text/index.js';
import { jsonLines, missingShared, runCli, sharedPath } from './helpers.js';

describe('roundup audit --pairs (invented text)', () => {
  /** `roundup audit --pairs - --json` on these pairs: one output line per pair. */
  const auditPairs = <T>(pairs: { id: string; claim: string; sources: { id: string; text: string }[] }[]): T[] => {
    const r = runCli(['audit', '--pairs', '-', '--json'], { input: pairs.map((l) => JSON.stringify(l)).join('\n') });
    expect(r.code, r.stderr).toBe(0);
    return jsonLines<T>(r.stdout);
  };

  it('does not support a name cut from an organisation: "said France" against "said Air France" (issue 19)', () => {
    const sources = [{ id: 's1', text: 'Marie Dubois said Air France in a statement that the flight had landed safely in Lyon.' }];
    const out = auditPairs<{ id: string; verdict: string }>([
      { id: 'same', claim: 'Marie Dubois said Air France in a statement that the flight had landed safely in Lyon.', sources },
      { id: 'cut', claim: 'Marie Dubois said France in a statement that the flight had landed safely in Lyon.', sources },
    ]);
    expect(out.find((o) => o.id === 'same')?.verdict).toBe('supported');
    expect(['unsupported', 'contradicted']).toContain(out.find((o) => o.id === 'cut')?.verdict);
  });

  it('prints one {id, verdict, score, sentences} line per pair, the worst verdict of its sentences', () => {
    const sources = [{ id: 's1', text: 'The ferry sailed at noon on Friday. It carried 40 cars.' }];
    const out = auditPairs<{ id: string; verdict: string; score: number; sentences: unknown[] }>([
      { id: 'ok', claim: 'The ferry sailed at noon. It carried 40 cars.', sources },
      { id: 'bad', claim: 'The ferry sailed at noon. It carried 50 cars.', sources },
    ]);
    expect(out.map((o) => [o.id, o.verdict, o.sentences.length])).toEqual([['ok', 'supported', 2], ['bad', 'contradicted', 2]]);
  });
});

interface Ev { sourceId: string; start: number; end: number; text: string; score: number }
interface Sentence { claim: string; kind?: string; verdict: string; evidence: Ev[]; conflicts: { kind: string; evidence: Ev; sourceSpan: string }[]; missing: string[] }
interface Out { summary: { supported: number; unsupported: number; contradicted: number; total: number }; sentences: Sentence[] }

const skip = missingShared('seeds', 'gold.json');

describe.skipIf(skip !== null)('roundup audit: seed 001 against 000, 002, 003, 004', () => {
  const seeds = skip ? [] : readdirSync(sharedPath('seeds')).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
  const pick = (p: string): string => `../shared/seeds/${seeds.find((f) => f.startsWith(p))!}`;
  const run = (): Out => {
    const r = runCli(['audit', pick('001_'), '--sources', pick('000_'), pick('002_'), pick('003_'), pick('004_'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    return jsonLines<Out>(r.stdout)[0]!;
  };
  const out = skip ? null : run();
  const find = (needle: string): Sentence => {
    const s = out!.sentences.find((x) => x.claim.includes(needle));
    expect(s, `no sentence with "${needle}"`).toBeTruthy();
    return s!;
  };
  const gold = skip ? null : (JSON.parse(readFileSync(sharedPath('seeds', 'gold.json'), 'utf8')) as { documents: Record<string, { known_errors?: { claim: string }[]; section_headings?: string[] }> });
  const goldDoc = gold ? Object.entries(gold.documents).find(([k]) => k.startsWith('001_'))![1] : null;

  it('contradicts "German Chancellor Olaf Scholz" with evidence naming Merz', () => {
    const s = find('German Chancellor Olaf Scholz');
    expect(s.verdict).toBe('contradicted');
    const c = s.conflicts.find((x) => x.kind === 'person-in-role');
    expect(c?.sourceSpan).toMatch(/Merz/);
    expect(c?.evidence.text).toMatch(/Merz/);
  });

  it('finds no support for the $90 billion arms deal', () => {
    const s = find('$90 billion arms deal');
    expect(s.verdict).toBe('unsupported');
    expect(s.missing.join(' ')).toMatch(/90 billion/);
  });

  it('finds no support for the Merz "within two weeks" claim (only a dropped related-articles tail had it)', () => {
    const s = find('within two weeks');
    expect(s.verdict).toBe('unsupported');
    expect(s.missing.join(' ')).toMatch(/two weeks/);
  });

  it('marks the section headings as not checkable', () => {
    for (const h of goldDoc?.section_headings ?? []) expect(find(h).kind).toBe('heading');
  });

  it('supports at least 85% of the other claims, each with checkable evidence that shares its key words', () => {
    const errors = (goldDoc?.known_errors ?? []).map((e) => e.claim);
    expect(errors.length).toBeGreaterThan(0);
    const others = out!.sentences.filter((s) => s.kind === 'claim' && !errors.some((e) => s.claim.includes(e.slice(0, 30))) && !s.claim.includes('within two weeks'));
    const supported = others.filter((s) => s.verdict === 'supported');
    expect(supported.length / others.length).toBeGreaterThanOrEqual(0.85);
    for (const s of supported) {
      expect(s.evidence.length).toBeGreaterThan(0);
      for (const e of s.evidence) {
        expect(e.end - e.start).toBe(e.text.length);
      }
      const evWords = new Set(contentWords(s.evidence.map((e) => e.text).join(' ')).map((w) => w.stem));
      const key = contentWords(s.claim).filter((w) => w.norm.length > 3);
      const shared = key.filter((w) => evWords.has(w.stem)).length;
      expect(shared / key.length, `${s.claim} ↔ ${s.evidence.map((e) => e.text).join(' | ')}`).toBeGreaterThanOrEqual(0.5);
    }
  });
});

describe.skipIf(skip !== null)('roundup audit: a person swapped in where the sources say "the president" or "he" (claims built at run time)', () => {
  const seeds = skip ? [] : readdirSync(sharedPath('seeds')).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
  const pick = (p: string): string => `../shared/seeds/${seeds.find((f) => f.startsWith(p))!}`;
  const dir = mkdtempSync(join(tmpdir(), 'roundup-audit-actor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** The sentence of a seed holding `needle`, read at run time. */
  const sentenceOf = (p: string, needle: string): string => {
    const text = readFileSync(pick(p), 'utf8');
    const at = text.indexOf(needle);
    expect(at, `seed text has changed: "${needle}" not found in ${p}`).toBeGreaterThanOrEqual(0);
    const from = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('. ', at) + 1, 0);
    const to = text.indexOf('.', at);
    return text.slice(from, to + 1).trim();
  };
  let n = 0;
  const audit = (claim: string): Sentence => {
    const file = join(dir, `claim-${n++}.txt`);
    writeFileSync(file, `${claim}\n`);
    const r = runCli(['audit', file, '--sources', pick('000_'), pick('002_'), pick('003_'), pick('004_'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = jsonLines<Out>(r.stdout)[0]!;
    const s = out.sentences.find((x) => x.kind === 'claim');
    expect(s, claim).toBeTruthy();
    return s!;
  };
  const swap = (s: string, from: string, to: string): string => {
    expect(s, `"${from}" not in: ${s}`).toContain(from);
    return s.replace(from, to);
  };

  it('001\'s "Trump appeared to share conflicting views" stays supported; with Zelensky it is contradicted, naming Trump', () => {
    const original = sentenceOf('001_', 'appeared to share conflicting views');
    expect(audit(original).verdict).toBe('supported');
    const swapped = audit(swap(original, 'Trump appeared', 'Zelensky appeared'));
    expect(swapped.verdict).toBe('contradicted');
    const c = swapped.conflicts.find((x) => x.kind === 'person-in-role' || x.kind === 'actor');
    expect(c?.sourceSpan).toMatch(/Trump/);
    expect(c?.evidence.text).toMatch(/appeared to share conflicting views/);
  });

  it('002\'s "the president appeared ..." rewritten with the president\'s name passes, with another leader\'s fails', () => {
    const original = sentenceOf('002_', 'the president appeared to share');
    expect(audit(swap(original, 'the president appeared', 'Trump appeared')).verdict).toBe('supported');
    const swapped = audit(swap(original, 'the president appeared', 'Zelensky appeared'));
    expect(swapped.verdict).toBe('contradicted');
    expect(swapped.conflicts.map((x) => x.sourceSpan).join(' ')).toMatch(/Trump/);
  });
});
