/**
 * The entity gate (entities.ts) on invented text: each failure kind of issue 19 rebuilt against the invented sources
 * of test/corpus/rewrites, each next to the sentence as the sources write it (which passes).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleText, extractDocument } from '../extract/index.js';
import { buildSourceIndex, verifyClaim } from './index.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'corpus', 'rewrites');
const docs = ['herald.txt', 'courier.txt', 'wire.txt'].map((f) => ({ id: f, text: articleText(extractDocument({ content: readFileSync(join(corpus, f), 'utf8'), kind: 'text' })) }));
const index = buildSourceIndex(docs);
const verdict = (claim: string): string => verifyClaim(claim, index).verdict;

describe('the entity gate: a name must be a name the evidence writes, or the same person\'s other form', () => {
  it('"said France in a statement" is not supported by "said Air France in a statement"', () => {
    const sources = [{ id: 'a', text: 'Marie Dubois, a spokeswoman, said Air France in a statement that the flight had landed safely.' }];
    expect(verifyClaim('Marie Dubois said Air France in a statement that the flight had landed safely.', sources).verdict).toBe('supported');
    const r = verifyClaim('Marie Dubois said France in a statement that the flight had landed safely.', sources);
    expect(r.verdict).not.toBe('supported');
    expect(r.missing).toContain('France');
  });

  // [the error rebuilt, the sentence as the sources write it]
  const cases: [string, string, string][] = [
    ['an organisation cut to the place it begins with', 'Castellan said in a statement that it had flown two injured sailors to Castellan Clinic on a medical flight.', 'Air Castellan said in a statement that it had flown two injured sailors to Castellan Clinic on a medical flight.'],
    ['a body cut to its last word', 'Control said the crew had activated an emergency beacon shortly before the yacht went over.', 'Harbour Control said the crew had activated an emergency beacon shortly before the yacht went over.'],
    ['a place cut from a longer name', 'Air Castellan said in a statement that it had flown two injured sailors to Castellan on a medical flight.', 'Air Castellan said in a statement that it had flown two injured sailors to Castellan Clinic on a medical flight.'],
    ['a place lengthened into another name', 'Eleven crew members were rescued on Sunday after the racing yacht Morning Gull capsized in heavy seas off Castellan Clinic, the race organisers said.', 'Eleven crew members were rescued on Sunday after the racing yacht Morning Gull capsized in heavy seas off Castellan, the race organisers said.'],
    ['a family-name-first name cut to its given name', 'Vanna visited the injured sailors at Castellan Clinic on Monday evening.', 'Mr Tep visited the injured sailors at Castellan Clinic on Monday evening.'],
    ['a name the sources write in full every time cut to its last word', 'Sen told reporters the opposition would raise the rescue in parliament.', 'Chau Sen told reporters the opposition would raise the rescue in parliament.'],
    ['an abbreviation\'s full stop dropped, two sentences run together', 'Chau Sen said the rescue had been close to a disaster, according to a statement released by Chau Sen The statement was issued on Monday.', 'Chau Sen said the rescue had been close to a disaster, and a new station would save lives in future, according to a statement released by Chau Sen.'],
    ['a role noun turned into a person the source does not bind to it', 'Rafe Doss declined to comment on the timing of the storm warning.', 'The current harbour board president declined to comment on the timing of the storm warning.'],
    ['a pronoun turned into a body', 'Team Morning Gull added that the boat would be towed back to Castellan once the sea calmed.', 'He added that the boat would be towed back to Castellan once the sea calmed.'],
    ['a quote given to another person who shares the speaker\'s surname', '"The water was so cold that I could not feel my hands after the first ten minutes," Daniel Okoro said.', '"The water was so cold that I could not feel my hands after the first ten minutes," Okoro said.'],
  ];
  for (const [kind, wrong, right] of cases) {
    it(`fails ${kind}`, () => {
      expect(verdict(right), right).toBe('supported');
      expect(verdict(wrong), wrong).not.toBe('supported');
    });
  }

  it('keeps the forms the sources license: a family name written first, a surname with an honorific', () => {
    expect(verdict('Mr Tep promised the lifeboat volunteers new equipment.')).toBe('supported');
    expect(verdict('Tep Vanna later met the lifeboat volunteers at the harbour.')).toBe('supported');
    expect(verdict('Race director Ilse Marnow said the fleet would remain in port until Wednesday while the weather cleared.')).toBe('supported');
  });
});
