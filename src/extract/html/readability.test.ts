import { describe, expect, it } from 'vitest';
import { parseDocument, textOf } from './dom.js';
import { runReadability } from './readability.js';

const para = (n: number): string =>
  `<p>Absatz ${n}: Die Gemeinde Seewald hat am Mittwoch ihr neues Hallenbad eröffnet, nach drei Jahren Bauzeit, vielen Diskussionen im Gemeinderat und einer Kostensteigerung von fast zwanzig Prozent.</p>`;

describe('runReadability', () => {
  it('finds the main content and keeps class names', () => {
    const doc = parseDocument(
      `<html lang="de"><head><title>Hallenbad eröffnet</title></head><body><nav><a href="/">Start</a></nav><article>${[1, 2, 3, 4].map(para).join('')}<p class="schluss-note">Ende.</p></article></body></html>`,
    );
    const r = runReadability(doc);
    expect(r.failure).toBeNull();
    expect(r.content && textOf(r.content)).toContain('Absatz 4');
    expect(r.content?.querySelector('.schluss-note')).not.toBeNull();
    expect(r.lang).toBe('de');
  });

  it('reports a null result instead of throwing', () => {
    const r = runReadability(parseDocument('<html><body></body></html>'));
    expect(r.content).toBeNull();
    expect(r.failure).toBe('null result');
  });

  it('reports a thrown error instead of throwing', () => {
    const broken = parseDocument('<html><body><p>x</p></body></html>');
    Object.defineProperty(broken, 'documentElement', { get: () => { throw new Error('kaputt'); } });
    const r = runReadability(broken);
    expect(r.content).toBeNull();
    expect(r.failure).toMatch(/^threw: /);
  });
});
