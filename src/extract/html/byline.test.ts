import { describe, expect, it } from 'vitest';
import { cleanByline, joinAuthors } from './byline.js';

describe('cleanByline', () => {
  it('strips openers in several languages', () => {
    expect(cleanByline('By Maren Holt')).toBe('Maren Holt');
    expect(cleanByline('Von Jonas Feldmann')).toBe('Jonas Feldmann');
    expect(cleanByline('Par Claire Dubois-Martin')).toBe('Claire Dubois-Martin');
    expect(cleanByline('Por Lucía Ortega')).toBe('Lucía Ortega');
  });

  it('keeps several names with the separator the page used', () => {
    expect(cleanByline('By Maren Holt and Tobias Reed')).toBe('Maren Holt and Tobias Reed');
    expect(cleanByline('Von Jonas Feldmann und Ute Sommer')).toBe('Jonas Feldmann und Ute Sommer');
    expect(cleanByline('Claire Dubois, Marc Lefèvre')).toBe('Claire Dubois, Marc Lefèvre');
  });

  it('drops dates, times, e-mails, job titles and filler', () => {
    expect(cleanByline('Von Jonas Feldmann, 17.05.2024, 10:15 Uhr')).toBe('Jonas Feldmann');
    expect(cleanByline('By Maren Holt | May 17, 2024')).toBe('Maren Holt');
    expect(cleanByline('Maren Holt maren.holt@harbour-times.example')).toBe('Maren Holt');
    expect(cleanByline('Maren Holt, Political Correspondent')).toBe('Maren Holt');
    expect(cleanByline('Tobias Reed and more')).toBe('Tobias Reed');
    expect(cleanByline('Jonas Feldmann, Korrespondent in Brüssel')).toBe('Jonas Feldmann');
  });

  it('keeps name particles', () => {
    expect(cleanByline('Von Anna von der Heide')).toBe('Anna von der Heide');
    expect(cleanByline('Por Rafael da Costa')).toBe('Rafael da Costa');
  });

  it('accepts names in scripts without letter case', () => {
    expect(cleanByline('李明')).toBe('李明');
  });

  it('returns null when nothing person-like remains', () => {
    expect(cleanByline('Staff')).toBeNull();
    expect(cleanByline('By Harbour Times Staff')).toBeNull();
    expect(cleanByline('17.05.2024')).toBeNull();
    expect(cleanByline('')).toBeNull();
    expect(cleanByline('Redaktion')).toBeNull();
    expect(cleanByline('Harbour Times', ['Harbour Times'])).toBeNull();
  });
});

describe('joinAuthors', () => {
  it('cleans and joins a list', () => {
    expect(joinAuthors(['Maren Holt', 'By Tobias Reed', 'Maren Holt'])).toBe('Maren Holt, Tobias Reed');
    expect(joinAuthors(['Staff'])).toBeNull();
  });
});
