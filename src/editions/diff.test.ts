import { describe, expect, it } from 'vitest';
import { changeSummary, diffSnapshots, movedPhrase, spanCheckOf } from './diff.js';
import type { EditionSnapshot } from './types.js';

const cite = (articleId: string, text: string, start = 0) => ({ articleId, start, end: start + text.length, text });
const fact = (articleId: string, text: string) => ({ text, citations: [cite(articleId, text)] });
const src = (articleId: string, publisher: string) => ({ articleId, publisher, title: `${publisher} report`, familyId: `family:${articleId}`, url: null });

const v1: EditionSnapshot = {
  headline: 'Flood in Dunmore',
  facts: [fact('1', 'The flood damaged 300 homes in Dunmore on Monday.'), fact('1', 'The river rose two metres overnight.'), fact('2', 'The mayor opened the school gym as a shelter.')],
  sources: [src('1', 'Valley Post'), src('2', 'Coast Herald')],
};

describe('diffSnapshots', () => {
  it('makes every fact and source of a first edition added', () => {
    const changes = diffSnapshots(null, v1, () => true);
    expect(changes.map((c) => c.kind)).toEqual(['added', 'added', 'added', 'source-added', 'source-added']);
    expect(changes[0]!.citations[0]!.articleId).toBe('1');
  });

  it('tells a moved number from a new fact, and names the new source', () => {
    const v2: EditionSnapshot = {
      headline: v1.headline,
      facts: [fact('3', 'The flood damaged 412 homes in Dunmore on Monday.'), fact('1', 'The river rose two metres overnight.'), fact('3', 'Insurers opened a claims desk at the town hall.')],
      sources: [...v1.sources, src('3', 'Lake Times')],
    };
    const texts = new Map([['1', v1.facts[1]!.text], ['2', v1.facts[2]!.text], ['3', 'x']]);
    const changes = diffSnapshots(v1, v2, spanCheckOf(texts));
    expect(changes).toEqual([
      { kind: 'updated', text: 'The flood damaged 412 homes in Dunmore on Monday.', before: '300', after: '412', citations: [cite('3', 'The flood damaged 412 homes in Dunmore on Monday.')] },
      { kind: 'added', text: 'Insurers opened a claims desk at the town hall.', citations: [cite('3', 'Insurers opened a claims desk at the town hall.')] },
      { kind: 'source-added', text: 'Lake Times: Lake Times report', citations: [] },
    ]);
    expect(changeSummary(changes)).toBe('1 fact added, 1 number updated, 1 source added (412, up from 300)');
  });

  it('withdraws a fact whose only source no longer says it, and not one left out for length', () => {
    const v2: EditionSnapshot = { headline: v1.headline, facts: [v1.facts[0]!], sources: v1.sources };
    // Article 2 was corrected (its text no longer holds the span); article 1 still says the river fact.
    const texts = new Map([['1', 'The river rose two metres overnight.'], ['2', 'The mayor opened the church hall.']]);
    const changes = diffSnapshots(v1, v2, spanCheckOf(texts));
    expect(changes).toEqual([{ kind: 'withdrawn', text: 'The mayor opened the school gym as a shelter.', citations: v1.facts[2]!.citations }]);
  });

  it('does not take two different facts with numbers for a revision', () => {
    const a: EditionSnapshot = { headline: 'h', facts: [fact('1', 'Seven people died in the fire.')], sources: [] };
    const b: EditionSnapshot = { headline: 'h', facts: [fact('1', 'Seven people died in the fire.'), fact('2', 'Firefighters needed 4 hours to reach the third floor.')], sources: [] };
    expect(diffSnapshots(a, b, () => true).map((c) => c.kind)).toEqual(['added']);
  });
});

describe('movedPhrase', () => {
  it('says which way a number moved', () => {
    expect(movedPhrase('300', '412')).toBe('412, up from 300');
    expect(movedPhrase('1,200', '900')).toBe('900, down from 1,200');
    expect(movedPhrase('3, 4', '5, 6')).toBe('5, 6, was 3, 4');
  });
});

describe('numbers written as words', () => {
  it('are numbers that move', () => {
    const a: EditionSnapshot = { headline: 'h', facts: [fact('1', 'Six people were taken to hospital on Monday.')], sources: [] };
    const b: EditionSnapshot = { headline: 'h', facts: [fact('2', 'Four people were taken to hospital on Monday.')], sources: [] };
    expect(diffSnapshots(a, b, () => false)).toEqual([{ kind: 'updated', text: 'Four people were taken to hospital on Monday.', before: 'Six', after: 'Four', citations: b.facts[0]!.citations }]);
    expect(movedPhrase('Six', 'Four')).toBe('Four, down from Six');
  });
});
