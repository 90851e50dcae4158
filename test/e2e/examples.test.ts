import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, repoRoot, runCli } from './helpers.js';

// The bundled example corpus (written by us) with its hand-made expectations: every document must
// come out of `roundup extract --json` with the right metadata, captions apart and boilerplate gone.
interface Expected {
  publisher: string | null;
  via: string | null;
  headline: string | null;
  byline: string | null;
  published: string | null;
  published_relative: string | null;
  language: string | null;
  captions: string[];
  boilerplate: string[];
  body_must_keep: string[];
  body_starts_with?: string;
  body_ends_with?: string;
  body_must_not_contain?: string[];
  body_appears_once?: string[];
}
interface Extracted {
  input: string;
  title: string | null;
  byline: string | null;
  publisher: string | null;
  via: string | null;
  published: string | null;
  published_relative: string | null;
  language: string | null;
  text: string;
  captions: string[];
}

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();
const expected = JSON.parse(readFileSync(join(repoRoot, 'examples', 'expected.json'), 'utf8')) as { documents: Record<string, Expected> };

describe('roundup extract on the bundled example corpus', () => {
  const r = runCli(['extract', join(repoRoot, 'examples', 'corpus'), '--json']);
  const byKey = new Map(jsonLines<Extracted>(r.stdout).map((o) => [basename(o.input), o]));

  it('extracts every document without error', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect([...byKey.keys()].sort()).toEqual(Object.keys(expected.documents).sort());
  });

  for (const [file, want] of Object.entries(expected.documents)) {
    describe(file, () => {
      const got = (): Extracted => byKey.get(file)!;
      it('has the metadata', () => {
        expect(got().publisher).toBe(want.publisher);
        expect(got().via).toBe(want.via);
        expect(got().title).toBe(want.headline);
        expect(got().byline).toBe(want.byline);
        if (want.published) expect(got().published?.slice(0, 10)).toBe(want.published);
        else expect(got().published).toBeNull();
        if (want.published_relative) expect(got().published_relative).toBe(want.published_relative);
        if (want.language) expect(got().language).toBe(want.language);
      });
      it('keeps captions apart from the body', () => {
        const captions = got().captions.map(fold).join('\n');
        for (const c of want.captions) {
          expect(captions).toContain(fold(c));
          expect(fold(got().text)).not.toContain(fold(c));
        }
      });
      it('drops the boilerplate and keeps the body', () => {
        const body = fold(got().text);
        for (const b of want.boilerplate) expect(body, `boilerplate left in: ${b}`).not.toContain(fold(b));
        for (const k of want.body_must_keep) expect(body).toContain(fold(k));
        for (const k of want.body_must_not_contain ?? []) expect(body).not.toContain(fold(k));
        for (const k of want.body_appears_once ?? []) expect(body.split(fold(k)).length - 1).toBe(1);
        if (want.body_starts_with) expect(body.startsWith(fold(want.body_starts_with))).toBe(true);
        if (want.body_ends_with) expect(body.endsWith(fold(want.body_ends_with))).toBe(true);
      });
    });
  }
});
