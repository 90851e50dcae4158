import { describe, expect, it } from 'vitest';
import { canonicalEncoding, decodeBytes } from './decode.js';

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('decodeBytes', () => {
  it('honours a byte-order mark over everything else', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße aus Köln', 'utf16le')]);
    const d = decodeBytes(bytes, 'html', 'iso-8859-1');
    expect(d).toMatchObject({ text: 'Grüße aus Köln', encoding: 'utf-16le', foundBy: 'bom' });
  });

  it('takes the transport charset before the document declaration', () => {
    const page = latin1('<html><head><meta charset="utf-8"></head><body>Café crème</body></html>');
    const d = decodeBytes(page, 'html', 'ISO-8859-1');
    expect(d.foundBy).toBe('transport');
    expect(d.text).toContain('Café crème');
  });

  it('reads <meta charset> and http-equiv declarations', () => {
    const page = latin1('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>Señora Núñez</body></html>');
    expect(decodeBytes(page, 'html')).toMatchObject({ encoding: 'windows-1252', foundBy: 'declared' });
    expect(decodeBytes(page, 'html').text).toContain('Señora Núñez');
  });

  it('finds a <meta charset> that comes after more than 1024 bytes of scripts', () => {
    const head = '<html><head>' + '<script>var archive = "wrapper";</script>\n'.repeat(60);
    const gbk = Buffer.from(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])); // 你好 in GBK
    const page = Buffer.concat([Buffer.from(head + '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'), gbk, Buffer.from('</body></html>')]);
    expect(head.length).toBeGreaterThan(1024);
    const d = decodeBytes(page, 'html');
    expect(d.encoding).toBe('gbk');
    expect(d.text).toContain('你好');
  });

  it('reads the XML prolog for feeds', () => {
    const feed = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Notícias da Mãe</title></channel></rss>');
    expect(decodeBytes(feed, 'xml')).toMatchObject({ foundBy: 'declared' });
    expect(decodeBytes(feed, 'xml').text).toContain('Notícias da Mãe');
  });

  it('falls back to windows-1252 with a warning when declared UTF-8 is not UTF-8', () => {
    const page = latin1('<html><head><meta charset="utf-8"></head><body>Zürich à côté</body></html>');
    const d = decodeBytes(page, 'html');
    expect(d.text).toContain('Zürich à côté');
    expect(d.encoding).toBe('windows-1252');
    expect(d.warnings.join(' ')).toMatch(/not valid UTF-8/);
  });

  it('keeps a UTF-8 page with a stray broken sequence as UTF-8 (a title cut mid-character)', () => {
    const prose = 'Żółte łódki płyną wzdłuż brzegu, a gęsi śpią na łące. '.repeat(3);
    const cut = Buffer.from([0xc5]); // the first byte of "Ś" alone: a string cut mid-character
    const page = Buffer.concat([Buffer.from(`<html><head><meta charset="utf-8"></head><body><p>${prose}</p><a>`), cut, Buffer.from('...</a></body></html>')]);
    const d = decodeBytes(page, 'html');
    expect(d).toMatchObject({ encoding: 'utf-8', foundBy: 'declared' });
    expect(d.text).toContain(prose);
    expect(d.text).toContain('\uFFFD...');
    expect(d.warnings.join(' ')).toMatch(/a few invalid byte sequences/);
    // Undeclared, the same bytes are read as UTF-8 too.
    const bare = Buffer.concat([Buffer.from(prose), cut]);
    expect(decodeBytes(bare, 'text')).toMatchObject({ encoding: 'utf-8', text: `${prose}\uFFFD` });
  });

  it('uses UTF-8 when nothing is declared and the bytes are valid UTF-8, else windows-1252 with a warning', () => {
    expect(decodeBytes(Buffer.from('Ärger über Öl'), 'text')).toMatchObject({ text: 'Ärger über Öl', foundBy: 'utf-8-valid', warnings: [] });
    const d = decodeBytes(latin1('Ärger über Öl'), 'text');
    expect(d.text).toBe('Ärger über Öl');
    expect(d.warnings).toHaveLength(1);
  });

  it('prefers UTF-8 when a page declares a legacy encoding but its bytes are valid multi-byte UTF-8', () => {
    const page = Buffer.from('<html><head><meta charset="Shift_JIS"></head><body>東京の天気は晴れ</body></html>');
    const d = decodeBytes(page, 'html');
    expect(d.text).toContain('東京の天気は晴れ');
    expect(d.encoding).toBe('utf-8');
    expect(d.warnings.join(' ')).toMatch(/declared in the document as shift_jis but the bytes are valid UTF-8/);
    // Real Shift_JIS bytes stay Shift_JIS.
    const sjis = Buffer.concat([Buffer.from('<html><head><meta charset="Shift_JIS"></head><body>'), Buffer.from([0x93, 0x8c, 0x8b, 0x9e]), Buffer.from('</body></html>')]);
    expect(decodeBytes(sjis, 'html')).toMatchObject({ encoding: 'shift_jis' });
    expect(decodeBytes(sjis, 'html').text).toContain('東京');
  });

  it('ignores an unknown transport charset, with a warning', () => {
    const d = decodeBytes(Buffer.from('plain words'), 'text', 'x-made-up');
    expect(d.text).toBe('plain words');
    expect(d.warnings.join(' ')).toMatch(/unknown charset "x-made-up"/);
  });

  it('canonicalises labels', () => {
    expect(canonicalEncoding('latin1')).toBe('windows-1252');
    expect(canonicalEncoding(' UTF8 ')).toBe('utf-8');
    expect(canonicalEncoding('nonsense')).toBeNull();
  });
});
