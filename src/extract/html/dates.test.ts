import { describe, expect, it } from 'vitest';
import { dateFromUrl, looksLikeDateLine, normalizeDate } from './dates.js';

describe('normalizeDate', () => {
  it('keeps date-only values as YYYY-MM-DD', () => {
    expect(normalizeDate('2024-05-17')).toBe('2024-05-17');
    expect(normalizeDate('20240517')).toBe('2024-05-17');
  });

  it('keeps time and offset', () => {
    expect(normalizeDate('2024-05-17T10:15:00+02:00')).toBe('2024-05-17T10:15:00+02:00');
    expect(normalizeDate('2024-05-17T10:15+0200')).toBe('2024-05-17T10:15:00+02:00');
    expect(normalizeDate('2024-05-17T08:15:00.000Z')).toBe('2024-05-17T08:15:00Z');
    expect(normalizeDate('2024-05-17 10:15:30')).toBe('2024-05-17T10:15:30');
  });

  it('reads day-first numerals', () => {
    expect(normalizeDate('17.05.2024')).toBe('2024-05-17');
    expect(normalizeDate('17.05.2024, 10:15 Uhr')).toBe('2024-05-17T10:15:00');
  });

  it('reads RFC 2822 and English textual dates', () => {
    expect(normalizeDate('Fri, 17 May 2024 08:15:00 GMT')).toBe('2024-05-17T08:15:00Z');
    expect(normalizeDate('May 17, 2024')).toBe('2024-05-17');
  });

  it('refuses what is not a date', () => {
    expect(normalizeDate('')).toBeNull();
    expect(normalizeDate('gestern')).toBeNull();
    expect(normalizeDate('2024-13-45')).toBeNull();
    expect(normalizeDate('1234')).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it('finds dates in paths', () => {
    expect(dateFromUrl('https://kurier.example/2024/05/17/seefest-eroeffnet/')).toBe('2024-05-17');
    expect(dateFromUrl('https://journal.example/actu/2024-05-17-fete-du-lac.html')).toBe('2024-05-17');
    expect(dateFromUrl('https://diario.example/20240517/fiesta')).toBe('2024-05-17');
  });

  it('ignores numbers that are not dates', () => {
    expect(dateFromUrl('https://kurier.example/artikel/123456789')).toBeNull();
    expect(dateFromUrl('https://kurier.example/2024/13/40/x')).toBeNull();
    expect(dateFromUrl(null)).toBeNull();
  });
});

describe('looksLikeDateLine', () => {
  it('recognises datelines in several languages', () => {
    expect(looksLikeDateLine('Aktualisiert am Mittwoch, 17. Mai 2024, 10:15 Uhr')).toBe(true);
    expect(looksLikeDateLine('Publié le 17 mai 2024 à 10h15')).toBe(true);
    expect(looksLikeDateLine('17.05.2024')).toBe(true);
  });

  it('leaves sentences, prices and phone numbers alone', () => {
    expect(looksLikeDateLine('Am 17. Mai 2024 eröffnete die Gemeinde Seewald ihr neues Hallenbad für alle Bürger.')).toBe(false);
    expect(looksLikeDateLine('1.200 Euro pro Monat')).toBe(false);
    expect(looksLikeDateLine('+49 301 555-2012')).toBe(false);
  });
});
