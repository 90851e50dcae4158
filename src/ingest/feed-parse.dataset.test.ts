import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import { parseFeed, type ParsedFeed } from './feed-parse.js';

/**
 * Scores parseFeed on ../shared/data/feeds (rss-parser's test feeds with its expected output).
 * The expected output is rss-parser's own shape, so we compare only what means the same in both:
 * feed title, item count, and per item title, link and guid, in order, whitespace collapsed.
 * Data is read at run time and never copied into the repository.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = path.resolve(repoRoot, '..', 'shared', 'data', 'feeds');
const present = existsSync(path.join(dataDir, 'manifest.json'));
if (!present) console.warn(`feed data set not found at ${dataDir}; skipping the data-set test`);

interface ManifestEntry {
  input: string;
  expected_output?: string;
  output_encoding?: string;
  expect: 'equal' | 'error' | 'parse-ok';
}
interface ExpectedItem {
  title?: string;
  link?: string;
  guid?: string;
  id?: string;
  isoDate?: string;
}
interface Expected {
  feed: { title?: string; link?: string; items?: ExpectedItem[] };
}

const norm = (s: string | null | undefined) => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : null);

interface Tally {
  hit: number;
  total: number;
  /** Hits only because U+FFFD in the expected text stood for one character (see below). */
  viaReplacementChar: number;
}
const tally = (): Tally => ({ hit: 0, total: 0, viaReplacementChar: 0 });

/**
 * rss-parser decoded uolNoticias.rss (Latin-1 bytes, no declared encoding) as UTF-8, so its expected
 * titles hold U+FFFD where we decode the real letter. There, U+FFFD matches any one character.
 */
function sameText(expected: string, actual: string | null): 'equal' | 'via-fffd' | 'differ' {
  const e = norm(expected)!;
  const a = norm(actual);
  if (a === null) return 'differ';
  if (e === a) return 'equal';
  if (!e.includes('\ufffd')) return 'differ';
  const pattern = e
    .split('\ufffd')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.');
  return new RegExp(`^${pattern}$`, 's').test(a) ? 'via-fffd' : 'differ';
}

function count(t: Tally, expected: string | undefined, actual: string | null): boolean {
  if (expected === undefined) return true;
  t.total++;
  const same = sameText(expected, actual);
  if (same !== 'differ') t.hit++;
  if (same === 'via-fffd') t.viaReplacementChar++;
  return same !== 'differ';
}
const rate = (t: Tally) =>
  t.total ? `${t.hit}/${t.total} (${((100 * t.hit) / t.total).toFixed(1)}%)${t.viaReplacementChar ? `, ${t.viaReplacementChar} of them only with U+FFFD as a wildcard` : ''}` : 'n/a';

describe.skipIf(!present)('parseFeed on ../shared/data/feeds', () => {
  const manifest = present ? (JSON.parse(readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as ManifestEntry[]) : [];

  it('matches feed title, item count and per-item title/link/guid of every `equal` case', () => {
    const feedTitle = tally();
    const itemCount = tally();
    const title = tally();
    const link = tally();
    const guid = tally();
    const published = tally();
    const feedsFullyMatched = tally();
    const misses: string[] = [];

    for (const m of manifest.filter((e) => e.expect === 'equal')) {
      const bytes = readFileSync(path.join(dataDir, m.input));
      const raw = readFileSync(path.join(dataDir, m.expected_output!));
      const expected = JSON.parse(raw.toString(m.output_encoding === 'latin1' ? 'latin1' : 'utf8')) as Expected;
      let feed: ParsedFeed;
      try {
        feed = parseFeed(bytes, null, m.input);
      } catch (e) {
        misses.push(`${m.input}: ${(e as Error).message}`);
        itemCount.total++;
        feedsFullyMatched.total++;
        continue;
      }
      let allOk = count(feedTitle, expected.feed.title, feed.title);
      const items = expected.feed.items ?? [];
      itemCount.total++;
      if (items.length === feed.entries.length) itemCount.hit++;
      else {
        allOk = false;
        misses.push(`${m.input}: ${feed.entries.length} entries, expected ${items.length}`);
      }
      items.forEach((exp, i) => {
        const got = feed.entries[i];
        const okTitle = count(title, exp.title, got?.title ?? null);
        const okLink = count(link, exp.link, got?.link ?? null);
        // rss-parser calls the Atom id `id` and the RSS guid `guid`.
        const okGuid = count(guid, exp.guid ?? exp.id, got?.guid ?? null);
        // Instants, not strings: isoDate is rss-parser's UTC form of pubDate/updated.
        if (exp.isoDate !== undefined) {
          published.total++;
          if (got?.published && Date.parse(got.published) === Date.parse(exp.isoDate)) published.hit++;
          else if (misses.length < 40) misses.push(`${m.input}#${i + 1}: published ${got?.published} expected ${exp.isoDate}`);
        }
        if (!(okTitle && okLink && okGuid)) {
          allOk = false;
          if (misses.length < 40) misses.push(`${m.input}#${i + 1}: got ${JSON.stringify([got?.title, got?.link, got?.guid])} expected ${JSON.stringify([exp.title, exp.link, exp.guid ?? exp.id])}`);
        }
      });
      feedsFullyMatched.total++;
      if (allOk) feedsFullyMatched.hit++;
    }

    console.log(
      [
        'feed data set match rates:',
        `  feeds fully matched: ${rate(feedsFullyMatched)}`,
        `  feed title: ${rate(feedTitle)}`,
        `  item count: ${rate(itemCount)}`,
        `  item title: ${rate(title)}`,
        `  item link:  ${rate(link)}`,
        `  item guid:  ${rate(guid)}`,
        `  item published instant: ${rate(published)}`,
        ...misses.map((s) => `  miss ${s}`),
      ].join('\n'),
    );
    // Floors a little under what we measured, so a regression fails loudly (see the report for figures).
    expect(feedTitle.hit / feedTitle.total).toBeGreaterThanOrEqual(1);
    expect(itemCount.hit / itemCount.total).toBeGreaterThanOrEqual(28 / 29);
    expect(title.hit / title.total).toBeGreaterThanOrEqual(0.999);
    expect(link.hit / link.total).toBeGreaterThanOrEqual(0.99);
    expect(guid.hit / guid.total).toBeGreaterThanOrEqual(0.99);
    expect(published.hit / published.total).toBeGreaterThanOrEqual(0.99);
  });

  it('rejects the `error` case as malformed-feed', () => {
    for (const m of manifest.filter((e) => e.expect === 'error')) {
      const bytes = readFileSync(path.join(dataDir, m.input));
      let caught: unknown;
      try {
        parseFeed(bytes, null, m.input);
      } catch (e) {
        caught = e;
      }
      expect(caught, m.input).toBeInstanceOf(InputError);
      expect((caught as InputError).kind).toBe('malformed-feed');
      expect((caught as InputError).message).toContain('not a recognised RSS, Atom or JSON Feed document');
    }
  });

  it('parses the `parse-ok` case', () => {
    for (const m of manifest.filter((e) => e.expect === 'parse-ok')) {
      const feed = parseFeed(readFileSync(path.join(dataDir, m.input)), null, m.input);
      expect(feed.entries.length, m.input).toBeGreaterThan(0);
      expect(feed.title, m.input).toBeTruthy();
    }
  });

  it('decodes the Latin-1 feed from its XML prolog, and from a transport charset alike', () => {
    const bytes = readFileSync(path.join(dataDir, 'input', 'encoding.rss'));
    const fromProlog = parseFeed(bytes);
    const fromHeader = parseFeed(bytes, 'latin1');
    expect(fromProlog.title).toMatch(/Not[ií]cias/);
    expect(fromProlog.title).toContain('Notícias');
    expect(fromHeader.entries.map((e) => e.title)).toEqual(fromProlog.entries.map((e) => e.title));
  });
});
