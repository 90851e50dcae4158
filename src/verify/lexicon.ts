/**
 * Word lists for matching a claim to its evidence: irregular verb forms, a small synonym list of news paraphrase,
 * negation words. Kept small on purpose: every group here makes two words interchangeable, so a wrong group turns
 * an edit into a paraphrase. Groups were written from general news usage; none was added to fit a test item.
 */
import { NATION_KEY } from '../text/lexicon.js';
import { stem } from '../text/index.js';

const IRREGULAR: Record<string, string> = {
  said: 'say', says: 'say', told: 'tell', met: 'meet', took: 'take', taken: 'take', went: 'go', gone: 'go',
  gave: 'give', given: 'give', made: 'make', began: 'begin', begun: 'begin', held: 'hold', led: 'lead', won: 'win',
  left: 'leave', brought: 'bring', thought: 'think', sought: 'seek', spoke: 'speak', spoken: 'speak', wrote: 'write',
  written: 'write', came: 'come', became: 'become', saw: 'see', seen: 'see', knew: 'know', known: 'know',
  found: 'find', fell: 'fall', fallen: 'fall', got: 'get', ran: 'run', sent: 'send', spent: 'spend',
  struck: 'strike', chose: 'choose', chosen: 'choose', drove: 'drive', driven: 'drive', rose: 'rise', risen: 'rise',
  flew: 'fly', flown: 'fly', grew: 'grow', grown: 'grow', kept: 'keep', felt: 'feel', heard: 'hear', meant: 'mean',
  paid: 'pay', sold: 'sell', stood: 'stand', understood: 'understand', built: 'build', caught: 'catch',
  fought: 'fight', bought: 'buy', taught: 'teach', lost: 'lose', broke: 'break', broken: 'break', children: 'child',
  men: 'man', women: 'woman', pled: 'plead', shot: 'shoot', hung: 'hang', bore: 'bear', born: 'bear', froze: 'freeze',
  frozen: 'freeze', wore: 'wear', worn: 'wear', threw: 'throw', thrown: 'throw', forgave: 'forgive', withdrew: 'withdraw',
  withdrawn: 'withdraw', undertook: 'undertake', oversaw: 'oversee', overseen: 'oversee', sped: 'speed', fled: 'flee',
  hid: 'hide', hidden: 'hide', bit: 'bite', slid: 'slide', swept: 'sweep', wept: 'weep', slept: 'sleep', dealt: 'deal',
  sank: 'sink', sunk: 'sink', spun: 'spin', stuck: 'stick', stole: 'steal', stolen: 'steal', woke: 'wake',
};

/**
 * Paraphrase groups: each word is stemmed and mapped to the group's first word. Only near-synonyms that news
 * writers swap freely; antonyms, hypernyms and intensity changes ("killed"/"injured", "rise"/"soar") stay apart.
 */
const SYNONYM_GROUPS: readonly string[][] = [
  ['say', 'tell', 'announce', 'state', 'add', 'declare', 'note', 'remark', 'comment'],
  ['talk', 'discussion', 'negotiation'],
  ['hail', 'welcome', 'praise', 'applaud'],
  ['begin', 'start', 'commence', 'launch'],
  ['crucial', 'crunch', 'key', 'vital', 'critical', 'pivotal'],
  ['travel', 'fly', 'head'],
  ['arrest', 'detain', 'apprehend'],
  ['plan', 'scheme', 'plot'],
  ['fight', 'fighting', 'combat'],
  ['war', 'conflict'],
  ['stop', 'halt', 'end'],
  ['help', 'assist', 'aid'],
  ['big', 'large', 'huge', 'massive'],
  ['road', 'street', 'roadway'],
  ['quick', 'fast', 'rapid'],
  ['buy', 'purchase', 'acquire'],
  ['ask', 'request'],
  ['show', 'demonstrate', 'reveal', 'indicate'],
  ['meeting', 'meet'],
  ['protester', 'demonstrator', 'campaigner'],
  ['attack', 'assault'],
  ['admit', 'confess'],
  ['kill', 'slay'],
  ['near', 'close'],
  ['decline', 'drop', 'fall', 'reduction', 'downturn'],
  ['increase', 'rise', 'growth'],
  ['forecast', 'predict', 'project', 'expect', 'guide'],
  ['cliff', 'clifftop'],
  ['place', 'spot', 'location', 'site'],
  ['company', 'firm'],
  ['support', 'back', 'prop', 'sustain', 'bolster', 'shore'],
  ['struggle', 'troubled', 'ailing', 'embattled', 'distressed', 'faltering'],
];

const SYNONYM: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const group of SYNONYM_GROUPS) {
    const key = group[0]!;
    for (const w of group) {
      const k = stem(IRREGULAR[w] ?? w);
      if (!m.has(k)) m.set(k, key);
    }
  }
  return m;
})();

/** The lemma-ish key two inflected forms share ("said" = "say", "meetings" = "meet"). */
export function lemmaKey(norm: string, stemmed: string): string {
  const irr = IRREGULAR[norm];
  return irr ? stem(irr) : stemmed;
}

/** The key a paraphrase shares with its original ("announced" = "said"), or the lemma key itself. */
export function synonymKey(lemma: string): string {
  return SYNONYM.get(lemma) ?? lemma;
}

/** Nation key of a word ("ukrainian" → "ukraine"), or null. */
export function nationKey(norm: string): string | null {
  return NATION_KEY.get(norm) ?? null;
}

export const NEGATIONS = new Set(['not', 'never', 'no', 'nor', 'cannot', 'neither', 'without', 'none', 'nobody', 'nothing']);

export function isNegation(norm: string): boolean {
  return NEGATIONS.has(norm) || /n't$|n’t$/.test(norm);
}

/** Antonym pairs that make a sentence say the opposite ("increase"/"decline"): a swap is a contradiction. */
export const ANTONYMS: readonly [string, string][] = [
  ['increase', 'decline'], ['rise', 'fall'], ['win', 'lose'], ['accept', 'reject'], ['guilty', 'innocent'],
  ['approve', 'reject'], ['convict', 'acquit'], ['arrest', 'release'], ['agree', 'refuse'], ['support', 'oppose'],
];

/**
 * Length-preserving text preparation for matching: "U.K." → "UK  ", "20 000" → "20,000". Offsets into the result
 * are offsets into the original.
 */
export function prepText(s: string): string {
  return s
    .replace(/\b(?:[A-Z]\.){2,}/g, (m) => m.replace(/\./g, '') + ' '.repeat((m.match(/\./g) ?? []).length))
    .replace(/(\d)[ \u00a0\u202f\u2009](?=\d{3}\b)/g, '$1,');
}

/** Words whose support does not matter (discourse glue that survived the stopword list). */
export const WEAK_WORDS = new Set([
  'however', 'meanwhile', 'also', 'also', 'even', 'just', 'still', 'yet', 'already', 'later', 'earlier', 'originally',
  'well', 'according', 'said', 'say', 'says', 'mr', 'mrs', 'ms', 'sir', 'dr', 'dame', 'like', 'way', 'part', 'really', 'actually',
]);
