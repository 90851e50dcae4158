import { describe, expect, it } from 'vitest';
import { sentenceAt, splitSentences } from './sentences.js';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('gives offsets into the text and paragraph numbers', () => {
    const text = 'First one here. Second one.\n\n  Third, in a new paragraph!  ';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['First one here.', 'Second one.', 'Third, in a new paragraph!']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(s.map((x) => x.paragraph)).toEqual([0, 0, 1]);
    expect(s.map((x) => x.index)).toEqual([0, 1, 2]);
    expect(sentenceAt(s, text.indexOf('Second'))).toBe(1);
  });

  it('survives honorifics, initials and abbreviations', () => {
    expect(texts('Mr. Hale met Dr. Ruiz and Prof. Okafor at St. Mary’s. Gen. Lt. Sen. Rep. titles stay. J. R. Smith agreed.')).toEqual([
      'Mr. Hale met Dr. Ruiz and Prof. Okafor at St. Mary’s.',
      'Gen. Lt. Sen. Rep. titles stay.',
      'J. R. Smith agreed.',
    ]);
    expect(texts('The U.S. Treasury and the U.K. agreed at 9 a.m. on Friday. Talks end Jan. 5, e.g. Monday vs. Tuesday. No. 10 said so.')).toEqual([
      'The U.S. Treasury and the U.K. agreed at 9 a.m. on Friday.',
      'Talks end Jan. 5, e.g. Monday vs. Tuesday.',
      'No. 10 said so.',
    ]);
    expect(texts('The deal was struck in the U.S. The talks went on.')).toEqual(['The deal was struck in the U.S.', 'The talks went on.']);
  });

  it('keeps decimals, money and ellipses inside sentences', () => {
    expect(texts('The dam cost $1.5bn, or 2.3 million a year. It leaked... badly. Then … Nothing.')).toEqual([
      'The dam cost $1.5bn, or 2.3 million a year.',
      'It leaked... badly.',
      'Then …',
      'Nothing.',
    ]);
  });

  it('keeps an attributed multi-sentence quote whole', () => {
    expect(texts('"We are ready. We will come," he said. Then they left.')).toEqual(['"We are ready. We will come," he said.', 'Then they left.']);
    expect(texts('“Are you ready?” the mayor asked. Nobody was.')).toEqual(['“Are you ready?” the mayor asked.', 'Nobody was.']);
    expect(texts("'We are ready. We will come,' she said.")).toEqual(["'We are ready. We will come,' she said."]);
  });

  it('splits after a closing quote that ends a sentence', () => {
    expect(texts('She called it “a step towards peace.” The council disagreed.')).toEqual([
      'She called it “a step towards peace.”',
      'The council disagreed.',
    ]);
    expect(texts('"The water is rising. We need boats. Send them now."')).toEqual([
      '"The water is rising.',
      'We need boats.',
      'Send them now."',
    ]);
  });

  it('handles parentheses and German ordinal dates', () => {
    expect(texts('The levee held (engineers were surprised.) Crews left.')).toEqual(['The levee held (engineers were surprised.)', 'Crews left.']);
    expect(texts('Am 19. August 2025 tagte der Rat. Er beschloss nichts.')).toEqual(['Am 19. August 2025 tagte der Rat.', 'Er beschloss nichts.']);
  });

  it('treats lines without punctuation as one sentence each, but joins hard-wrapped text', () => {
    expect(texts('Flood warning for the valley\nResidents told to leave\nThe river rose overnight.')).toEqual([
      'Flood warning for the valley',
      'Residents told to leave',
      'The river rose overnight.',
    ]);
    const wrapped = 'The council met on Tuesday to discuss the state of the\nreservoir wall, which engineers say has been leaking for\nmonths. A report is due in the spring, officials said in\na statement.';
    expect(texts(wrapped)).toHaveLength(2);
  });

  it('never crashes on empty or odd input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('\n\n\n')).toEqual([]);
    const odd = '!!! ??? ... ""\'\' «»';
    for (const x of splitSentences(odd)) expect(odd.slice(x.start, x.end)).toBe(x.text);
    expect(texts('東京は晴れ。大阪は雨。')).toEqual(['東京は晴れ。', '大阪は雨。']);
  });
});
