/**
 * Hostile inputs for the fuzz test, generated (nothing third-party is stored). `full` gives the sizes
 * the issue names (`npm run test:full`); the fast variant keeps every shape at a size that still
 * crosses the default budgets where the full one does.
 */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createGzip } from 'node:zlib';

export interface HostileFile {
  name: string;
  bytes: Buffer;
  /** The input its outcome names, when not the file itself (a JSON Lines file's first record: `name#1`). */
  outcome?: string;
  /**
   * What ingest must answer: a failure whose message matches, a stored article, or (`either`) one of the two where
   * the input is within the size budget and only the machine's speed decides whether it fits the time budget.
   */
  expect: { failed: RegExp } | { stored: true; warning?: RegExp } | { either: RegExp };
}

const page = (body: string, head = '<title>Hostile page</title>'): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const prose = 'The harbour board met on Tuesday and agreed to reopen the north quay once the silt has been cleared.';

export function hostileFiles(full: boolean): HostileFile[] {
  const scale = (fast: number, fullSize: number): number => (full ? fullSize : fast);
  const depth = scale(20_000, 100_000);
  const files: HostileFile[] = [
    {
      name: 'deep.html',
      bytes: Buffer.from(page('<div>'.repeat(depth) + `<p>${prose}</p>` + '</div>'.repeat(depth))),
      expect: { failed: new RegExp(`deep\\.html: extraction stopped before parsing: nesting depth ${(depth + 3).toLocaleString('en-US')} is over the budget of 128`) },
    },
    {
      name: 'deep-inline-unclosed.html',
      // Unclosed inline elements never end, so each one nests inside the last.
      bytes: Buffer.from(page(`<p>${prose}</p>` + '<b><i>'.repeat(depth / 2))),
      expect: { failed: /deep-inline-unclosed\.html: extraction stopped before parsing: nesting depth [\d,]+ is over the budget/ },
    },
    {
      name: 'paragraphs.html',
      bytes: Buffer.from(page('<p>x</p>'.repeat(scale(200_000, 1_000_000)))),
      // The full million is also over the character budget, which is checked first.
      expect: { failed: full ? /paragraphs\.html: extraction stopped before parsing: 8,000,081 characters is over the budget of 8,000,000 \(--max-chars\)/ : /paragraphs\.html: extraction stopped before parsing: 200,004 elements is over the budget of 30,000 \(--max-nodes\)/ },
    },
    {
      name: 'one-line.txt',
      bytes: Buffer.from('word '.repeat(scale(2_000_000, 10_000_000)).trimEnd()),
      expect: full ? { failed: /one-line\.txt: file is [\d,]+ bytes|one-line\.txt: .*exceeds/ } : { failed: /one-line\.txt: extraction stopped before parsing: 9,999,999 characters is over the budget of 8,000,000 \(--max-chars\)/ },
    },
    {
      name: 'huge-attribute.html',
      bytes: Buffer.from(page(`<article data-x="${'a'.repeat(scale(3_000_000, 7_000_000))}"><p>${prose}</p></article>`)),
      expect: { stored: true },
    },
    {
      name: 'many-attributes.html',
      bytes: Buffer.from(page(`<article ${Array.from({ length: scale(20_000, 100_000) }, (_, i) => `a${i}="${i}"`).join(' ')}><p>${prose}</p></article>`)),
      expect: { stored: true },
    },
    {
      name: 'broken-utf8.html',
      bytes: Buffer.concat([Buffer.from(page(`<p>${prose} `).replace('</p></body></html>', '')), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xe2, 0x82, 0xf0, 0x9f, 0x98]), Buffer.from(` ${prose}</p></body></html>`)]),
      expect: { stored: true, warning: /invalid|undecodable|replacement|UTF-8/i },
    },
    {
      name: 'broken-utf16.txt',
      // A UTF-16LE byte-order mark, text, unpaired surrogates, and an odd byte at the end.
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${prose}\n\n${prose}`, 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00, 0x00, 0xdc, 0x41]), Buffer.from(`\n\n${prose}`, 'utf16le'), Buffer.from([0x41])]),
      expect: { stored: true },
    },
    {
      name: 'nul-bytes.html',
      bytes: Buffer.from(page(`<p>${prose.replace(/ /g, ' \u0000')}</p>`)),
      expect: { failed: /nul-bytes\.html: .*binary|nul-bytes\.html: .*NUL/i },
    },
    {
      name: 'entities.html',
      bytes: Buffer.from(page(`<p>${prose}</p><p>${'&amp;&#0;&#xD800;&#x110000;&nosuch;&'.repeat(scale(20_000, 200_000))}</p>`)),
      // 7 MB of entities in one paragraph takes the extractor about as long as the time budget.
      expect: full ? { either: /entities\.html: extraction stopped after 10 s: over the time budget/ } : { stored: true },
    },
    {
      name: 'entity-bomb.xml',
      bytes: Buffer.from(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">\n' +
          Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('\n') +
          '\n]>\n<rss version="2.0"><channel><title>Bomb</title><link>https://bomb.example/</link><item><title>&j;</title><description>&j;</description></item></channel></rss>\n',
      ),
      // Read as markup (its DOCTYPE), never expanded: a small article.
      expect: { stored: true },
    },
    {
      name: 'big-line.jsonl',
      bytes: Buffer.from(JSON.stringify({ url: 'https://big.example/a', text: 'x'.repeat(scale(21_000_000, 100_000_000)) }) + '\n'),
      expect: { failed: /big-line\.jsonl: .*(20971520|limit)/ },
    },
    {
      name: 'deep-record.jsonl',
      bytes: Buffer.from(JSON.stringify({ url: 'https://deep.example/a', html: page('<div>'.repeat(depth) + '</div>'.repeat(depth)) }) + '\n'),
      outcome: 'deep-record.jsonl#1',
      expect: { failed: /deep-record\.jsonl#1: extraction stopped before parsing: nesting depth/ },
    },
  ];
  return files;
}

/** An RSS feed of `n` entries, each its own short summary (no link: nothing is fetched). */
export function bigFeed(n: number): Buffer {
  const items: string[] = [];
  for (let i = 0; i < n; i++) items.push(`<item><title>Entry ${i}</title><guid isPermaLink="false">e${i}</guid><description>Entry ${i} of a very long feed.</description></item>`);
  return Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>Long feed</title><link>https://long.example/</link>${items.join('')}</channel></rss>`);
}

/** A small gzip body that inflates to `mb` megabytes of markup (compressed as a stream: the inflated whole never exists). */
export async function gzipBomb(mb: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, '<p>x</p>');
  const chunks = (function* () {
    for (let i = 0; i < mb; i++) yield chunk;
  })();
  return buffer(Readable.from(chunks).pipe(createGzip({ level: 9 })));
}
