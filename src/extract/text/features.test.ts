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

describe('reader appeals, gallery UI and form furniture', () => {
  const fr = stoplistFor('fr');
  const es = stoplistFor('es');
  it('catches appeal cues in several languages', () => {
    expect(classifyLine('The Brenmouth Tide depends on readers like you to keep its island reporting open to all. Chip in from just $4 a month.', 0, en).cls).toBe('banner');
    expect(classifyLine('Der Talbote lebt von Leserinnen und Lesern wie Ihnen. Unterstützen Sie uns schon ab 3 € im Monat.', 0, de).cls).toBe('banner');
    expect(classifyLine('Le Courrier des Vallons compte sur des lecteurs comme vous. Devenez membre dès 5 € par mois.', 0, fr).cls).toBe('banner');
    expect(classifyLine('El Faro del Sur necesita lectores como tú. Hazte socio desde 4 € al mes y apoya nuestro trabajo.', 0, es).cls).toBe('banner');
  });
  it('leaves news prose about prices and members alone', () => {
    expect(classifyLine('Bus passes in Westhaven will rise to £30 a month from April, the council said on Tuesday.', 0, en).cls).toBe('good');
    expect(classifyLine('The club said it would become a member of the regional league after the vote in June.', 0, en).cls).toBe('good');
  });
  it('takes a line of gallery words alone for caption UI', () => {
    expect(classifyLine('open image in gallery', 0, en)).toMatchObject({ cls: 'ui', ui: 'caption-ui' });
    expect(classifyLine('Bild vergrößern', 0, de)).toMatchObject({ cls: 'ui', ui: 'caption-ui' });
  });
  it('takes newsletter and comment-form sentences for furniture', () => {
    expect(classifyLine('Save my name and email in this browser for the next time you comment on our stories.', 0, en).cls).toBe('banner');
    expect(classifyLine('Mit Ihrer Anmeldung zum Newsletter akzeptieren Sie unsere Datenschutzerklärung und die Nutzungsbedingungen.', 0, de).cls).toBe('banner');
    expect(classifyLine('The regulator fined the company for sending spam to two million customers last year.', 0, en).cls).toBe('good');
  });

  it('takes a long unpunctuated line dense in function words for a short sentence', () => {
    const fr = stoplistFor('fr');
    expect(classifyLine('The new ferry to the outer islands will run twice a day from the end of the month until the autumn', 0, en).cls).toBe('near');
    expect(classifyLine('Le nouveau bac vers les îles du large partira deux fois par jour de la fin du mois à la fin de l’automne', 0, fr).cls).toBe('near');
    // A long list of names and places stays a label.
    expect(classifyLine('Westhaven Ferries Harbour Office Island Council Pier Works North Quay Marina Lighthouse Museum Timetable', 0, en).cls).toBe('short');
  });
  it('ends a sentence with German closing quotes', () => {
    expect(classifyLine('Der Bürgermeister nannte den Tag „einen guten Tag für die Inseln“', 0, de).cls).toBe('near');
  });
});
