/**
 * One extractor over a list of pages in one process, for `bench/extract.ts`. Prints one JSON line:
 * pages, failures (threw or returned nothing), CPU seconds, wall seconds, peak RSS.
 * Usage: node dist/bench/extract-worker.js <ours|readability-linkedom|readability-jsdom> <file-list.json>
 */
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractRaw } from '../src/extract/index.js';
import { decodeBytes } from '../src/ingest/decode.js';

type Extract = (bytes: Buffer) => string | null;
type ReadabilityDoc = ConstructorParameters<typeof Readability>[0];

async function extractorFor(name: string): Promise<Extract> {
  switch (name) {
    case 'ours':
      return (bytes) => extractRaw({ bytes, mediaType: 'text/html', charset: null, url: null, hints: {} }).paragraphs.join('\n\n') || null;
    case 'readability-linkedom':
      return (bytes) => {
        const { document } = parseHTML(decodeBytes(bytes, 'html').text);
        return new Readability(document as unknown as ReadabilityDoc).parse()?.textContent ?? null;
      };
    case 'readability-jsdom': {
      // Optional peer: only when jsdom is installed. Its default console prints every stylesheet it
      // cannot parse to stderr (older versions with the whole sheet): megabytes over the 990 pages,
      // which overflowed the parent's pipe buffer and got the worker killed. A silent console instead.
      const { JSDOM, VirtualConsole } = (await import('jsdom' as string)) as {
        JSDOM: new (html: string, o: object) => { window: { document: ReadabilityDoc; close(): void } };
        VirtualConsole: new () => object;
      };
      const virtualConsole = new VirtualConsole();
      return (bytes) => {
        const dom = new JSDOM(decodeBytes(bytes, 'html').text, { url: 'http://localhost/', virtualConsole });
        try {
          return new Readability(dom.window.document).parse()?.textContent ?? null;
        } finally {
          dom.window.close();
        }
      };
    }
    default:
      throw new Error(`unknown extractor "${name}"`);
  }
}

const [name = 'ours', listFile = ''] = process.argv.slice(2);
const files = JSON.parse(readFileSync(listFile, 'utf8')) as string[];
const pages = files.map((f) => readFileSync(f));
const extract = await extractorFor(name);
let failures = 0;
let peakRss = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const [i, bytes] of pages.entries()) {
  try {
    if (!extract(bytes)) failures++;
  } catch {
    failures++;
  }
  if (i % 10 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
process.stdout.write(
  JSON.stringify({ extractor: name, pages: pages.length, failures, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: wall, peakRssMB: peakRss / 2 ** 20 }) + '\n',
);
