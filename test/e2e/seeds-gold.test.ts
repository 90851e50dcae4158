/**
 * The text cleaner against the hand-made gold for the five seed copies in ../shared/seeds.
 * The seed texts are third-party articles: they are read at run time, never copied here.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRaw } from '../../src/extract/index.js';

interface GoldDoc {
  publisher?: string | null;
  via?: string | null;
  published?: string | null;
  published_relative?: string | null;
  headline?: string | null;
  byline?: string | null;
  boilerplate?: string[];
  captions?: string[];
  body_must_keep?: string[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seedsDir = path.join(path.resolve(repoRoot, '..', 'shared'), 'seeds');
const goldPath = path.join(seedsDir, 'gold.json');
const present = existsSync(goldPath);

/** Typographic quotes to straight ones, whitespace collapsed: how gold sentences are compared. */
const norm = (s: string): string =>
  s
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();

if (!present) {
  describe.skip(`seed gold (skipped: ${goldPath} not found; the shared seeds are not on this machine)`, () => {
    it('needs ../shared/seeds', () => undefined);
  });
} else {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { documents: Record<string, GoldDoc> };

  describe.each(Object.entries(gold.documents))('seed %s', (file, g) => {
    const seedPath = path.join(seedsDir, file);
    const run = existsSync(seedPath) ? it : it.skip;
    const extract = () =>
      extractRaw({ bytes: readFileSync(seedPath), mediaType: 'text/plain', charset: null, url: null, hints: {} });

    run('drops every boilerplate string from the body', () => {
      const body = extract().paragraphs.join('\n\n');
      for (const b of g.boilerplate ?? []) expect(body, `boilerplate survived: ${b}`).not.toContain(b);
    });

    run('keeps captions apart from the body', () => {
      const a = extract();
      const body = ws(a.paragraphs.join('\n\n'));
      const captions = a.captions.map(ws);
      for (const c of (g.captions ?? []).map(ws)) {
        expect(captions, `caption missing: ${c}`).toContain(c);
        expect(body).not.toContain(c);
      }
    });

    run('keeps every must-keep sentence verbatim', () => {
      const body = norm(extract().paragraphs.join('\n\n'));
      for (const s of g.body_must_keep ?? []) expect(body, `lost: ${s}`).toContain(norm(s));
    });

    run('recovers the metadata gold states', () => {
      const a = extract();
      const pairs: [string, string | null | undefined, string | null][] = [
        ['publisher', g.publisher, a.publisher],
        ['via', g.via, a.via],
        ['published', g.published, a.published],
        ['headline', g.headline, a.title],
        ['byline', g.byline, a.byline],
        ['published_relative', g.published_relative, a.publishedRelative],
      ];
      for (const [field, want, got] of pairs) {
        if (want !== null && want !== undefined) expect(got, field).toBe(want);
      }
    });

    run('accounts for every word of the input (kept or removed with a reason)', () => {
      const a = extract();
      const words = (parts: string[]): string[] => parts.join(' ').split(/\s+/).filter(Boolean).sort();
      const input = words([readFileSync(seedPath, 'utf8')]);
      const output = words([a.title ?? '', ...a.paragraphs, ...a.removed.map((r) => r.text)]);
      expect(output).toEqual(input);
    });
  });
}
