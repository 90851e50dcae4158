/**
 * Families on the shared seed copies (third-party text, read at run time, never copied here). Gold:
 * ../shared/seeds/gold.json `syndication`: 000 and 003 carry the same PA copy with small edits; 002 is a separate
 * write-through that reuses much of it; 001 is a composite derived from several; 004 is another story.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRaw } from '../extract/index.js';
import { articleText } from '../extract/types.js';
import { findFamilies, type Family, type FamilyInput } from './index.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEEDS = join(REPO, '../shared/seeds');
const present = existsSync(SEEDS);
if (!present) console.warn(`families seeds: ${SEEDS} is absent; skipping the seed family checks`);

function loadSeeds(): FamilyInput[] {
  const files = readdirSync(SEEDS)
    .filter((f) => /^00[0-4]_.*\.txt$/.test(f))
    .sort();
  return files.map((f) => {
    const a = extractRaw({ bytes: readFileSync(join(SEEDS, f)), mediaType: 'text/plain', charset: null, url: null, hints: {} });
    return { id: f.slice(0, 3), text: articleText(a), title: a.title, published: a.published, publisher: a.publisher };
  });
}

describe.skipIf(!present)('families on the seed copies', () => {
  const docs = present ? loadSeeds() : [];
  const fams = present ? findFamilies(docs) : [];
  const famOf = (id: string): Family => fams.find((f) => f.members.some((m) => m.id === id))!;

  it('reads all five seeds', () => {
    expect(docs.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
  });

  it('000 and 003 are one family (same PA copy); 001, 002 and 004 are not in it', () => {
    expect(famOf('000').members.map((m) => m.id).sort()).toEqual(['000', '003']);
    expect(famOf('004').members.map((m) => m.id)).toEqual(['004']);
    expect(famOf('001').members.map((m) => m.id)).toEqual(['001']);
    expect(famOf('002').members.map((m) => m.id)).toEqual(['002']);
    expect(fams).toHaveLength(4);
  });

  it("003's extra sentence about the coalition call is an add (or a drop when 003 is canonical)", () => {
    const f = famOf('000');
    const other = f.members.find((m) => m.id !== f.canonical)!;
    const extra = f.canonical === '000' ? other.adds : other.drops;
    const hit = extra.find((s) => /co-chair a call on Tuesday morning/.test(s.text));
    expect(hit, JSON.stringify(extra.map((s) => s.text))).toBeDefined();
    expect(hit!.text).toMatch(/coalition of the willing/);
    // The canonical is 000: the only copy of the two with a publication date (tie on completeness).
    expect(f.canonical).toBe('000');
    expect(other.similarity).toBeGreaterThan(0.6);
    // Lightly edited sentences ("President Putin"/"president Putin") are not adds or drops.
    expect(other.adds.length).toBeLessThan(6);
    expect(other.drops.length).toBeLessThan(6);
  });
});
