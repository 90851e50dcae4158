import { describe, expect, it } from 'vitest';
import { isAnyStopword, pickStoplist, stoplistFor, stopwordDensity, tokens } from './stopwords.js';

describe('stopwords', () => {
  it('picks the list of the document language', () => {
    const de = 'Der Stadtrat hat am Montag beschlossen, dass die neue Brücke über den Fluss im Herbst eröffnet wird und die alte Fähre bis dahin weiter fährt.';
    const fr = "Le conseil municipal a décidé lundi que le nouveau pont sur la rivière sera ouvert à l'automne et que le bac restera en service jusque-là.";
    expect(pickStoplist(de)?.lang).toBe('de');
    expect(pickStoplist(fr)?.lang).toBe('fr');
  });

  it('returns null for text without a listed language', () => {
    expect(pickStoplist('市议会周一决定，新桥将于秋季开通，旧渡轮将继续运营到那时为止，居民对此表示欢迎。')).toBeNull();
    expect(pickStoplist('too short')).toBeNull();
  });

  it('measures prose as denser than a menu', () => {
    const en = stoplistFor('en');
    if (!en) throw new Error('no English list');
    const prose = stopwordDensity('The mayor said that the bridge would be open to traffic by the end of the year.', en);
    const menu = stopwordDensity('Home News Sport Weather Culture Travel Podcasts Shop', en);
    expect(prose).toBeGreaterThan(0.3);
    expect(menu).toBeLessThan(0.1);
  });

  it('tokenises with inner apostrophes and knows stopwords of any language', () => {
    expect(tokens("Don't stop-gap now")).toEqual(["don't", 'stop-gap', 'now']);
    expect(isAnyStopword('Und')).toBe(true);
    expect(isAnyStopword('Westhaven')).toBe(false);
  });
});
