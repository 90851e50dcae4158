/** The training-set generator on an invented article: every type it can make here, labelled as its type says. */
import { describe, expect, it } from 'vitest';
import { FAITHFUL, synthesize } from './synth.js';

const ARTICLE = [
  'The Harbourton council approved the new bridge on Tuesday, after four years of debate.',
  'Mayor Elena Voss said the bridge would cost 40 million pounds and open in 2027.',
  'In the old town, residents welcomed the plan, the local paper said.',
  'Transport minister Tom Ardley is expected to visit the site with Elena Voss next week.',
  'The bridge will carry 12,000 cars a day across the wide river, which floods most winters.',
  'Critics warned that the large project was too expensive for a small city.',
];
const FOREIGN = ['Fishermen in the northern bay reported a record catch of silver herring this spring.', 'The orchestra from Vienna played three concerts in the cathedral of Santiago.'];

describe('synthesize', () => {
  const examples = synthesize(ARTICLE, FOREIGN, 7, 3);
  it('makes faithful and unfaithful claims, each unfaithful one different from every source sentence', () => {
    expect(examples.some((e) => e.label === 1)).toBe(true);
    expect(examples.some((e) => e.label === 0)).toBe(true);
    for (const e of examples) expect(FAITHFUL.includes(e.type as never)).toBe(e.label === 1);
    for (const e of examples.filter((x) => x.label === 0 && x.type !== 'wrong-paragraph')) expect(ARTICLE.includes(e.claim)).toBe(false);
  });
  it('changes the number in a number edit and the weekday or year in a date edit', () => {
    const num = examples.find((e) => e.type === 'number');
    expect(num).toBeTruthy();
    expect(num!.claim).not.toMatch(/\b(40 million|12,000)\b.*\b(40 million|12,000)\b/);
    const date = examples.find((e) => e.type === 'date');
    expect(date).toBeTruthy();
    expect(ARTICLE.some((a) => a === date!.claim)).toBe(false);
  });
  it('drops the paragraph of a wrong-paragraph claim from its source, and is deterministic', () => {
    // The claim is a sentence of the dropped paragraph, or a rewrite of one (compressed, its attribution dropped).
    const content = (s: string): string[] => s.toLowerCase().match(/[a-z]{4,}/g) ?? [];
    for (const e of examples.filter((x) => x.type === 'wrong-paragraph')) {
      const words = content(e.claim);
      const dropped = new Set(content(ARTICLE[e.dropParagraph!]!));
      expect(words.filter((w) => dropped.has(w)).length, e.claim).toBeGreaterThanOrEqual(words.length * 0.6);
    }
    expect(synthesize(ARTICLE, FOREIGN, 7, 3)).toEqual(examples);
  });
  it('re-formats figures without changing them, and fuses sentences of one passage without new words', () => {
    const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    const values = (s: string): number[] => [
      ...[...s.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, ''))),
      ...(s.toLowerCase().match(/\b[a-z]+\b/g) ?? []).filter((w) => SMALL.includes(w)).map((w) => SMALL.indexOf(w)),
    ].sort((a, b) => a - b);
    const formats = examples.filter((e) => e.type === 'format');
    expect(formats.length).toBeGreaterThan(0);
    for (const e of formats) expect(ARTICLE.some((a) => a !== e.claim && JSON.stringify(values(a)) === JSON.stringify(values(e.claim))), e.claim).toBe(true);
    const passages = [ARTICLE.slice(0, 3).join(' '), ARTICLE.slice(3).join(' ')];
    const summaries = synthesize(passages, FOREIGN, 7, 3).filter((e) => e.type === 'summary');
    expect(summaries.length).toBeGreaterThan(0);
    const vocabulary = new Set(ARTICLE.join(' ').toLowerCase().match(/[a-z]+/g));
    for (const e of summaries) for (const w of e.claim.toLowerCase().match(/[a-z]+/g) ?? []) expect(vocabulary.has(w) || ['and', 'while'].includes(w), `${w} in ${e.claim}`).toBe(true);
  });
});
