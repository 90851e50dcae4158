import { describe, expect, it } from 'vitest';
import { rootElement, sniff } from './sniff.js';

const b = (s: string) => Buffer.from(s, 'utf8');
const formatOf = (bytes: Uint8Array, hints = {}) => sniff(bytes, hints).format;

describe('sniff: unusable input', () => {
  it('calls 0 bytes and whitespace-only input empty', () => {
    expect(sniff(Buffer.alloc(0))).toMatchObject({ format: 'unsupported', kind: 'empty' });
    expect(sniff(b(' \n\t\r\n  '))).toMatchObject({ format: 'unsupported', kind: 'empty' });
    expect(sniff(b('\ufeff  \n'))).toMatchObject({ format: 'unsupported', kind: 'empty' });
  });

  it('names obvious binary formats', () => {
    const pdf = sniff(b('%PDF-1.7\n%âãÏÓ\n1 0 obj'));
    expect(pdf).toMatchObject({ format: 'unsupported', kind: 'binary' });
    expect(pdf.format === 'unsupported' && pdf.reason).toContain('PDF');
    const png = sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(png.format === 'unsupported' && png.reason).toContain('PNG');
    const gz = sniff(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
    expect(gz.format === 'unsupported' && gz.reason).toContain('gzip');
    const zip = sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    expect(zip.format === 'unsupported' && zip.reason).toContain('zip');
  });

  it('calls NUL bytes or many control bytes binary, even behind an .html name', () => {
    expect(sniff(Buffer.from('<p>hello\u0000world</p>'), { name: 'page.html' })).toMatchObject({ kind: 'binary' });
    const noisy = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect(sniff(noisy)).toMatchObject({ kind: 'binary' });
  });

  it('does not call UTF-16 with a byte-order mark binary', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body><p>Hi</p></body></html>', 'utf16le')]);
    expect(formatOf(utf16)).toBe('html');
  });
});

describe('sniff: formats', () => {
  it('tells HTML from plain text by content, not by name', () => {
    expect(formatOf(b('<!DOCTYPE html><html><body><p>x</p></body></html>'), { name: 'a.txt' })).toBe('html');
    expect(formatOf(b('  <!-- saved page -->\n<html lang="en"><p>x</p></html>'))).toBe('html');
    expect(formatOf(b('<div class="story"><p>Only a fragment.</p></div>'))).toBe('html');
    expect(formatOf(b('Harbour bridge reopens\n\nThe bridge reopened on Monday.'), { name: 'a.html' })).toBe('text');
    expect(formatOf(b('Saved from the web\n<html><body><p>x</p></body></html>'))).toBe('html');
  });

  it('recognises feeds by their root element, whatever the extension', () => {
    expect(formatOf(b('<?xml version="1.0"?>\n<!-- c -->\n<?xml-stylesheet href="s.xsl"?>\n<rss version="2.0"><channel/></rss>'), { name: 'x.xml' })).toBe('feed');
    expect(formatOf(b('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>'), { name: 'x.html' })).toBe('feed');
    expect(formatOf(b('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel/></rdf:RDF>'))).toBe('feed');
    expect(formatOf(b('<?xml version="1.0"?><opml version="2.0"><body/></opml>'))).toBe('opml');
  });

  it('sends a .rss file holding an HTML page, or any unknown XML document, to the feed parser to be rejected', () => {
    expect(formatOf(b('<head><title>Document Moved</title></head><body>moved</body>'), { name: 'old.rss' })).toBe('feed');
    expect(formatOf(b('<head><title>Document Moved</title></head>'), { mediaType: 'application/rss+xml' })).toBe('feed');
    expect(formatOf(b('<?xml version="1.0"?><catalog><book/></catalog>'))).toBe('feed');
    expect(formatOf(b('<head><title>Document Moved</title></head><body>moved</body>'))).toBe('html');
  });

  it('tells JSON, JSON Lines and JSON Feed apart', () => {
    expect(formatOf(b('{"url":"https://a.example/1","text":"x"}'))).toBe('json');
    expect(formatOf(b('[{"url":"https://a.example/1","text":"x"}]'))).toBe('json');
    expect(formatOf(b('{"url":"u","text":"a"}\n{"url":"v","text":"b"}\n'))).toBe('jsonl');
    expect(formatOf(b('{"url":"u","text":"a"}\n{"url": broken\n'))).toBe('jsonl');
    expect(formatOf(b('{"url":"u","text":"a"}'), { name: 'one.jsonl' })).toBe('jsonl');
    expect(formatOf(b('{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[]}'))).toBe('json-feed');
    expect(formatOf(b('[{"url":"u","text":"trunc'))).toBe('json');
  });
});

describe('rootElement', () => {
  it('skips prolog, comments, processing instructions and non-HTML doctypes', () => {
    expect(rootElement('\ufeff<?xml version="1.0"?><!-- a --><!DOCTYPE rss SYSTEM "x"><rss>')).toBe('rss');
    expect(rootElement('<!doctype HTML><html>')).toBe('!doctype html');
    expect(rootElement('plain')).toBeNull();
  });
});
