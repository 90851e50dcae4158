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

/**
 * Derivational suffixes folded onto the verb or adjective they come from, so that "invasion" meets "invaded",
 * "approval" meets "approved", "financially" meets "financial". Rules on the light stem's output, each keeping a base
 * of at least four letters (so "tension", "version", "comment" stay whole). General English morphology.
 */
const DERIVATIONS: readonly [RegExp, string][] = [
  [/^(.{4,}?)icalli$/, '$1ic'],
  [/^(.{4,}?)alli$/, '$1al'],
  [/^(.{4,}?)(ous|ful|ent|ant)li$/, '$1$2'],
  [/^(.{4,}?)(iv|at)eli$/, '$1$2'],
  [/^(.{4,})ness$/, '$1'],
  [/^(.{4,}?)ification$/, '$1ifi'],
  [/^(.{4,}?)i[sz]ation$/, '$1iz'],
  [/^(.{3,}?)ation$/, '$1at'],
  [/^(.{4,}?)([ce])tion$/, '$1$2t'],
  [/^(.{4,}?)ption$/, '$1pt'],
  [/^(.{3,}?)etion$/, '$1et'],
  [/^(.{2,}?)(lu|ru|va|ci|vi|lo|li)sion$/, '$1$2d'],
  [/^(.{4,}?)nsion$/, '$1nd'],
  [/^(.{4,}?)ment$/, '$1'],
  [/^(.{4,}?)(v|s|w|ni)al$/, '$1$2'],
];

const DERIVED_TAIL = /(?:li|ness|ion|ment|al)$/;
const derived = new Map<string, string>();

function derive(key: string): string {
  if (key.length < 7 || !DERIVED_TAIL.test(key)) return key;
  let out = derived.get(key);
  if (out !== undefined) return out;
  out = key;
  for (const [re, to] of DERIVATIONS) if (re.test(key)) {
    out = key.replace(re, to).replace(/e+$/, '').replace(/i[sz]$/, 'iz');
    break;
  }
  if (derived.size > 50_000) derived.clear();
  derived.set(key, out);
  return out;
}

/** The dictionary form of an irregular inflection ("went" → "go"), else the word itself. */
export function baseForm(norm: string): string {
  return IRREGULAR[norm] ?? norm;
}

/** The lemma-ish key two inflected forms share ("said" = "say", "meetings" = "meet", "invasion" = "invade"). */
export function lemmaKey(norm: string, stemmed: string): string {
  const irr = IRREGULAR[norm];
  if (irr) return stem(irr);
  // British and American spellings of -ise/-ize verbs meet.
  return derive(stemmed.endsWith('is') && /is(?:e|ed|es|ing)$/.test(norm) ? `${stemmed.slice(0, -2)}iz` : stemmed);
}

/** The key a paraphrase shares with its original ("announced" = "said"), or the lemma key itself. */
export function synonymKey(lemma: string): string {
  return SYNONYM.get(lemma) ?? lemma;
}

/**
 * Capitals and a few large cities → nation key, one way only: a source naming the city supports the country ("London"
 * supports "U.K."), never the reverse. General knowledge, not fitted to any item.
 */
const CITY_NATION: ReadonlyMap<string, string> = new Map(Object.entries({
  london: 'uk', manchester: 'uk', birmingham: 'uk', liverpool: 'uk', edinburgh: 'scotland', glasgow: 'scotland',
  cardiff: 'wales', belfast: 'uk', dublin: 'ireland', 'new york': 'us', chicago: 'us', 'los angeles': 'us', boston: 'us',
  ottawa: 'canada', toronto: 'canada', montreal: 'canada', vancouver: 'canada', canberra: 'australia', sydney: 'australia',
  melbourne: 'australia', brisbane: 'australia', perth: 'australia', wellington: 'new zealand', auckland: 'new zealand',
  madrid: 'spain', barcelona: 'spain', rome: 'italy', milan: 'italy', lisbon: 'portugal', amsterdam: 'netherlands',
  brussels: 'belgium', vienna: 'austria', bern: 'switzerland', zurich: 'switzerland', geneva: 'switzerland',
  warsaw: 'poland', prague: 'czech republic', budapest: 'hungary', bucharest: 'romania', athens: 'greece',
  stockholm: 'sweden', oslo: 'norway', copenhagen: 'denmark', helsinki: 'finland', tallinn: 'estonia', riga: 'latvia',
  vilnius: 'lithuania', minsk: 'belarus', ankara: 'turkey', istanbul: 'turkey', tehran: 'iran', baghdad: 'iraq',
  damascus: 'syria', beirut: 'lebanon', jerusalem: 'israel', 'tel aviv': 'israel', cairo: 'egypt', riyadh: 'saudi arabia',
  doha: 'qatar', islamabad: 'pakistan', karachi: 'pakistan', delhi: 'india', 'new delhi': 'india', mumbai: 'india',
  tokyo: 'japan', osaka: 'japan', seoul: 'south korea', pyongyang: 'north korea', shanghai: 'china', 'hong kong': 'china',
  taipei: 'taiwan', brasilia: 'brazil', 'rio de janeiro': 'brazil', 'sao paulo': 'brazil', 'buenos aires': 'argentina',
  caracas: 'venezuela', 'mexico city': 'mexico', lagos: 'nigeria', abuja: 'nigeria', johannesburg: 'south africa',
  'cape town': 'south africa', pretoria: 'south africa', 'st petersburg': 'russia', odesa: 'ukraine', odessa: 'ukraine',
  kharkiv: 'ukraine', lviv: 'ukraine', munich: 'germany', frankfurt: 'germany', hamburg: 'germany', marseille: 'france',
  lyon: 'france', washington: 'us', kyiv: 'ukraine', kiev: 'ukraine', moscow: 'russia', kremlin: 'russia', berlin: 'germany',
  paris: 'france', beijing: 'china',
}));

/** Nation keys a source word supports beyond its own (a city → its country), or null. */
export function impliedNation(norm: string): string | null {
  return CITY_NATION.get(norm) ?? null;
}

/** Nation key of a word ("ukrainian" → "ukraine"), or null. A city keeps its own key: "Moscow" is not "Russian". */
export function nationKey(norm: string): string | null {
  return CITY_NATION.has(norm) ? null : (NATION_KEY.get(norm) ?? null);
}

export const NEGATIONS = new Set(['not', 'never', 'no', 'nor', 'cannot', 'neither', 'without', 'none', 'nobody', 'nothing']);

export function isNegation(norm: string): boolean {
  return NEGATIONS.has(norm) || /n't$|n’t$/.test(norm);
}

/**
 * Antonym pairs that make a sentence say the opposite ("increase"/"decline"): a swap is a contradiction. Written from
 * general English (verbs of change, outcomes, legal and business events, evaluative adjectives, directions in time);
 * none was added to fit a benchmark item. Each word is compared by its stem, so one form per word is enough.
 */
const ANTONYM_TEXT = `
increase:decline increase:decrease increase:reduce increase:cut increase:drop increase:fall rise:fall rise:drop rise:decline
grow:shrink growth:decline expand:contract expand:shrink gain:loss gain:lose profit:loss surplus:deficit boost:cut boost:hurt
raise:lower raise:cut higher:lower high:low highest:lowest more:less most:least many:few larger:smaller large:small big:small
up:down upward:downward ahead:behind ahead:back forward:backward forward:back forwards:backwards before:after earlier:later
early:late past:future first:last start:end begin:end open:close opened:closed opening:closing enter:exit arrive:depart
win:lose won:lost winner:loser victory:defeat succeed:fail success:failure pass:fail accept:reject approve:reject
approve:veto allow:ban allow:forbid allow:prohibit permit:ban permit:forbid legal:illegal legalise:ban legalize:ban
agree:disagree agree:refuse support:oppose supporter:opponent for:against favour:oppose praise:criticise praise:condemn
welcome:condemn welcome:reject confirm:deny admit:deny include:exclude add:remove join:leave join:quit hire:fire
hire:dismiss employ:dismiss appoint:dismiss appoint:sack elect:defeat promote:demote buy:sell purchase:sell import:export
borrow:lend lend:repay give:take send:receive attack:defend offence:defence offensive:defensive war:peace peaceful:violent
violent:nonviolent guilty:innocent convict:acquit conviction:acquittal charge:acquit arrest:release arrest:free
arrest:acquit jail:release detain:release capture:release imprison:release prosecute:acquit sentence:acquit
guilty:acquitted legal:unlawful lawful:unlawful true:false truth:lie honest:dishonest right:wrong correct:incorrect
positive:negative optimistic:pessimistic safe:dangerous safe:unsafe healthy:sick alive:dead live:die survive:die
survived:killed rescue:abandon save:kill save:sink save:destroy protect:destroy build:destroy build:demolish create:destroy
construct:demolish repair:damage fix:break strengthen:weaken strong:weak stronger:weaker rich:poor wealthy:poor
success:collapse thrive:struggle thriving:struggling prosper:struggle booming:struggling booming:ailing flourishing:failing
profitable:unprofitable solvent:insolvent stable:unstable healthy:troubled successful:troubled successful:struggling
triumphant:troubled triumphant:struggling victorious:defeated popular:unpopular famous:unknown public:private
known:unknown likely:unlikely possible:impossible certain:uncertain sure:unsure clear:unclear able:unable
complete:incomplete finished:unfinished full:empty present:absent present:missing found:lost find:lose
inside:outside internal:external domestic:foreign local:national urban:rural north:south east:west northern:southern
eastern:western left:right leftist:rightist liberal:conservative democratic:authoritarian majority:minority
maximum:minimum max:min top:bottom upper:lower above:below over:under rich:cheap expensive:cheap cheaper:costlier
hot:cold warm:cold wet:dry heavy:light fast:slow quick:slow faster:slower long:short longer:shorter old:new old:young
older:younger ancient:modern senior:junior adult:child male:female men:women husband:wife father:mother son:daughter
brother:sister king:queen boy:girl day:night morning:evening dawn:dusk summer:winter spring:autumn friend:enemy
ally:enemy ally:rival cooperate:compete peace:conflict calm:unrest ceasefire:offensive truce:war withdraw:deploy
withdraw:advance retreat:advance invade:withdraw invasion:withdrawal occupy:liberate occupation:liberation
annex:cede surrender:resist lift:impose ease:tighten relax:tighten loosen:tighten cut:hike cut:raise lower:hike
pay:owe credit:debit income:expense revenue:cost export:import supply:demand accept:decline accepted:declined
remember:forget love:hate like:dislike happy:sad happy:unhappy pleased:angry pleased:disappointed satisfied:dissatisfied
agreeable:hostile friendly:hostile warm:hostile praise:blame reward:punish hero:villain victim:perpetrator victim:attacker
victim:killer legal:criminal obey:violate comply:violate respect:violate keep:break keep:breach uphold:overturn
uphold:overrule uphold:reverse confirm:overturn upheld:overturned affirm:overturn prove:disprove include:omit
increase:lower worsen:improve improve:deteriorate better:worse best:worst good:bad positive:critical recover:relapse
recovery:recession boom:bust boom:recession expansion:recession inflation:deflation bull:bear bullish:bearish
online:offline connect:disconnect lock:unlock load:unload pack:unpack arm:disarm armed:unarmed mount:dismount
ascend:descend climb:descend push:pull attract:repel fill:drain float:sink rise:sink rise:plunge soar:plunge
soar:slump surge:slump surge:plunge jump:slide jump:fall climb:fall gain:slip rally:slump
`;
export const ANTONYMS: readonly [string, string][] = ANTONYM_TEXT.split(/\s+/).filter(Boolean).map((p) => p.split(':') as [string, string]);

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
