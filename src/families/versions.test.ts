import { describe, expect, it } from 'vitest';
import { addsOverLead } from './versions.js';

describe('addsOverLead', () => {
  const lead = {
    text: 'The river burst its banks on Monday, flooding two hundred homes in the valley. Emergency crews evacuated residents overnight.',
  };

  it('finds nothing new in the lead itself or in a restatement', () => {
    const adds = addsOverLead(lead);
    expect(adds(lead)).toEqual([]);
    expect(adds({ text: 'On Monday the river burst its banks and flooded two hundred valley homes.' })).toEqual([]);
  });

  it('returns the new sentences with offsets into the other text', () => {
    const other = {
      text: 'The river burst its banks on Monday, flooding homes in the valley. The mayor promised compensation for every damaged business.',
    };
    const adds = addsOverLead(lead)(other);
    expect(adds.map((a) => a.text)).toEqual(['The mayor promised compensation for every damaged business.']);
    for (const a of adds) expect(other.text.slice(a.start, a.end)).toBe(a.text);
  });
});
