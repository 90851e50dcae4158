import { describe, expect, it } from 'vitest';
import { analyse } from './index.js';

function quotes(text: string) {
  return analyse({ text }).quotes.map((q) => ({ text: q.text, speaker: q.speaker, how: q.how, venue: q.venue, mention: q.speakerMention }));
}

// Invented copy throughout.
describe('findQuotes', () => {
  it('attributes "...," X said / said X / X said: / partial quotes', () => {
    const q = quotes([
      'Harbour master Ines Calloway said the wall would "hold for now".',
      '"We are watching it hourly," Ms Calloway said.',
      '"Nobody should panic," said Tomas Brek, the town engineer.',
      'Mr Brek said: "The pumps are running."',
    ].join('\n\n'));
    expect(q).toEqual([
      expect.objectContaining({ text: 'hold for now', speaker: 'Ines Calloway', how: 'said-before' }),
      expect.objectContaining({ text: 'We are watching it hourly,', speaker: 'Ines Calloway', how: 'said-after' }),
      expect.objectContaining({ text: 'Nobody should panic,', speaker: 'Tomas Brek', how: 'said-after' }),
      expect.objectContaining({ text: 'The pumps are running.', speaker: 'Tomas Brek', how: 'colon' }),
    ]);
  });

  it('resolves pronoun speakers to the last speaker, respecting honorific gender', () => {
    const q = quotes([
      'Mrs Okonjo said the evacuation had gone well.',
      'Mr Falk, the fire chief, disagreed.',
      '"We lost two hours," he said.',
      '"It went well," she added.',
    ].join('\n\n'));
    expect(q.map((x) => x.speaker)).toEqual(['Falk', 'Okonjo']);
  });

  it('prefers the previous sentence\'s subject to an older speaker', () => {
    const q = quotes(['Mr Brandt said the dam was safe.', 'Mr Ocampo looked unconvinced by the figures.', '"I have seen this before," he said.'].join(' '));
    expect(q.map((x) => x.speaker)).toEqual(['Ocampo']);
  });

  it('resolves a pronoun opening a subordinate clause inside its own sentence', () => {
    const q = quotes(['Mr Dorn said the talks were over.', "The row followed Mr Holm's visit to Tarsk on Monday, where he declared there was \"nothing left to discuss\"."].join(' '));
    expect(q.map((x) => x.speaker)).toEqual(['Holm']);
  });

  it('never resolves a role noun to the name it is coordinated with', () => {
    const q = quotes(
      [
        'Prime Minister Edda Lund hailed the talks as Nora Lind announced a summit.',
        'Ms Lund met Kai Brandvold and the Veltrian president in Tarsk on Monday.',
        'The Veltrian president said Tarsk would "accept" the plan.',
      ].join(' '),
    );
    expect(q.map((x) => x.speaker)).toEqual(['Nora Lind']);
  });

  it('continues a multi-paragraph quote and picks up venues', () => {
    const q = quotes([
      'Mayor Ewan Shaw told the BBC: "The water came at night.',
      '"By morning the square was a lake."',
      '"We will rebuild," he posted on his Chirp Social platform.',
      'Ms Nandakumar said in comments to Valley Radio that the agency "had warned them".',
    ].join('\n\n'));
    expect(q).toEqual([
      expect.objectContaining({ speaker: 'Ewan Shaw', how: 'colon', venue: 'the BBC' }),
      expect.objectContaining({ speaker: 'Ewan Shaw', how: 'continuation', venue: 'the BBC' }),
      expect.objectContaining({ speaker: 'Ewan Shaw', how: 'said-after', venue: 'Chirp Social' }),
      expect.objectContaining({ speaker: 'Nandakumar', venue: 'Valley Radio' }),
    ]);
  });

  it('handles British single quotes without mistaking apostrophes', () => {
    const q = quotes([
      "Nurse Ada Mistry's ward flooded on Monday.",
      "'We don't have the Ukrainians' generators or the army's pumps,' Ms Mistry said.",
      "'It's the patients' safety that matters.'",
    ].join('\n\n'));
    expect(q).toEqual([
      expect.objectContaining({ text: "We don't have the Ukrainians' generators or the army's pumps,", speaker: 'Ada Mistry' }),
      expect.objectContaining({ text: "It's the patients' safety that matters.", speaker: 'Ada Mistry', how: 'continuation' }),
    ]);
  });

  it('resolves role-noun speakers and sentence-final attributions', () => {
    const q = quotes([
      'Norwegian prime minister Tove Lindqvist arrived on Monday.',
      'A deal "is within reach" for both sides, the prime minister said.',
      'Participles take the main subject: Ms Lindqvist praised the crews as "heroic", calling the response "fast".',
    ].join('\n\n'));
    expect(q.map((x) => [x.text, x.speaker, x.how])).toEqual([
      ['is within reach', 'Tove Lindqvist', 'sentence-end'],
      ['heroic', 'Tove Lindqvist', 'said-before'],
      ['fast', 'Tove Lindqvist', 'said-before'],
    ]);
  });

  it('attributes a quote to the clause that frames it, and leaves scare quotes unattributed', () => {
    const q = quotes('Mr Hale welcomed the plan, after Ms Ruiz introduced him as a "friend". The so-called "blue plan" was shelved.');
    expect(q.map((x) => x.speaker)).toEqual(['Ruiz', null]);
  });

  it('uses generic speakers as written', () => {
    const q = quotes('"The dam is safe," a council spokesman said.');
    expect(q[0]).toEqual(expect.objectContaining({ speaker: null, mention: 'a council spokesman' }));
  });
});
