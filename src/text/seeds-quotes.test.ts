/**
 * Quote attribution on the shared seed copies (third-party text, read at run time, never copied here). The table
 * holds short quote openings and the speaker's surname, built by reading the seeds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRaw } from '../extract/index.js';
import { articleText } from '../extract/types.js';
import { analyse } from './index.js';
import type { Analysis } from './types.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEEDS = join(REPO, '../shared/seeds');
const present = existsSync(SEEDS);
if (!present) console.warn(`seeds-quotes: ${SEEDS} is absent; skipping the seed quote table`);

/** Speaker keys → what the canonical name may look like (003 only ever says "Sir Keir"). */
const WHO: Readonly<Record<string, RegExp>> = {
  Starmer: /Starmer|^Keir$/,
  Trump: /Trump/,
  Zelensky: /Zelensky/,
  Rutte: /Rutte/,
  Witkoff: /Witkoff/,
  Putin: /Putin/,
  Melvin: /Melvin/,
};

/** [quote opening, speaker key | null (no speaker can be told: must stay null)] */
type Row = [string, string | null];

const S = 'Starmer';
const T = 'Trump';
const Z = 'Zelensky';
const TABLE: Readonly<Record<string, readonly Row[]>> = {
  '000': [
    ['breakthrough', S], ['The two outcomes were a real', S], ["We've tasked our teams", S], ['accept', T],
    ['ready', Z], ['not demonstrate a will to meet', Z], ['do more', 'Rutte'], ['is not playing ball', 'Rutte'],
    ['good and constructive', S], ['real sense of unity', S], ['That is a recognition of the principle', S],
    ['very good', T], ['During the meeting we discussed', T], ['Everyone is happy about the possibility', T],
    ['At the conclusion of the meetings', T], ['After the meeting takes place', T], ["no deal until there's a deal", T],
    ['The Alaska summit reinforced my belief', T], ['And this is one of the', T], ['We also need to discuss', T],
    ['have a good chance', T], ["I don't think you need a ceasefire", T], ['all of us would obviously prefer', T],
    ['Article Five-style guarantees', S], ['coalition of the willing', S], ['With you coming alongside', S],
    ['sensible next step', S], ['really good', Z], ['the best', Z], ['We are very happy with the', Z],
  ],
  // 001 (a composite) names Trump only as "the US President" after "talks with Volodymyr Zelensky and the US
  // President", and quotes him after a possessive ("Trump's meeting with Putin ..., where he declared").
  '001': [
    ['breakthrough', S], ['The two outcomes were a real', S], ["We've tasked our teams", S], ['accept', T],
    ['At the conclusion of the meetings', T], ['After the meeting takes place', T], ['ready', Z], ['not demonstrate a will', Z],
    ['have a good chance', T], ['article five-style guarantees', null], ['coalition of the willing', S],
    ["I don't think you need a ceasefire", T], ['all of us would obviously prefer', T], ['do more', 'Rutte'],
    ['is not playing ball', 'Rutte'], ["no deal until there's a deal", T], ['good and constructive', S], ['real sense of unity', S],
    ['peace is within reach', T], ['really good', Z], ['the best', Z], ['We are very happy', Z],
  ],
  '002': [
    ['real progress', S], ['the security of the UK', S], ['historic step', S], ['accept', T],
    ['good and constructive', S], ['There was a real sense of unity', S], ['two material outcomes', S],
    ['will now work with the US', S], ["That's really important for security", S], ['The other material outcome was', S],
    ['That is a recognition of the principle', S], ['These were the two outcomes', S], ['very good', T],
    ['During the meeting we discussed', T], ['Everyone is happy', T], ['At the conclusion of the meetings', T],
    ['After the meeting takes place', T], ['We also need to discuss', T], ['We were able to win the', 'Witkoff'],
    ['have a good chance', T], ["I don't think you need", T], ['All of us would obviously prefer', T], ['friend', T],
    ['Your indication of security guarantees', S], ['With you coming alongside', S], ['sensible next step', S],
    ['So, thank you for being', S], ['the massive worldwide problem of missing', T], ['This issue lies at the heart', Z],
    ['We are working tirelessly', Z], ['We will work to negotiate', Z], ['really good', Z], ['the best', Z],
    ['We are very happy', Z],
  ],
  '003': [
    ['The two outcomes were', S], ["We've tasked our teams", S], ['coalition of the willing', null], ['accept', T],
    ['ready', Z], ['not demonstrate a will', Z], ['do more', 'Rutte'], ['is not playing ball', 'Rutte'],
    ['good and constructive', S], ['real sense of unity', S], ['That is a recognition', S], ['very good', T],
    ['During the meeting', T], ['Everyone is happy', T], ['At the conclusion', T], ['After the meeting takes place', T],
    ["no deal until there's a deal", T], ['The Alaska summit reinforced', T], ['And this is one of the', T],
    ['We also need to discuss', T], ['have a good chance', T], ["I don't think you need", T],
    ['all of us would obviously', T], ['article five-style guarantees', S], ['Your indication of security', S],
    ['With you coming alongside', S], ['sensible next step', S], ['really good', Z], ['the best', Z],
    ['We are very happy', Z],
  ],
  '004': [
    ['some great progress', T], ['many points', T], ['very few', T], ['make a deal', T],
    ['pursuit of an end to the killing', S], ['security guarantee', null], ['the openness of the United States', S],
    ['This is important progress', S], ['It was determined by all', T], ['timely', 'Putin'], ['useful', 'Putin'],
    ['Vladimir Putin came to the Alaska', 'Melvin'], ['He will consider the summit', 'Melvin'],
    ['in order to create more favourable', Z], ['defending our positions', Z], ['should be strengthened', Z],
  ],
};

function load(prefix: string): { analysis: Analysis; captions: string[] } {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`seed ${prefix}_*.txt not found in ${SEEDS}`);
  const article = extractRaw({ bytes: readFileSync(join(SEEDS, file)), mediaType: 'text/plain', charset: null, url: null, hints: {} });
  return { analysis: analyse({ text: articleText(article), published: article.published, language: article.language }), captions: article.captions };
}

describe.skipIf(!present)('seed quotes: every direct quote found with its speaker', () => {
  for (const [prefix, rows] of Object.entries(TABLE)) {
    it(`${prefix}: quote → speaker table`, () => {
      const { analysis } = load(prefix);
      const found = analysis.quotes.map((q) => ({ text: q.text, speaker: q.speaker }));
      const problems: string[] = [];
      let cursor = 0; // quotes appear in table order
      for (const [opening, who] of rows) {
        const k = found.findIndex((q, i) => i >= cursor && q.text.startsWith(opening));
        if (k < 0) {
          problems.push(`missing quote "${opening}"`);
          continue;
        }
        cursor = k + 1;
        const got = found[k]!.speaker;
        if (who === null ? got !== null : !(got && WHO[who]!.test(got))) problems.push(`"${opening}": expected ${who}, got ${got}`);
      }
      const unexpected = found.filter((q) => !rows.some(([o]) => q.text.startsWith(o)));
      for (const q of unexpected) problems.push(`unexpected quote "${q.text.slice(0, 40)}" (${q.speaker})`);
      expect(problems).toEqual([]);
    });
  }

  it('venues: the BBC, Truth Social, Fox News, CNN, X', () => {
    const venue = (prefix: string, opening: string) => load(prefix).analysis.quotes.find((q) => q.text.startsWith(opening))?.venue;
    expect(venue('000', 'The two outcomes')).toBe('the BBC');
    expect(venue('000', "We've tasked")).toBe('the BBC');
    expect(venue('000', 'During the meeting')).toBe('Truth Social');
    expect(venue('000', 'do more')).toBe('Fox News');
    expect(venue('002', 'We were able to win')).toBe('CNN');
    expect(venue('004', 'defending our positions')).toBe('X');
    expect(venue('004', 'It was determined')).toBe('Truth Social');
  });

  it('entity roles and aliases', () => {
    const entity = (a: Analysis, name: string) => a.entities.find((e) => e.name === name);
    const lower = (xs: readonly string[] | undefined) => (xs ?? []).map((x) => x.toLowerCase());
    const a000 = load('000').analysis;
    expect(lower(entity(a000, 'Mark Rutte')?.roles)).toContain('nato secretary general');
    expect(lower(entity(a000, 'Emmanuel Macron')?.roles)).toContain('french president');
    expect(lower(entity(a000, 'Keir Starmer')?.aliases)).toEqual(expect.arrayContaining(['sir keir starmer', 'sir keir', 'the pm', 'the prime minister']));
    expect(lower(entity(a000, 'Steve Witkoff')?.roles)).toContain("mr trump's envoy");

    const s002 = load('002');
    expect(lower(entity(s002.analysis, 'Keir Starmer')?.aliases)).toEqual(expect.arrayContaining(['sir keir', 'the prime minister', 'the pm']));
    expect(lower(entity(s002.analysis, 'Ursula von der Leyen')?.roles)).toContain('european commission president');
    // "German chancellor Friedrich Merz" is written in 002's photo caption (kept apart from the body).
    const captions = analyse({ text: s002.captions.join('\n\n') });
    expect(lower(entity(captions, 'Friedrich Merz')?.roles)).toContain('german chancellor');

    const a003 = load('003').analysis;
    expect(lower(entity(a003, 'Mark Rutte')?.roles)).toContain('nato secretary general');
    const keir003 = a003.entities.find((e) => e.aliases.includes('Sir Keir'));
    expect(lower(keir003?.aliases)).toContain('the prime minister');

    const a004 = load('004').analysis;
    expect(lower(entity(a004, 'Keir Starmer')?.aliases)).toEqual(expect.arrayContaining(['sir keir', 'the prime minister']));
    expect(entity(a004, 'Volodymyr Zelensky')?.aliases).toContain('Ukraine’s leader');
    expect(entity(a004, 'Neil Melvin')?.roles[0]).toMatch(/^director of international security/);
  });

  it('relative dates against the publication date', () => {
    const a004 = load('004').analysis; // published Saturday 2025-08-16
    const date = (t: string) => a004.dates.find((d) => d.text === t)?.date;
    expect(date('on Sunday')).toBe('2025-08-17');
    expect(date('on Monday')).toBe('2025-08-18');
    expect(date('on Saturday morning')).toBe('2025-08-16');
    const a000 = load('000').analysis; // published Tuesday 2025-08-19
    expect(a000.dates.find((d) => d.text === 'on Friday')?.date).toBe('2025-08-15');
    expect(a000.dates.find((d) => d.text === 'on Monday')?.date).toBe('2025-08-18');
  });
});
