/**
 * Shared text analysis types (see ../shared/DESIGN.md, "The article model": Sentence).
 * Every offset is a UTF-16 index into the analysed text; `text.slice(start, end)` is the span's text.
 */

/** A word or number token with its character span. */
export interface Token {
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** Lowercased, typographic quotes/dashes folded, diacritics stripped: the form used for matching. */
  norm: string;
  kind: 'word' | 'number';
}

export interface Sentence {
  /** Position in the article, from 0. */
  index: number;
  /** Paragraph number (paragraphs are separated by blank lines), from 0. */
  paragraph: number;
  start: number;
  end: number;
  /** `text.slice(start, end)`, trimmed. */
  text: string;
}

export type EntityType = 'person' | 'org' | 'place' | 'unknown';

export interface Mention {
  start: number;
  end: number;
  text: string;
  /** Null for a role noun ("the US president") that could not be resolved to a named entity. */
  entityId: string | null;
  type: EntityType;
  /**
   * Role title bound at this mention ("German chancellor" in "German chancellor Friedrich Merz"),
   * or the role noun itself for an anaphoric mention ("Prime Minister" in "the Prime Minister").
   */
  role: string | null;
  /** How the mention was recognised: `name`, `honorific`, `role-name`, `role-anaphor`, `acronym`... */
  kind: MentionKind;
}

export type MentionKind = 'name' | 'honorific' | 'role-name' | 'role-anaphor' | 'surname' | 'acronym';

export interface Entity {
  /** `e1`, `e2`... in order of first appearance. */
  id: string;
  /** Longest full form without honorific ("Keir Starmer"). */
  name: string;
  type: EntityType;
  /** Every distinct written form that refers to it ("Sir Keir", "Mr Starmer", "the PM"). */
  aliases: string[];
  /** Role titles bound to it, as written at their first binding ("German chancellor"). */
  roles: string[];
  /** Roles only inferred by resolving a role noun ("the PM" after "Sir Keir Starmer"), normalised. */
  inferredRoles: string[];
}

export type QuoteHow =
  /** `"...," X said` / `"...," said X` */
  | 'said-after'
  /** `X said the talks were "good"` (partial quote after the speech verb) */
  | 'said-before'
  /** `X said: "..."` */
  | 'colon'
  /** `... "have a good chance" of stopping the conflict, X said.` */
  | 'sentence-end'
  /** A paragraph that opens with a quote mark continues the previous quote (newspaper convention). */
  | 'continuation'
  /** A bare quote paragraph after a paragraph whose subject spoke ("He said ...") */
  | 'context'
  | 'none';

export interface Quote {
  /** Span of the quoted text inside the marks (for an unclosed quote: to the end of its paragraph). */
  start: number;
  end: number;
  text: string;
  /** Span including the quote marks. */
  outerStart: number;
  outerEnd: number;
  /** Sentence holding the opening mark. */
  sentenceIndex: number;
  /** The closing mark was found (false: runs to the end of the paragraph, the next may continue it). */
  closed: boolean;
  /** True when the quote is a fragment inside a sentence of the writer's own words. */
  partial: boolean;
  /** Canonical name of the speaker when resolvable (entity name), else null. */
  speaker: string | null;
  speakerEntityId: string | null;
  /** The speaker as written at the attribution ("he", "the US president", "Mr Witkoff"). */
  speakerMention: string | null;
  /** Where it was said ("the BBC", "Truth Social", "Fox News", "CNN", "X"). */
  venue: string | null;
  how: QuoteHow;
  /** How the speaker phrase was turned into a name. */
  resolvedVia: 'name' | 'pronoun' | 'role' | 'previous-quote' | null;
}

export type NumberKind = 'count' | 'money' | 'percent' | 'ordinal' | 'year' | 'duration';

export interface NumberMention {
  start: number;
  end: number;
  text: string;
  value: number;
  /** Currency code (`USD`, `GBP`, `EUR`), `%`, or the counted noun / time unit ("children", "months"). */
  unit: string | null;
  kind: NumberKind;
}

export type DateGranularity = 'day' | 'week' | 'weekend' | 'month' | 'year';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** `YYYY-MM-DD` (first day of the period for coarser granularities), null when it cannot be resolved. */
  date: string | null;
  granularity: DateGranularity;
  /** A reference relative to the publication date ("on Monday", "yesterday", "last week"). */
  relative: boolean;
  /** `absolute`, `past-tense`, `future-tense`, `nearest`, `publication`, `year-from-publication`, `unresolved`. */
  resolvedBy: string;
  /** The weekday a weekday reference names (0 Sunday … 6 Saturday), known even when `date` is not. */
  weekday?: number;
}

export interface AnalyseInput {
  text: string;
  /** Publication date or date-time (ISO 8601); anchors relative dates. */
  published?: string | null;
  /** BCP 47 primary subtag ("en", "de"); English assumed when absent. */
  language?: string | null;
}

export interface Analysis {
  sentences: Sentence[];
  entities: Entity[];
  mentions: Mention[];
  quotes: Quote[];
  numbers: NumberMention[];
  dates: DateMention[];
}
