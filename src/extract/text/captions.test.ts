import { describe, expect, it } from 'vitest';
import { detectCaption, isCreditOnly, looksLikeCredit } from './captions.js';

describe('detectCaption', () => {
  it('finds a caption with a parenthesised credit', () => {
    const c = detectCaption('The mayor of Westhaven opens the new ferry terminal on Tuesday (Jane Roe/Coastal Photos)');
    expect(c?.caption).toMatch(/Coastal Photos\)$/);
    expect(c?.uiPrefix).toBeNull();
    expect(detectCaption('Fans celebrate in the main square ( Northwire )')).not.toBeNull();
  });

  it('takes gallery UI words off the caption', () => {
    const c = detectCaption('open image in gallery Rescue teams search the flooded valley ( Northwire )');
    expect(c).toEqual({ caption: 'Rescue teams search the flooded valley ( Northwire )', uiPrefix: 'open image in gallery' });
    expect(detectCaption('Bild vergrößern Die neue Brücke über die Lenne im Abendlicht')?.uiPrefix).toBe('Bild vergrößern');
  });

  it('finds a caption with a labelled credit', () => {
    expect(detectCaption('Die neue Brücke über die Lenne im Abendlicht. Foto: Anna Berg')).not.toBeNull();
    expect(detectCaption('Le nouveau pont au coucher du soleil (Photo : Agence Nord)')).not.toBeNull();
  });

  it('leaves body sentences ending with an abbreviation alone', () => {
    expect(detectCaption('The figures were published by the central statistics office (CSO).')).toBeNull();
    expect(detectCaption('Inflation rose to 3.1 percent in March, the highest since the summer (see chart)')).toBeNull();
    expect(detectCaption('Prices rose sharply (2019)')).toBeNull();
  });

  it('tells credits from other parentheses', () => {
    expect(looksLikeCredit('Jane Roe/Agency')).toBe(true);
    expect(looksLikeCredit('Northwire')).toBe(true);
    expect(looksLikeCredit('in millions')).toBe(false);
    expect(isCreditOnly('Foto: Anna Berg')).toBe(true);
    expect(isCreditOnly('Anna Berg took this photo.')).toBe(false);
  });

  it('takes a copyright sign or (C) after a short description for a credit', () => {
    expect(detectCaption('Harbour © Lena Ostrova / Westhaven Photo Agency')?.caption).toBe('Harbour © Lena Ostrova / Westhaven Photo Agency');
    expect(detectCaption('Le quai des ferries au petit matin / (C) Jules Marant')).not.toBeNull();
    expect(detectCaption('Hafen Foto: Agentur')).toBeNull();
  });
});
