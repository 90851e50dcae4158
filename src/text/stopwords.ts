/** Small stopword lists: English in full, a few other news languages in short (enough for content-word extraction). */

const EN = `a about above after again against ago all almost along already also although always am among an and another
any anyone anything are aren't around as at away be became because become been before being below between both but by
can can't cannot could couldn't did didn't do does doesn't doing don't done down during each either else enough even ever
every few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here hers herself him himself
his how however i i'd i'll i'm i've if in into is isn't it it's its itself just least less like made make many may me
might more most much must mustn't my myself neither never no nor not now of off often on once one only onto or other
others otherwise our ours ourselves out over own per perhaps quite rather really said same say says shall she she'd
she'll she's should shouldn't since so some still such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those though through thus to too toward towards under until up
upon us very via was wasn't we we'd we'll we're we've were weren't what what's when where whether which while who who's
whom whose why will with within without won't would wouldn't yet you you'd you'll you're you've your yours yourself
yourselves`;

const DE = `aber als am an auch auf aus bei bin bis bist da damit dann das dass dem den der des die dies diese dieser dieses
doch dort du durch ein eine einem einen einer eines er es für hat hatte hier ich ihr im in ist ja jetzt kann kein keine
man mit nach nicht noch nun nur ob oder sehr sein seine sich sie sind so über um und uns von vor war waren was weil wenn
werden wie wir wird wurde zu zum zur`;

const FR = `à au aux avec ce ces cette dans de des du elle en est et eux il ils je la le les leur lui ma mais me même mes moi
mon ne nos notre nous on ont ou où par pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos votre
vous été était être a`;

const ES = `a al algo ante con como contra cual cuando de del desde donde durante el ella ellas ellos en entre era es esa ese
esta este fue ha han hasta la las le les lo los más me mi muy no nos o para pero por que se sin sobre su sus también
te tu un una uno y ya está están fueron ser son`;

function toSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

export const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: toSet(EN),
  de: toSet(DE),
  fr: toSet(FR),
  es: toSet(ES),
};

/** Union of all lists: used when the language is unknown. */
const ALL: ReadonlySet<string> = new Set(Object.values(STOPWORDS).flatMap((s) => [...s]));

/** `word` must already be normalised (lowercase, folded quotes). Unknown languages fall back to English. */
export function isStopword(word: string, language?: string | null): boolean {
  if (language === '*') return ALL.has(word);
  const list = STOPWORDS[(language ?? 'en').slice(0, 2).toLowerCase()] ?? STOPWORDS.en;
  return list!.has(word);
}
