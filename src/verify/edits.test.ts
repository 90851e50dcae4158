/**
 * Hand-made edits of source sentences: each edit must be caught, and the unchanged sentences must pass.
 * Two sets: an invented source written for this test, and edits of the seed copies in ../shared/seeds made
 * programmatically at run time (the seed texts are third-party articles: read, never copied here).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleText, extractDocument } from '../extract/index.js';
import { buildSourceIndex, verifyClaim, type SourceDoc, type Verdict } from './index.js';

const INVENTED: SourceDoc = {
  id: 'harbourton-gazette',
  publisher: 'Harbourton Gazette',
  published: '2025-03-06',
  text: [
    'The mayor of Harbourton, Elena Voss, opened the new Riverside bridge on Tuesday after four years of work.',
    'The bridge cost £40 million and needed 20,000 tonnes of steel, the city council said.',
    '"This bridge joins two halves of one city," Ms Voss said.',
    'Transport minister Tom Ardley did not attend the ceremony, which drew a crowd of about 3,000 people.',
    'Police chief Ravi Mehta said traffic on the old ferry road would be diverted for two weeks.',
  ].join('\n\n'),
};

type Case = [claim: string, expected: Verdict | 'caught', conflict?: string];

function check(index: ReturnType<typeof buildSourceIndex>, cases: Case[], published: string | null): void {
  for (const [claim, expected, conflict] of cases) {
    const r = verifyClaim(claim, index, { published });
    const why = `${claim}\n→ ${r.verdict} missing=${JSON.stringify(r.missing)} conflicts=${JSON.stringify(r.conflicts.map((c) => c.kind))}`;
    if (expected === 'caught') expect(r.verdict, why).not.toBe('supported');
    else expect(r.verdict, why).toBe(expected);
    if (conflict) expect(r.conflicts.some((c) => conflict.split('|').includes(c.kind)), why).toBe(true);
    if (expected === 'supported') expect(r.evidence.length, why).toBeGreaterThan(0);
  }
}

describe('edits of an invented source', () => {
  const index = buildSourceIndex([INVENTED]);
  it('passes the unchanged sentences and light paraphrases', () => {
    check(index, [
      ['The mayor of Harbourton, Elena Voss, opened the new Riverside bridge on Tuesday after four years of work.', 'supported'],
      ['The bridge cost £40 million and needed 20,000 tonnes of steel, the city council said.', 'supported'],
      ['"This bridge joins two halves of one city," Ms Voss said.', 'supported'],
      ['Transport minister Tom Ardley did not attend the ceremony.', 'supported'],
      ['Elena Voss opened the Riverside bridge on 4 March.', 'supported'],
      ['The bridge needed 20 000 tonnes of steel.', 'supported'],
      ['Police chief Ravi Mehta said traffic would be diverted for two weeks.', 'supported'],
    ], '2025-03-06');
  });
  it('catches each edit', () => {
    check(index, [
      ['The mayor of Harbourton, Karl Brandt, opened the new Riverside bridge on Tuesday.', 'unsupported'],
      ['The bridge cost £50 million, the city council said.', 'contradicted', 'number'],
      ['The bridge needed 30,000 tonnes of steel.', 'contradicted', 'number'],
      ['Elena Voss opened the new Riverside bridge on Thursday.', 'contradicted', 'date'],
      ['Elena Voss did not open the new Riverside bridge.', 'contradicted', 'negation'],
      ['Transport minister Tom Ardley attended the ceremony.', 'contradicted', 'negation'],
      ['"This bridge unites two halves of one city," Ms Voss said.', 'contradicted', 'altered-quote'],
      ['"This bridge joins two halves of one city," Ravi Mehta said.', 'contradicted', 'speaker'],
      ['According to Reuters, the bridge cost £40 million.', 'unsupported'],
      ['Police chief Ravi Mehta said traffic would be diverted for three weeks.', 'contradicted', 'number'],
      ['The bridge cost £40 million and needed 20,000 tonnes of steel and copper.', 'unsupported'],
      ['Ms Voss said the bridge was "a monument to the people of the river".', 'unsupported'],
    ], '2025-03-06');
  });
});

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'seeds');
const seedsPresent = existsSync(path.join(seedsDir, 'gold.json'));

describe.skipIf(!seedsPresent)('edits of seed sentences (../shared/seeds, read at run time)', () => {
  const files = seedsPresent ? readdirSync(seedsDir).filter((f) => /^00[0234]_.*\.txt$/.test(f)).sort() : [];
  const docs: SourceDoc[] = files.map((f) => {
    const a = extractDocument({ content: readFileSync(path.join(seedsDir, f), 'utf8'), kind: 'text' });
    return { id: f, text: [articleText(a), ...a.captions].join('\n\n'), published: a.published, publisher: a.publisher };
  });
  const index = seedsPresent ? buildSourceIndex(docs) : null;
  const all = docs.map((d) => d.text).join('\n\n');
  /** The source sentence holding `needle` (first one found), as a claim. */
  const sentence = (needle: string): string => {
    const at = all.indexOf(needle);
    expect(at, `seed text has changed: "${needle}" not found`).toBeGreaterThanOrEqual(0);
    const from = Math.max(all.lastIndexOf('\n', at) + 1, 0);
    const to = all.indexOf('\n', at);
    return all.slice(from, to < 0 ? all.length : to).trim();
  };
  const edit = (s: string, from: string | RegExp, to: string): string => {
    const out = s.replace(from, to);
    expect(out, `edit ${String(from)} did not apply to: ${s}`).not.toBe(s);
    return out;
  };

  it('passes the unchanged seed sentences', () => {
    check(index!, [
      [sentence('At least 20,000 children were taken'), 'supported'],
      [sentence('will co-chair a call on Tuesday morning'), 'supported'],
      [sentence('German chancellor Friedrich Merz'), 'supported'],
      [sentence('Mr Trump called the talks'), 'supported'],
      [sentence('Mr Zelensky said: "We are very happy'), 'supported'],
      [sentence('Germany’s Friedrich Merz will host'), 'supported'],
      [sentence('met with Mr Putin in Anchorage'), 'supported'],
    ], null);
  });

  it('catches each programmatic edit', () => {
    const children = sentence('At least 20,000 children were taken');
    const call = sentence('will co-chair a call on Tuesday morning');
    const caption = sentence('German chancellor Friedrich Merz');
    const called = sentence('Mr Trump called the talks');
    const happy = sentence('Mr Zelensky said: "We are very happy');
    const host = sentence('Germany’s Friedrich Merz will host');
    const anchorage = sentence('met with Mr Putin in Anchorage');
    check(index!, [
      // Inside a quote: the quote no longer matches its source (or, read as a number, the number differs).
      [edit(children, '20,000', '30,000'), 'contradicted', 'altered-quote|number'],
      [edit(call, 'Tuesday', 'Thursday'), 'contradicted', 'date'],
      [edit(anchorage, 'on Friday', 'on Sunday'), 'contradicted', 'date'],
      [edit(caption, 'Friedrich Merz', 'Olaf Scholz'), 'contradicted', 'person-in-role'],
      [edit(host, 'Friedrich Merz', 'Olaf Scholz'), 'caught'],
      [edit(called, 'called the talks', 'did not call the talks'), 'contradicted', 'negation'],
      [edit(happy, 'very happy', 'very pleased'), 'contradicted', 'altered-quote'],
      [edit(happy, 'Mr Zelensky said', 'Mr Macron said'), 'contradicted', 'speaker'],
      [`According to Reuters, ${called}`, 'unsupported'],
      [edit(anchorage, 'Anchorage, Alaska', 'Helsinki, Finland'), 'caught'],
    ], null);
  });
});
