import { describe, expect, it } from 'vitest';
import { findEntities } from './entities.js';
import { splitSentences } from './sentences.js';

function run(text: string, language?: string) {
  const r = findEntities(text, splitSentences(text), language);
  const byName = (n: string) => r.entities.find((e) => e.name === n);
  const entityOf = (mentionText: string) => {
    const m = r.mentions.find((x) => x.text === mentionText);
    return m ? r.entities.find((e) => e.id === m.entityId)?.name ?? null : undefined;
  };
  return { ...r, byName, entityOf };
}

// Invented copy (not from any outlet).
const STORY = [
  'Dame Alva Pennick has welcomed a "turning point" in talks over the Marrow reservoir as Norwegian prime minister Tove Lindqvist flew to Edinburgh on Monday.',
  'The PM met Brannock mayor Ewan Shaw and Water Agency chief executive Priya Nandakumar at Holyrood.',
  'Mrs Pennick, the Scottish environment secretary, said engineers would start work within weeks.',
  'Ms Lindqvist said Oslo would "share everything we learned" from its own dam failures.',
  'The Norwegian described the visit as "useful". The prime minister later flew home.',
  'Mr Shaw’s deputy, Callum Reid, said the town was ready.',
].join('\n\n');

describe('findEntities', () => {
  it('binds role titles written before a name', () => {
    const r = run(STORY);
    expect(r.byName('Tove Lindqvist')?.roles).toContain('Norwegian prime minister');
    expect(r.byName('Ewan Shaw')?.roles).toContain('Brannock mayor');
    expect(r.byName('Priya Nandakumar')?.roles).toContain('Water Agency chief executive');
    expect(r.byName('Priya Nandakumar')?.type).toBe('person');
  });

  it('binds appositives after a name and possessive appositives before one', () => {
    const r = run(STORY);
    expect(r.byName('Alva Pennick')?.roles).toContain('Scottish environment secretary');
    expect(r.byName('Callum Reid')?.roles).toContain('Mr Shaw’s deputy');
  });

  it('merges aliases: honorific + surname, first name after Dame/Sir, role nouns', () => {
    const r = run(STORY);
    const alva = r.byName('Alva Pennick')!;
    expect(alva.aliases).toEqual(expect.arrayContaining(['Dame Alva Pennick', 'Mrs Pennick']));
    expect(r.entityOf('The PM')).toBe('Tove Lindqvist');
    expect(r.entityOf('Ms Lindqvist')).toBe('Tove Lindqvist');
    expect(r.entityOf('The Norwegian')).toBe('Tove Lindqvist');
    expect(r.entityOf('The prime minister')).toBe('Tove Lindqvist');
  });

  it('first-name honorific and later surname forms join one entity', () => {
    const r = run('Sir Rowan Hatherley opened the bridge. Sir Rowan thanked the crews. Hatherley then left, and Mr Hatherley’s car followed.');
    const people = r.entities.filter((e) => e.type === 'person');
    expect(people).toHaveLength(1);
    expect(people[0]!.name).toBe('Rowan Hatherley');
    expect(people[0]!.aliases).toEqual(expect.arrayContaining(['Sir Rowan Hatherley', 'Sir Rowan', 'Hatherley', 'Mr Hatherley']));
  });

  it('types organisations and places roughly', () => {
    const r = run('Officials from the Water Agency met the Brannock Town Council in Glasgow. The EU and Nato sent observers from Brussels.');
    const type = (n: string) => r.entities.find((e) => e.name === n)?.type;
    expect(type('Water Agency')).toBe('org');
    expect(type('Brannock Town Council')).toBe('org');
    expect(type('Glasgow')).toBe('place');
    expect(type('EU')).toBe('org');
    expect(type('Nato')).toBe('org');
    expect(type('Brussels')).toBe('place');
  });

  it('does not take sentence-initial common words or weekdays for names', () => {
    const r = run('Future talks will follow. Early on Monday the water rose. Residents in the future will remember it early.');
    expect(r.entities.map((e) => e.name)).not.toContain('Future');
    expect(r.entities.map((e) => e.name)).not.toContain('Monday');
    expect(r.entities.map((e) => e.name)).not.toContain('Early');
  });

  it('leaves a role noun unresolved when nobody can hold it', () => {
    const r = run('The president is expected to speak later.');
    const m = r.mentions.find((x) => x.text === 'The president');
    expect(m?.entityId).toBeNull();
  });

  it('keeps German capitalised nouns out of the entity list', () => {
    const r = run('Die Bundesregierung hat am Montag die Brücke geöffnet. Bundeskanzler Friedrich Merz sagte, der Bau sei fertig.', 'de');
    expect(r.byName('Friedrich Merz')?.roles).toContain('Bundeskanzler');
    expect(r.entities.map((e) => e.name)).not.toContain('Brücke');
  });
});
