import { describe, expect, it } from 'vitest';
import { contentWords, foldWhitespace, isStopword, normalizeForMatch, normalizeQuotes, stem, stripDiacritics, tokenize } from './tokens.js';

describe('normalisation', () => {
  it('folds typographic quotes', () => {
    expect(normalizeQuotes('‘Hi’ ‚x‛ “a” „b‟ 5′ 6″')).toBe(`'Hi' 'x' "a" "b" 5' 6"`);
  });
  it('folds whitespace including no-break spaces', () => {
    expect(foldWhitespace('  a\u00a0 b\n\tc  ')).toBe('a b c');
  });
  it('strips diacritics for matching', () => {
    expect(stripDiacritics('Müller Ségolène Straße')).toBe('Muller Segolene Strasse');
    expect(normalizeForMatch('  “Zürich” – Ça ')).toBe('"zurich" - ca');
  });
});

describe('tokenize', () => {
  it('keeps offsets, inner apostrophes and hyphens, numbers with separators', () => {
    const text = 'The mayor’s co-ordination plan cost $1,250.50 — don\'t panic.';
    const toks = tokenize(text);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(toks.map((t) => t.text)).toEqual(['The', 'mayor’s', 'co-ordination', 'plan', 'cost', '1,250.50', "don't", 'panic']);
    expect(toks.find((t) => t.text === '1,250.50')!.kind).toBe('number');
    expect(toks[1]!.norm).toBe("mayor's");
  });
  it('handles non-Latin scripts without crashing', () => {
    expect(tokenize('Привет, мир! 東京 Ελλάδα').map((t) => t.text)).toEqual(['Привет', 'мир', '東京', 'Ελλάδα']);
  });
});

describe('stem', () => {
  it('folds plurals, -ing and -ed onto one key', () => {
    for (const group of [
      ['talk', 'talks', 'talked', 'talking'],
      ['hope', 'hoped', 'hoping', 'hopes'],
      ['stop', 'stopped', 'stopping'],
      ['country', 'countries'],
      ['guarantee', 'guarantees', 'guaranteed'],
      ['study', 'studied', 'studies'],
    ]) {
      expect(new Set(group.map(stem)).size).toBe(1);
    }
  });
  it('leaves short and exceptional words alone', () => {
    expect(stem('news')).toBe('news');
    expect(stem('crisis')).toBe('crisis');
    expect(stem('bus')).toBe('bus');
    expect(stem('Russia’s')).toBe('russia');
  });
});

describe('stopwords and content words', () => {
  it('knows English and a few other languages', () => {
    expect(isStopword('the')).toBe(true);
    expect(isStopword('und', 'de')).toBe(true);
    expect(isStopword('avec', 'fr')).toBe(true);
    expect(isStopword('pero', 'es')).toBe(true);
    expect(isStopword('reservoir')).toBe(false);
  });
  it('extracts stemmed content words', () => {
    const words = contentWords('The engineers were checking the reservoirs after the floods.');
    expect(words.map((w) => w.stem)).toEqual(['engineer', 'check', 'reservoir', 'flood']);
  });
});
