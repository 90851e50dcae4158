import { describe, expect, it } from 'vitest';
import { countAppealWords, countInlineCta, countReaderAddress, tailKind, uiKind } from './lexicon.js';

describe('uiKind', () => {
  it('recognises UI labels in several languages', () => {
    expect(uiKind('Already a subscriber? Log in')).toBe('sign-in');
    expect(uiKind('Jetzt abonnieren')).toBe('paywall');
    expect(uiKind('Download the app')).toBe('app-promo');
    expect(uiKind('Partager')).toBe('share');
    expect(uiKind('Wir verwenden Cookies')).toBe('cookie-banner');
    expect(uiKind('Anzeige')).toBe('advertisement');
    expect(uiKind('Leer más')).toBe('promo');
    expect(uiKind('Impressum')).toBe('navigation');
  });

  it('leaves sentences that merely start with a UI word alone', () => {
    expect(uiKind('Facebook said on Monday that it would close its office in Westhaven by the end of March.')).toBeNull();
    expect(uiKind('Homeowners in the valley were told to leave.')).toBeNull();
    expect(uiKind('Next year the council will vote again.')).toBeNull();
  });
});

describe('tailKind', () => {
  it('recognises tail headings', () => {
    expect(tailKind('Related Articles')).toBe('related');
    expect(tailKind('Mehr zum Thema')).toBe('related');
    expect(tailKind('Lire aussi :')).toBe('related');
    expect(tailKind('Comments (12)')).toBe('comments');
    expect(tailKind('Kommentare')).toBe('comments');
    expect(tailKind('Sign in to continue reading this story')).toBe('sign-in');
  });

  it('does not take a sentence about comments for a tail heading', () => {
    expect(tailKind('Comments from the minister were not available on Sunday evening.')).toBeNull();
  });
});

describe('appeal cues', () => {
  it('counts buttons glued into prose, appeal words and reader address', () => {
    const t = 'Your gifts keep us going Read more Donate now We rely on readers like you to support our journalism.';
    expect(countInlineCta(t)).toBe(2);
    expect(countAppealWords(t)).toBeGreaterThanOrEqual(2);
    expect(countReaderAddress(t)).toBeGreaterThanOrEqual(4);
  });
});
