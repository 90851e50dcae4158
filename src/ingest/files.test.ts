import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.js';
import { collect } from './index.js';
import { RECORD_MEDIA_TYPE, type CollectOptions, type IngestEvent, type RawDocument } from './types.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'roundup-ingest-files-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, content: string | Buffer): string {
  const abs = path.join(tmp, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}

async function run(inputs: string[], options: CollectOptions = {}): Promise<IngestEvent[]> {
  const out: IngestEvent[] = [];
  for await (const e of collect(inputs, options)) out.push(e);
  return out;
}

const documents = (events: IngestEvent[]) => events.filter((e): e is Extract<IngestEvent, { type: 'document' }> => e.type === 'document');
const failures = (events: IngestEvent[]) => events.filter((e): e is Extract<IngestEvent, { type: 'failure' }> => e.type === 'failure');
const plannedTotal = (events: IngestEvent[]) => events.reduce((n, e) => n + (e.type === 'planned' ? e.count : 0), 0);
const terminal = (events: IngestEvent[]) => events.filter((e) => e.type !== 'planned').length;

async function only(input: string, options: CollectOptions = {}): Promise<IngestEvent> {
  const events = (await run([input], options)).filter((e) => e.type !== 'planned');
  expect(events).toHaveLength(1);
  return events[0]!;
}

async function onlyDocument(input: string, options: CollectOptions = {}): Promise<{ raw: RawDocument; warnings: string[] }> {
  const e = await only(input, options);
  if (e.type !== 'document') throw new Error(`expected a document, got ${JSON.stringify(e)}`);
  return e;
}

async function onlyFailure(input: string, options: CollectOptions = {}) {
  const e = await only(input, options);
  if (e.type !== 'failure') throw new Error(`expected a failure, got ${e.type}`);
  return e.error;
}

const HTML = '<!doctype html>\n<html><head><title>Lighthouse keeper retires</title></head>\n<body><article><p>After forty years the keeper handed over the keys.</p></article></body></html>\n';

describe('single files', () => {
  it('an HTML file is a text/html document with its bytes exactly as stored', async () => {
    const abs = write('page.html', HTML);
    const { raw, warnings } = await onlyDocument(abs);
    expect(raw).toMatchObject({ kind: 'document', mediaType: 'text/html', url: null, charset: null, summaryOnly: false, origin: { via: 'file', locator: abs } });
    expect(raw.bytes.equals(Buffer.from(HTML))).toBe(true);
    expect(warnings).toEqual([]);
    expect(Number.isNaN(Date.parse(raw.fetchedAt))).toBe(false);
  });

  it('a plain-text copy is text/plain; a relative path is named as given and located absolutely', async () => {
    const abs = write('notes/copy.txt', 'Keeper retires\n\nAfter forty years the keeper handed over the keys.\n');
    const rel = path.relative(process.cwd(), abs);
    const e = await only(rel);
    expect(e).toMatchObject({ type: 'document', input: rel, raw: { mediaType: 'text/plain', origin: { via: 'file', locator: abs } } });
  });

  it('an empty file and a whitespace-only file fail as empty', async () => {
    const empty = write('empty.html', '');
    const err = await onlyFailure(empty);
    expect(err.kind).toBe('empty');
    expect(err.message).toBe(`${empty}: empty (0 bytes)`);
    expect((await onlyFailure(write('blank.txt', '  \n\n \t'))).kind).toBe('empty');
  });

  it('a binary file fails as binary, naming what it looks like', async () => {
    const png = write('photo.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const err = await onlyFailure(png);
    expect(err.kind).toBe('binary');
    expect(err.message).toMatch(/photo\.html: not text: looks like PNG image/);
  });

  it('a file over maxFileBytes fails as too-large before it is read', async () => {
    const big = write('big.html', HTML.repeat(10));
    const err = await onlyFailure(big, { maxFileBytes: 100 });
    expect(err.kind).toBe('too-large');
    expect(err.reason).toMatch(/exceeds the 100-byte limit/);
    expect((await onlyDocument(big)).raw.bytes.length).toBe(HTML.length * 10);
  });

  it('truncated HTML still ingests, with a warning', async () => {
    const cut = write('cut.html', HTML.slice(0, 120));
    const { raw, warnings } = await onlyDocument(cut);
    expect(raw.mediaType).toBe('text/html');
    expect(warnings.join(' ')).toMatch(/without <\/html>.*truncated/);
  });

  it('a missing path is not-found; a file:// URL works like its path', async () => {
    const missing = path.join(tmp, 'nope', 'missing.html');
    const err = await onlyFailure(missing);
    expect(err.kind).toBe('not-found');
    expect(err.message).toBe(`${missing}: no such file or folder`);
    const abs = write('byurl.html', HTML);
    const url = pathToFileURL(abs).href;
    expect(await only(url)).toMatchObject({ type: 'document', input: url, raw: { origin: { locator: abs } } });
  });
});

describe('encodings', () => {
  it('Latin-1 bytes declared UTF-8 ingest with a warning and decode as windows-1252', async () => {
    const bytes = Buffer.from('<html><head><meta charset="utf-8"><title>Caf\xe9</title></head><body><p>Le caf\xe9 a rouvert.</p></body></html>', 'latin1');
    const { raw, warnings } = await onlyDocument(write('mislabelled.html', bytes));
    expect(raw.bytes.equals(bytes)).toBe(true); // raw kept, not "fixed"
    expect(warnings.join(' ')).toMatch(/not valid UTF-8/);
    expect(decodeBytes(raw.bytes, 'html', raw.charset).text).toContain('Le café a rouvert.');
  });

  it('a <meta charset> is honoured when decoding the stored bytes', async () => {
    // "Αθήνα" in ISO-8859-7.
    const greek = Buffer.concat([
      Buffer.from('<html><head><meta charset="iso-8859-7"></head><body><p>', 'latin1'),
      Buffer.from([0xc1, 0xe8, 0xde, 0xed, 0xe1]),
      Buffer.from('</p></body></html>', 'latin1'),
    ]);
    const { raw, warnings } = await onlyDocument(write('greek.html', greek));
    expect(warnings).toEqual([]);
    expect(decodeBytes(raw.bytes, 'html', raw.charset).text).toContain('<p>Αθήνα</p>');
  });
});

describe('JSON and JSON Lines records', () => {
  it('a JSON array becomes one record document per element, named path#index', async () => {
    const records = [
      { url: 'https://news.example/harbour', html: '<p>The harbour wall was repaired.</p>', publisher: 'Harbour Herald', published: '2024-03-01T08:00:00Z', title: 'Wall repaired' },
      { url: 'https://news.example/tide', text: 'Tides ran high on Sunday.' },
      { url: 'https://news.example/bad', html: 42 },
    ];
    const abs = write('records.json', JSON.stringify(records, null, 2));
    const events = await run([abs]);
    expect(plannedTotal(events)).toBe(terminal(events));
    const docs = documents(events);
    expect(docs.map((d) => d.input)).toEqual([`${abs}#1`, `${abs}#2`]);
    expect(docs[0]!.raw).toMatchObject({
      kind: 'record',
      mediaType: RECORD_MEDIA_TYPE,
      url: 'https://news.example/harbour',
      origin: { via: 'record', locator: `${abs}#1` },
      hints: { publisher: 'Harbour Herald', title: 'Wall repaired', published: '2024-03-01T08:00:00Z' },
    });
    expect(docs[0]!.raw.bytes.toString('utf8')).toBe(JSON.stringify(records[0]));
    const [bad] = failures(events);
    expect(bad).toMatchObject({ input: `${abs}#3`, error: { kind: 'malformed-record' } });
  });

  it('a single JSON object is one record', async () => {
    const abs = write('one.json', '{"url":"https://news.example/x","text":"One record."}');
    expect(await only(abs)).toMatchObject({ type: 'document', input: `${abs}#1`, raw: { kind: 'record', url: 'https://news.example/x' } });
  });

  it('a truncated JSON file fails as malformed-json with the parser cause', async () => {
    const abs = write('cut.json', '[{"url":"https://news.example/x","text":"One rec');
    const err = await onlyFailure(abs);
    expect(err.kind).toBe('malformed-json');
    expect(err.message).toMatch(new RegExp(`^${abs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON: `));
  });

  it('a malformed JSON line fails alone, named path#line; the other lines go on', async () => {
    const abs = write('lines.jsonl', ['{"url":"https://news.example/1","text":"First."}', '', '{"url": "https://news.example/2", "text": ', '{"url":"https://news.example/3","text":"Third."}', ''].join('\n'));
    const events = await run([abs]);
    expect(documents(events).map((d) => d.input)).toEqual([`${abs}#1`, `${abs}#4`]);
    expect(documents(events)[1]!.raw.origin.locator).toBe(`${abs}#4`);
    const [bad] = failures(events);
    expect(bad!.input).toBe(`${abs}#3`);
    expect(bad!.error.kind).toBe('malformed-json');
    expect(bad!.error.message).toMatch(/#3: line 3 is not valid JSON: /);
    expect(plannedTotal(events)).toBe(terminal(events));
  });
});

describe('folders', () => {
  let root: string;
  beforeAll(() => {
    root = path.join(tmp, 'corpus');
    write('corpus/b-story.html', HTML);
    write('corpus/A-upper.txt', 'Upper-case names sort first in code-unit order.');
    write('corpus/sub/c-story.html', HTML.replace('Lighthouse', 'Harbour'));
    write('corpus/sub/deeper/d.txt', 'Deep file.');
    write('corpus/sub/empty.txt', '');
    write('corpus/.hidden.html', HTML);
    write('corpus/.git/config', '[core]');
    write('corpus/z-records.jsonl', '{"url":"https://news.example/1","text":"One."}\n{"url":"https://news.example/2","text":"Two."}\n');
    // A symlink back to the folder itself must not loop.
    symlinkSync(root, path.join(root, 'sub', 'loop'));
  });

  it('recurses in sorted order, skips dotfiles, keeps going past a bad file, and plans exactly', async () => {
    const events = await run([root]);
    const names = events.filter((e) => e.type !== 'planned').map((e) => path.relative(root, e.input));
    expect(names).toEqual(['A-upper.txt', 'b-story.html', 'sub/c-story.html', 'sub/deeper/d.txt', 'sub/empty.txt', 'z-records.jsonl#1', 'z-records.jsonl#2']);
    expect(failures(events).map((f) => [path.relative(root, f.input), f.error.kind])).toEqual([['sub/empty.txt', 'empty']]);
    expect(documents(events)).toHaveLength(6);
    // The folder announces its files before yielding them.
    expect(events[0]).toEqual({ type: 'planned', count: 1 });
    expect(events[1]).toEqual({ type: 'planned', count: 5 }); // six files replace the folder
    expect(plannedTotal(events)).toBe(terminal(events));
  });

  it('gives the same events in the same order on every run, whatever the creation order', async () => {
    const one = path.join(tmp, 'order-1');
    const two = path.join(tmp, 'order-2');
    const files = ['m.txt', 'a/z.txt', 'B.txt', 'a/b.txt', 'é.txt', '10.txt', '9.txt'];
    files.forEach((f, i) => write(`order-1/${f}`, `File ${f} number ${i}.`));
    [...files].reverse().forEach((f, i) => write(`order-2/${f}`, `File ${f} number ${files.length - 1 - i}.`));
    const seq = async (dir: string) => (await run([dir])).filter((e) => e.type === 'document').map((e) => (e.type === 'document' ? `${path.relative(dir, e.input)}=${e.raw.bytes.toString()}` : ''));
    const a = await seq(one);
    expect(a).toEqual(await seq(two));
    expect(a).toEqual(await seq(one));
    expect(a.map((s) => s.split('=')[0])).toEqual(['10.txt', '9.txt', 'B.txt', 'a/b.txt', 'a/z.txt', 'm.txt', 'é.txt']);
  });

  it('an empty folder is one empty failure', async () => {
    const dir = path.join(tmp, 'nothing-here');
    mkdirSync(dir, { recursive: true });
    write('nothing-here/.only-hidden', 'x');
    const err = await onlyFailure(dir);
    expect(err.kind).toBe('empty');
    expect(err.reason).toMatch(/no files/);
  });
});

describe('stdin', () => {
  it('`-` reads all of standard input and sniffs it', async () => {
    const stdin = Readable.from([Buffer.from(HTML.slice(0, 50)), Buffer.from(HTML.slice(50))]);
    const e = await only('-', { stdin });
    expect(e).toMatchObject({ type: 'document', input: '-', raw: { mediaType: 'text/html', url: null, origin: { via: 'stdin', locator: '-' } } });
    expect(e.type === 'document' && e.raw.bytes.toString()).toBe(HTML);
  });

  it('stdin records are named -#line', async () => {
    const stdin = Readable.from([Buffer.from('{"url":"https://news.example/1","text":"One."}\n{"url":"https://news.example/2","text":"Two."}\n')]);
    const events = await run(['-'], { stdin });
    expect(documents(events).map((d) => d.raw.origin.locator)).toEqual(['-#1', '-#2']);
  });

  it('stdin over maxFileBytes is too-large', async () => {
    const stdin = Readable.from([Buffer.alloc(60, 0x61), Buffer.alloc(60, 0x61)]);
    expect((await onlyFailure('-', { stdin, maxFileBytes: 100 })).kind).toBe('too-large');
  });
});

describe('collect over a mixed batch', () => {
  it('never throws, keeps input order, and plans as many events as it yields', async () => {
    const good = write('mixed/good.html', HTML);
    const inputs = [good, path.join(tmp, 'missing.txt'), 'gopher://old.example/', '', write('mixed/empty.txt', ''), good];
    const events = await run(inputs);
    expect(events.filter((e) => e.type !== 'planned').map((e) => [e.input, e.type === 'failure' ? e.error.kind : e.type])).toEqual([
      [good, 'document'],
      [path.join(tmp, 'missing.txt'), 'not-found'],
      ['gopher://old.example/', 'invalid-url'],
      ['', 'not-found'],
      [path.join(tmp, 'mixed/empty.txt'), 'empty'],
      [good, 'document'],
    ]);
    expect(plannedTotal(events)).toBe(terminal(events));
    for (const f of failures(events)) expect(f.error.message).not.toMatch(/\n/);
  });
});
