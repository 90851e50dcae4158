import { describe, expect, it } from 'vitest';
import { dropLexicalBoilerplate, isEndMarker, isUiLine } from './lexicon.js';

const long = (s: string) => `${s} `.repeat(6).trim();
const P1 = long('La municipalité de Valbrune a inauguré samedi sa nouvelle médiathèque au cœur du vieux bourg.');
const P2 = long('Il giardino botanico di Castelrovo riapre dopo due anni di lavori e accoglie i primi visitatori.');
const P3 = long('The harbour authority in Kestrel Bay said the new breakwater would be finished before winter.');

describe('lexicon', () => {
  it('recognises end markers and UI lines in several languages, only when short', () => {
    for (const m of ['Mehr zum Thema', 'À lire aussi :', 'Czytaj też', 'Related stories', 'Kommentare (3)', 'Leggi anche']) expect(isEndMarker(m)).toBe(true);
    for (const u of ['Anzeige', 'Advertisement', 'Publicité', 'Crédits photos : Agence Nordlicht', '© 2026 Kestrel Bay Gazette. All rights reserved.', 'zurück', 'Tags: Hafen, Winter']) {
      expect(isUiLine(u)).toBe(true);
    }
    expect(isUiLine('Have you been affected? Contact the newsroom at news@kestrel-gazette.example or call 01632 960 111.')).toBe(true);
    expect(isEndMarker(`Mehr zum Thema ${P1}`)).toBe(false);
    expect(isUiLine(P3)).toBe(false);
  });

  it('cuts the tail after an end marker near the end, keeps the body', () => {
    const out = dropLexicalBoilerplate([P1, P2, P3, 'Auch interessant', 'Neue Fähre für Kestrel Bay', 'Hafenfest abgesagt']);
    expect(out.paragraphs).toEqual([P1, P2, P3]);
    expect(out.removed[0]?.reason).toBe('related:end-marker');
  });

  it('drops a mid-body marker with its linked title but keeps the text after it', () => {
    const out = dropLexicalBoilerplate([P1, P2, 'À lire aussi', 'Valbrune : la piscine rouvre', P3, P1.replace('Valbrune', 'Orvenne'), P2.replace('Castelrovo', 'Ventaglio')]);
    expect(out.paragraphs).toHaveLength(5);
    expect(out.paragraphs).not.toContain('À lire aussi');
  });

  it('drops a pull quote that repeats a sentence of the body', () => {
    const quote = 'We will not open the gate again until it is safe to do so';
    const withQuote = `The engineer said: "${quote}", before leaving the site on Tuesday evening.`;
    const out = dropLexicalBoilerplate([P3, withQuote, quote, 'Anzeige', P1]);
    expect(out.paragraphs).toEqual([P3, withQuote, P1]);
    expect(out.removed.map((r) => r.reason)).toEqual(['ui-line', 'repeated']);
  });
});
