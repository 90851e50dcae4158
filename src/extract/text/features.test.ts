import { describe, expect, it } from 'vitest';
import { classifyLine, computeFeatures, countWords, isAppeal } from './features.js';
import { stoplistFor } from './stopwords.js';

const en = stoplistFor('en');
const de = stoplistFor('de');

describe('classifyLine', () => {
  it('tells prose, short sentences and labels apart', () => {
    expect(classifyLine('The harbour authority said the new ferry line would start in spring, weeks later than planned.', 0, en).cls).toBe('good');
    expect(classifyLine('Der Hafen blieb am Dienstag wegen des Sturms den ganzen Tag geschlossen, teilte die Stadt mit.', 0, de).cls).toBe('good');
    expect(classifyLine('The mayor called it "a good day".', 0, en).cls).toBe('near');
    expect(classifyLine('Ferry delays in the valley', 0, en).cls).toBe('short');
  });

  it('recognises metadata, captions, UI and tails', () => {
    expect(classifyLine('Published 3 March 2024', 0, en)).toMatchObject({ cls: 'date', dateIso: '2024-03-03' });
    expect(classifyLine('By Maria Lindqvist', 0, en)).toMatchObject({ cls: 'byline', byline: 'Maria Lindqvist' });
    expect(classifyLine('Westhaven Gazette2 hours ago', 0, en).cls).toBe('age');
    expect(classifyLine('Crowds gather at the harbour on Tuesday (Jane Roe/Northwire)', 0, en).cls).toBe('caption');
    expect(classifyLine('Sign in', 0, en)).toMatchObject({ cls: 'ui', ui: 'sign-in' });
    expect(classifyLine('More from Westhaven', 0, en)).toMatchObject({ cls: 'tail', tail: 'related' });
    expect(classifyLine('Sources: Northwire, Coastal Radio', 0, en).cls).toBe('sources');
    expect(classifyLine('This summary was generated with the help of AI.', 0, en).cls).toBe('ai-disclosure');
    expect(classifyLine('© 2024 Westhaven Media Ltd. All rights reserved.', 0, en).cls).toBe('copyright');
  });

  it('recognises an appeal for money as a banner', () => {
    const appeal =
      'Independent reporting costs money Read more Support us Our reporters stay in the valley because readers like you chip in. We never put a paywall in front of the news, and your donation keeps it that way.';
    expect(classifyLine(appeal, 0, en).cls).toBe('banner');
    expect(isAppeal(computeFeatures('"We will support the families," the minister said, adding that donations were welcome.', en))).toBe(false);
  });

  it('counts CJK text by characters', () => {
    expect(countWords('市议会周一决定新桥将于秋季开通')).toBeGreaterThan(5);
  });
});
