import { describe, expect, it } from 'vitest';
import { detectLanguage, primarySubtag } from './language.js';

describe('primarySubtag', () => {
  it('lowercases the primary subtag', () => {
    expect(primarySubtag('de-CH')).toBe('de');
    expect(primarySubtag('fr_FR')).toBe('fr');
    expect(primarySubtag('EN')).toBe('en');
  });

  it('refuses what is not a language tag', () => {
    expect(primarySubtag('x-default')).toBeNull();
    expect(primarySubtag('und')).toBeNull();
    expect(primarySubtag('')).toBeNull();
    expect(primarySubtag(null)).toBeNull();
  });
});

describe('detectLanguage', () => {
  it('detects and maps to ISO 639-1', () => {
    expect(
      detectLanguage(
        'Die Gemeinde Seewald hat am Mittwoch ihr neues Hallenbad eröffnet. Der Bürgermeister sprach von einem großen Tag für alle Familien, die seit Jahren auf ein Schwimmbad in der Nähe gewartet hatten.',
      ),
    ).toBe('de');
    expect(
      detectLanguage(
        "La fête du lac a attiré des milliers de visiteurs samedi soir. Les organisateurs se disent très satisfaits de cette édition, malgré la pluie qui est tombée en fin d'après-midi sur la ville.",
      ),
    ).toBe('fr');
  });

  it('gives up on short text', () => {
    expect(detectLanguage('Hallo Welt')).toBeNull();
  });
});
