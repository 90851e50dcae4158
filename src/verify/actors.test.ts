/** A name put where the source's role noun, pronoun or name refers to someone else (invented text). */
import { describe, expect, it } from 'vitest';
import { auditArticle, buildSourceIndex, verifyClaim, type ClaimResult } from './index.js';

const SUMMIT = {
  id: 'novaria-herald',
  published: '2031-05-14',
  text: [
    'President Marta Ilves of Novaria arrived in Castellan on Tuesday for talks with Chancellor Jonas Berg.',
    'Mr Berg welcomed the delegation at the airport and spoke of a new chapter.',
    'The president appeared to doubt whether a trade deal was possible this year.',
    'She later told reporters that the talks had been useful but slow.',
    'Jonas Berg signed a separate port agreement with the Novarian shipping minister.',
  ].join('\n\n'),
};

const PAIR = {
  id: 'castellan-post',
  text: [
    'Jonas Berg and Tomas Okafor met on Friday to discuss the budget.',
    'He said the meeting had gone well.',
    'The summit guests included President Marta Ilves, German chancellor Jonas Berg and several ministers.',
  ].join('\n\n'),
};

const conflictOf = (r: ClaimResult): ClaimResult['conflicts'][number] | undefined => r.conflicts.find((c) => c.kind === 'person-in-role' || c.kind === 'actor');

describe('a named person in the place of a source role noun or pronoun', () => {
  const index = buildSourceIndex([SUMMIT, PAIR]);

  it('contradicts another person where the source says "the president", naming the president', () => {
    const r = verifyClaim('Jonas Berg appeared to doubt whether a trade deal was possible this year.', index);
    expect(r.verdict).toBe('contradicted');
    const c = conflictOf(r);
    expect(c?.kind).toBe('person-in-role');
    expect(c?.sourceSpan).toMatch(/president.*Marta Ilves/i);
    expect(c?.explanation).toMatch(/Marta Ilves/);
    expect(c?.evidence.text).toMatch(/^The president appeared to doubt/);
    // A bare surname at the start of the claim (which the claim's own analysis cannot tell from a common word).
    expect(verifyClaim('Berg appeared to doubt whether a trade deal was possible this year.', index).verdict).toBe('contradicted');
  });

  it('supports the person the role noun stands for', () => {
    for (const claim of ['Marta Ilves appeared to doubt whether a trade deal was possible this year.', 'The president appeared to doubt whether a trade deal was possible this year.']) {
      const r = verifyClaim(claim, index);
      expect(r.verdict, claim).toBe('supported');
      expect(r.conflicts, claim).toEqual([]);
    }
    // A bare surname opening the claim reads as a plain word there (not found in that sentence), but never as another
    // person.
    expect(conflictOf(verifyClaim('Ilves appeared to doubt whether a trade deal was possible this year.', index))).toBeUndefined();
  });

  it('contradicts another person where the source says "she", and supports the antecedent', () => {
    const r = verifyClaim('Jonas Berg later told reporters that the talks had been useful but slow.', index);
    expect(r.verdict).toBe('contradicted');
    expect(conflictOf(r)).toMatchObject({ kind: 'actor', claimSpan: 'Jonas Berg' });
    expect(conflictOf(r)?.explanation).toMatch(/Marta Ilves/);
    expect(verifyClaim('Marta Ilves later told reporters that the talks had been useful but slow.', index).verdict).toBe('supported');
  });

  it('contradicts a known person put in the place of another named one', () => {
    const r = verifyClaim('Marta Ilves signed a separate port agreement with the Novarian shipping minister.', index);
    expect(r.verdict).toBe('contradicted');
    expect(conflictOf(r)?.explanation).toMatch(/Jonas Berg/);
  });

  it('says nothing of a pronoun with two possible antecedents, and does not take either name as bound', () => {
    for (const [claim, name] of [['Tomas Okafor said the meeting had gone well.', 'Tomas Okafor'], ['Jonas Berg said the meeting had gone well.', 'Jonas Berg']] as const) {
      const r = verifyClaim(claim, index);
      expect(conflictOf(r), claim).toBeUndefined();
      // The entity gate (entities.ts): "He said" binds neither person, so the name is not in the evidence.
      expect(r.verdict, claim).toBe('unsupported');
      expect(r.missing, claim).toContain(name);
    }
  });

  it('does not take an object pronoun for its own clause\'s subject', () => {
    const ix = buildSourceIndex([{ id: 'x', text: 'Chancellor Jonas Berg hosted the dinner. President Marta Ilves, visibly moved, thanked him for the invitation.' }]);
    expect(conflictOf(verifyClaim('President Marta Ilves, visibly moved, thanked Jonas Berg for the invitation.', ix))).toBeUndefined();
  });

  it('does not read a list of names and titles as one person in another one\'s slot', () => {
    const r = verifyClaim('Jonas Berg, German chancellor, was among the summit guests.', index);
    expect(conflictOf(r)).toBeUndefined();
  });

  it('leaves an unknown name to word-level support (unsupported, not contradicted)', () => {
    expect(verifyClaim('Karl Weiss signed a separate port agreement with the Novarian shipping minister.', index).verdict).toBe('unsupported');
  });

  it('resolves the audited article\'s own names too', () => {
    const article = { text: 'Marta Ilves arrived in Castellan on Tuesday. Berg appeared to doubt whether a trade deal was possible this year.' };
    const r = auditArticle(article, [SUMMIT]);
    expect(r.sentences.map((s) => s.verdict)).toEqual(['supported', 'contradicted']);
  });
});
