import { describe, expect, it } from 'vitest';
import { collapseWhitespace, segment } from './lines.js';

describe('segment', () => {
  it('gives one unit per non-blank line with its block number', () => {
    const units = segment('Headline here\n\nFirst line.\nSecond line.\r\n\n\nLast one.');
    expect(units.map((u) => [u.text, u.block])).toEqual([
      ['Headline here', 0],
      ['First line.', 1],
      ['Second line.', 1],
      ['Last one.', 2],
    ]);
  });

  it('joins a hard-wrapped paragraph continued in lowercase', () => {
    const units = segment(
      'The harbour authority of Westhaven said on Tuesday that the new ferry\nline would start in spring, weeks later than planned.',
    );
    expect(units).toHaveLength(1);
    expect(units[0]?.text).toMatch(/ferry line would start/);
  });

  it('does not join short lines or lines starting with a capital', () => {
    expect(segment('Westhaven Gazette\nby the sea')).toHaveLength(2);
    expect(segment('A long line of text that is longer than fifty characters, surely\nAnother line.')).toHaveLength(2);
  });

  it('collapses runs of whitespace', () => {
    expect(collapseWhitespace('  a \t b\u00a0 c  ')).toBe('a b c');
  });
});
