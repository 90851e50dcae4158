/**
 * Closed word lists the heuristics lean on. Lowercase unless noted. Kept small on purpose: these are grammar
 * words of news English (titles, role nouns, speech verbs), not a gazetteer of people or organisations.
 */

/** Honorifics before a name, with the gender they imply (for pronoun agreement). Matched case-sensitively. */
export const HONORIFICS: ReadonlyMap<string, 'm' | 'f' | null> = new Map<string, 'm' | 'f' | null>([
  ['Mr', 'm'], ['Mr.', 'm'], ['Mrs', 'f'], ['Mrs.', 'f'], ['Ms', 'f'], ['Ms.', 'f'], ['Miss', 'f'], ['Mx', null],
  ['Dr', null], ['Dr.', null], ['Sir', 'm'], ['Dame', 'f'], ['Lord', 'm'], ['Lady', 'f'], ['Baroness', 'f'],
  ['Baron', 'm'], ['Prof', null], ['Prof.', null], ['Professor', null], ['Rev', null], ['Rev.', null],
  ['Gen', null], ['Gen.', null], ['Lt', null], ['Lt.', null], ['Col', null], ['Col.', null], ['Capt', null],
  ['Capt.', null], ['Sgt', null], ['Sen', null], ['Sen.', null], ['Rep', null], ['Rep.', null], ['Gov', null],
  ['Gov.', null], ['Herr', 'm'], ['Frau', 'f'], ['M.', 'm'], ['Mme', 'f'], ['Mme.', 'f'], ['Sr.', 'm'], ['Sra.', 'f'],
]);

/** Honorifics that go with the first name when only one name follows ("Sir Keir" = Keir Starmer). */
export const FIRST_NAME_HONORIFICS = new Set(['Sir', 'Dame']);

/**
 * Role head nouns (multi-word heads first). A role phrase is `[modifiers] head`, e.g. "Nato secretary general",
 * "German chancellor", "US president", "Mr Trump's envoy".
 */
export const ROLE_HEADS: readonly string[] = [
  'secretary general', 'secretary-general', 'prime minister', 'vice president', 'vice-president', 'foreign secretary',
  'foreign minister', 'defence secretary', 'defense secretary', 'home secretary', 'secretary of state',
  'attorney general', 'chief executive', 'special envoy', 'first minister', 'deputy prime minister',
  'director general', 'director-general', 'chief of staff', 'press secretary', 'high representative',
  'president', 'chancellor', 'premier', 'minister', 'secretary', 'envoy', 'ambassador', 'spokesman', 'spokeswoman',
  'spokesperson', 'leader', 'king', 'queen', 'prince', 'princess', 'pope', 'senator', 'governor', 'mayor', 'director',
  'ceo', 'chairman', 'chairwoman', 'chair', 'commissioner', 'commander', 'general', 'judge', 'counterpart', 'pm',
  'head', 'chief', 'founder', 'analyst', 'professor', 'editor', 'correspondent', 'negotiator', 'adviser', 'advisor',
  'aide', 'official', 'emir', 'crown prince', 'sultan', 'monarch', 'taoiseach', 'speaker', 'deputy', 'nurse', 'doctor',
  'teacher', 'engineer', 'captain', 'coach', 'manager', 'inspector', 'detective', 'sergeant', 'constable', 'bishop',
  'bundeskanzler', 'kanzler', 'kanzlerin', 'präsident', 'präsidentin', 'ministre', 'président', 'présidente',
  'presidente', 'ministro', 'ministra',
];

/** Role heads that name one office: two different ones on one person make an anaphor incompatible. */
export const SPECIFIC_OFFICES = new Set([
  'secretary general', 'prime minister', 'vice president', 'president', 'chancellor', 'premier', 'king', 'queen',
  'pope', 'envoy', 'special envoy', 'foreign minister', 'foreign secretary', 'defence secretary', 'mayor', 'governor',
]);

/** Words that may stand before a role head inside a role phrase (besides capitalised words and possessives). */
export const ROLE_MODIFIERS = new Set([
  'former', 'then', 'acting', 'interim', 'deputy', 'vice', 'foreign', 'defence', 'defense', 'interior', 'finance',
  'health', 'home', 'trade', 'special', 'senior', 'top', 'chief', 'press', 'military', 'national', 'security', 'his',
  'her', 'their', 'its', 'our', 'current', 'outgoing', 'incoming', 'newly', 'elected', 'new', 'long-time', 'longtime',
  'general', 'wartime', 'opposition', 'party', 'labour', 'conservative', 'republican', 'democratic', 'shadow',
  'presidential', 'federal', 'state', 'regional', 'european', 'international', 'russian', 'ukrainian',
]);

/** Role synonyms folded for matching roles across an article. */
export const ROLE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['pm', 'prime minister'], ['premier', 'prime minister'], ['secretary-general', 'secretary general'],
  ['vice-president', 'vice president'], ['director-general', 'director general'], ['kanzler', 'chancellor'],
  ['bundeskanzler', 'chancellor'], ['kanzlerin', 'chancellor'], ['präsident', 'president'],
  ['präsidentin', 'president'], ['président', 'president'], ['présidente', 'president'], ['presidente', 'president'],
  ['spokeswoman', 'spokesperson'], ['spokesman', 'spokesperson'], ['advisor', 'adviser'], ['defense secretary',
    'defence secretary'], ['chairwoman', 'chair'], ['chairman', 'chair'],
]);

/** Heads too generic to rule a person out ("leader" fits a president and a prime minister alike). */
export const GENERIC_HEADS = new Set(['leader', 'counterpart', 'head', 'chief', 'official', 'aide', 'adviser']);

/**
 * Countries and their adjectives/aliases, folded to one key for role nationality ("US" = "U.S." = "American" =
 * "United States"). Not a list of entities: only used to compare the nationality part of two role phrases.
 */
const NATIONS: readonly (readonly string[])[] = [
  ['us', 'u.s', 'u.s.', 'usa', 'united states', 'america', 'american', 'washington'],
  ['uk', 'u.k', 'u.k.', 'britain', 'british', 'united kingdom', 'england', 'english', 'briton'],
  ['ukraine', 'ukrainian', 'kyiv', 'kiev'], ['russia', 'russian', 'moscow', 'kremlin'],
  ['germany', 'german', 'berlin'], ['france', 'french', 'paris', 'frenchman', 'frenchwoman'],
  ['italy', 'italian'], ['spain', 'spanish', 'spaniard'], ['poland', 'polish'], ['china', 'chinese', 'beijing'],
  ['japan', 'japanese'], ['india', 'indian'], ['israel', 'israeli'], ['iran', 'iranian'], ['turkey', 'turkish'],
  ['canada', 'canadian'], ['australia', 'australian'], ['ireland', 'irish'], ['scotland', 'scottish', 'scot'],
  ['wales', 'welsh'], ['finland', 'finnish', 'finn'], ['sweden', 'swedish', 'swede'], ['norway', 'norwegian'],
  ['denmark', 'danish', 'dane'], ['netherlands', 'dutch'], ['belgium', 'belgian'], ['austria', 'austrian'],
  ['hungary', 'hungarian'], ['greece', 'greek'], ['portugal', 'portuguese'], ['brazil', 'brazilian'],
  ['mexico', 'mexican'], ['egypt', 'egyptian'], ['saudi arabia', 'saudi'], ['qatar', 'qatari'], ['syria', 'syrian'],
  ['pakistan', 'pakistani'], ['belarus', 'belarusian'], ['georgia', 'georgian'], ['estonia', 'estonian'],
  ['latvia', 'latvian'], ['lithuania', 'lithuanian'], ['romania', 'romanian'], ['czech republic', 'czech'],
  ['switzerland', 'swiss'], ['south korea', 'south korean'], ['north korea', 'north korean'], ['taiwan', 'taiwanese'],
  ['palestine', 'palestinian'], ['lebanon', 'lebanese'], ['nigeria', 'nigerian'], ['south africa', 'south african'],
  ['argentina', 'argentine', 'argentinian'], ['venezuela', 'venezuelan'], ['nato'], ['eu', 'european union'], ['europe', 'european'],
  ['un', 'united nations'],
];
export const NATION_KEY: ReadonlyMap<string, string> = new Map(NATIONS.flatMap((g) => g.map((n) => [n, g[0]!])));

/** Demonyms usable alone as a person anaphor ("the Ukrainian described the talks"). */
export const PERSON_DEMONYMS = new Set([
  'american', 'briton', 'ukrainian', 'russian', 'german', 'frenchman', 'frenchwoman', 'italian', 'spaniard', 'pole',
  'israeli', 'iranian', 'canadian', 'australian', 'chinese', 'swede', 'finn', 'dane', 'norwegian', 'hungarian',
  'turk', 'scot', 'irishman', 'dutchman', 'belgian', 'austrian', 'greek', 'brazilian', 'mexican', 'indian',
]);

/**
 * Speech and statement verbs (all inflections listed: no stemming on this hot path). Includes verbs that
 * introduce a characterisation the writer quotes ("described the talks as", "called them", "hailed").
 */
const SPEECH_BASES = `say said says saying tell told tells telling add added adds adding claim claimed claims claiming
state stated states stating write wrote writes writing written post posted posts posting tweet tweeted tweets tweeting
argue argued argues arguing explain explained explains explaining continue continued continues continuing declare
declared declares declaring announce announced announces announcing note noted notes noting suggest suggested suggests
suggesting urge urged urges urging ask asked asks asking reply replied replies replying respond responded responds
responding insist insisted insists insisting warn warned warns warning describe described describes describing call
called calls calling hail hailed hails hailing praise praised praises praising welcome welcomed welcomes welcoming
commend commended commends commending tout touted touts touting accuse accused accuses accusing admit admitted admits
admitting acknowledge acknowledged acknowledges acknowledging vow vowed vows vowing pledge pledged pledges pledging
promise promised promises promising stress stressed stresses stressing emphasise emphasised emphasises emphasising
emphasize emphasized emphasizes emphasizing maintain maintained maintains maintaining remark remarked remarks
recall recalled recalls recalling predict predicted predicts predicting caution cautioned cautions cautioning demand
demanded demands demanding quip quipped joke joked jokes joking concede conceded concedes conceding confirm confirmed
confirms confirming deny denied denies denying introduce introduced introduces introducing label labelled labeled
brand branded dub dubbed criticise criticised criticize criticized condemn condemned thank thanked thanks promise
declared comment commented comments commenting reiterate reiterated reiterates observe observed
mutter muttered shout shouted shouts yell yelled wrote speak spoke speaks speaking`;
export const SPEECH_VERBS: ReadonlySet<string> = new Set(SPEECH_BASES.split(/\s+/).filter(Boolean));

/** Participles that attach a quote to the subject of the main clause ("..., adding: "..."). */
export const SPEECH_PARTICIPLES = new Set([...SPEECH_VERBS].filter((v) => v.endsWith('ing')));

/** Words that may sit between a speaker and its verb ("he had originally said", "Mr X, meanwhile, said"). */
export const SPEECH_FILLERS = new Set([
  'has', 'had', 'have', 'was', 'is', 'will', 'would', 'also', 'later', 'then', 'originally', 'previously', 'earlier',
  'reportedly', 'meanwhile', 'however', 'again', 'once', 'later', 'subsequently', 'further', 'simply', 'just', 'told',
  'did', 'does', 'not', 'never', 'since', 'too', 'first', 'repeatedly', 'publicly', 'privately', 'separately',
  'both', 'all', 'had', 'been', 'being', 'could', 'may', 'might', 'should', 'can', 'to', 'be',
]);

export const PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'p' | 'i'> = new Map<string, 'm' | 'f' | 'p' | 'i'>([
  ['he', 'm'], ['she', 'f'], ['they', 'p'], ['we', 'p'], ['i', 'i'],
]);

/** Generic speaker phrases' heads: "a spokesman said", "officials said", "experts warned". */
export const GENERIC_SPEAKER_HEADS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'source', 'sources', 'analyst', 'analysts',
  'expert', 'experts', 'diplomat', 'diplomats', 'aide', 'aides', 'statement', 'reporters', 'witness', 'witnesses',
  'residents', 'resident', 'police', 'ministry', 'government', 'kremlin', 'spokespeople',
]);

/** Words that mark a capitalised run as an organisation. Case-sensitive (capitalised in the text). */
export const ORG_WORDS = new Set([
  'Ministry', 'Council', 'Agency', 'Party', 'Commission', 'Institute', 'Department', 'Office', 'Union', 'Bank',
  'Corporation', 'Corp', 'Inc', 'Ltd', 'Group', 'Association', 'Organisation', 'Organization', 'Committee', 'Court',
  'Parliament', 'Senate', 'Congress', 'Army', 'Forces', 'Force', 'Police', 'University', 'College', 'News', 'Times',
  'Post', 'Guardian', 'Telegraph', 'Journal', 'Press', 'Foundation', 'Fund', 'Authority', 'Service', 'Services',
  'Board', 'Cabinet', 'Government', 'Kremlin', 'Nato', 'NATO', 'EU', 'UN', 'Pentagon', 'Treasury', 'Assembly',
  'Federation', 'League', 'Club', 'Company', 'Airlines', 'Network', 'Media', 'Social', 'Coalition', 'Navy',
  'Bundestag', 'Bundesregierung', 'Hospital', 'School', 'Church', 'Embassy', 'Secretariat', 'Directorate',
]);

/** Words that mark a capitalised run as a place ("White House" is a building, close enough). */
export const PLACE_WORDS = new Set([
  'Street', 'Road', 'Avenue', 'Square', 'House', 'Palace', 'Office', 'Room', 'Wing', 'City', 'County', 'State',
  'Province', 'Region', 'Island', 'Islands', 'Sea', 'Ocean', 'River', 'Mountains', 'Valley', 'Airport', 'Base',
  'Republic', 'Kingdom', 'Bay', 'Lake', 'Park', 'Bridge', 'Square', 'Station',
]);

export const WEEKDAYS: readonly string[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Month names and abbreviations in en/de/fr/es → month number (1-12). Keys lowercase, diacritics kept. */
export const MONTHS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const lists = [
    'january february march april may june july august september october november december',
    'jan feb mar apr may jun jul aug sep oct nov dec',
    'januar februar märz april mai juni juli august september oktober november dezember',
    'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
    'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  ];
  for (const list of lists) list.split(' ').forEach((name, i) => m.set(name, i + 1));
  m.set('sept', 9);
  m.set('jänner', 1);
  m.set('setiembre', 9);
  return m;
})();

/** Weekday names in de/fr/es → index (0 = Sunday). */
export const FOREIGN_WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sonntag', 0], ['montag', 1], ['dienstag', 2], ['mittwoch', 3], ['donnerstag', 4], ['freitag', 5], ['samstag', 6],
  ['sonnabend', 6], ['dimanche', 0], ['lundi', 1], ['mardi', 2], ['mercredi', 3], ['jeudi', 4], ['vendredi', 5],
  ['samedi', 6], ['domingo', 0], ['lunes', 1], ['martes', 2], ['miércoles', 3], ['jueves', 4], ['viernes', 5],
  ['sábado', 6],
]);
