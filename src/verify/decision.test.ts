/**
 * The shipped decision (features + model/verifier.json + its threshold) on invented text: a paraphrase through a
 * WordNet synonym passes, one changed fact does not, and a sentence copied verbatim always passes (the composer
 * publishes copies: a verifier that rejects one is wrong, whatever the model learned).
 */
import { describe, expect, it } from 'vitest';
import { buildSourceIndex, verifyClaim } from './index.js';

const SRC = buildSourceIndex([
  {
    id: 'port',
    text: [
      'Mayor Elena Voss met harbour master Tom Ardley at the ferry terminal on Monday.',
      'Elena Voss praised Tom Ardley for the quick repair of the damaged pier.',
      'Sir Keir described the talks as "good and constructive" and said there was a "real sense of unity" between the European leaders, Mr Trump and Mr Zelensky.',
      'Harbour master Tom Ardley said the repair cost 40,000 pounds and the pier would reopen in June.',
      'The council increased the budget for the harbour after the storm.',
    ].join('\n\n'),
  },
]);
const verdict = (claim: string): string => verifyClaim(claim, SRC).verdict;

describe('the shipped decision', () => {
  it('supports every source sentence copied verbatim, honorifics and lists included', () => {
    for (const s of (SRC.sources[0]!.doc.text).split('\n\n')) expect(verdict(s), s).toBe('supported');
  });
  it('supports a paraphrase through a WordNet synonym and an apposition turned round', () => {
    expect(verdict('Elena Voss praised Tom Ardley for the fast repair of the damaged pier.')).toBe('supported');
    expect(verdict('Tom Ardley, the harbour master, said the repair cost 40,000 pounds and the pier would reopen in June.')).toBe('supported');
  });
  it('does not support an antonym, a changed number, a swapped entity or swapped roles', () => {
    expect(verdict('The council decreased the budget for the harbour after the storm.')).toBe('contradicted');
    expect(verdict('Harbour master Tom Ardley said the repair cost 90,000 pounds and the pier would reopen in June.')).not.toBe('supported');
    expect(verdict('Elena Voss praised Marta Quill for the quick repair of the damaged pier.')).not.toBe('supported');
    expect(verdict('Tom Ardley praised Elena Voss for the quick repair of the damaged pier.')).not.toBe('supported');
  });
});

describe('paraphrases a model writes', () => {
  const firm = buildSourceIndex([
    {
      id: 'firm',
      text: [
        'Moderna reported a steep fall in vaccine sales for the fourth quarter on Thursday.',
        'The company said its new vaccine would be filed for approval next year.',
        'The runner fell on the last bend and finished fourth.',
      ].join('\n\n'),
    },
  ]);
  const v = (claim: string): string => verifyClaim(claim, firm).verdict;
  it('takes a definite description the sources use for the referent ("the company" for Moderna), not one they never use', () => {
    const company = verifyClaim('The company reported a steep fall in vaccine sales for the fourth quarter on Thursday.', firm);
    expect(company.verdict).toBe('supported');
    expect(company.missing).toEqual([]);
    // One word no source writes so is missing; whether one such word sinks the claim is the model's call.
    const government = verifyClaim('The government reported a steep fall in vaccine sales for the fourth quarter on Thursday.', firm);
    expect(government.missing).toEqual(['government']);
    expect(government.score).toBeLessThan(company.score);
  });
  it('takes a more specific verb of the same event (a troponym: "plunged" for "fell")', () => {
    expect(v('The runner plunged on the last bend and finished fourth.')).toBe('supported');
  });
  it('contradicts a paraphrase negated ("did not tumble" for "fell")', () => {
    expect(v('The runner did not tumble on the last bend.')).toBe('contradicted');
  });
});

describe('a claim fused from two source sentences', () => {
  const hall = buildSourceIndex([{ id: 'hall', text: 'The rally in the town hall lasted longer than planned.\n\nMen will no longer be allowed inside the town hall, the owner said.' }]);
  it('negates what one of its sentences negates, though the other says the word plainly', () => {
    const r = verifyClaim('The rally in the town hall lasted longer than planned, and men will no longer be allowed inside the town hall.', hall);
    expect(r.conflicts).toEqual([]);
    expect(r.verdict).toBe('supported');
  });
  it('still contradicts a negation no source sentence makes', () => {
    expect(verifyClaim('The rally in the town hall did not last longer than planned.', hall).verdict).toBe('contradicted');
  });
});
