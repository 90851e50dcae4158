/**
 * Stories and storylines (see ../shared/DESIGN.md, "The article model": Story, storyline).
 * A story is the coverage of one event; a storyline links stories of one thread across days.
 */

export interface StoryInput {
  id: string;
  /** Cleaned body text. */
  text: string;
  title?: string | null;
  /** ISO 8601 date or date-time. */
  published?: string | null;
  publisher?: string | null;
  /** BCP 47 primary subtag; English assumed. */
  language?: string | null;
}

/** The syndication families of the inputs, as `findFamilies` returns them (only ids are read). */
export interface FamilyRef {
  id: string;
  canonical: string;
  members: { id: string }[];
}

export interface Story {
  /** `s1`, `s2`... in order of first publication (then smallest member id) in a batch run. */
  id: string;
  title: string | null;
  /** Member article ids, ordered by (published, id). */
  members: string[];
  /** Family ids represented in the story (each counts once as an independent source). */
  families: string[];
  /** Earliest and latest known publication (ISO as given), null when no member has a date. */
  first: string | null;
  last: string | null;
  /**
   * The story's developments in time order: each day's news within the event (the flood on Monday night, the
   * inquiry ordered on Wednesday), clustered like stories with the development time model (thresholds.ts
   * DEVELOPMENT_HALF_LIFE_DAYS). One development holding every member when the story is one day's news.
   */
  developments: Development[];
}

export interface Development {
  /** Member article ids, ordered by (published, id). */
  members: string[];
  title: string | null;
  first: string | null;
}

export interface Storyline {
  /** `l1`, `l2`... in order of their first story. */
  id: string;
  /** Story ids ordered by time. */
  stories: string[];
}

export interface StoryOptions {
  /** Average-link similarity at or above which two clusters merge (see ./thresholds.ts). */
  threshold?: number;
  /** Weight of entity overlap against word overlap, 0..1. */
  entityWeight?: number;
  /** Factor of two texts whose protagonists differ, 0..1 (1: protagonists ignored). */
  protagonistFactor?: number;
  /** Factor of two texts dated only by years that differ, 0..1 (1: years ignored). */
  yearFactor?: number;
  /** Syndication families: each family is clustered once, through its canonical member. */
  families?: readonly FamilyRef[];
}

export interface StorylineOptions {
  /** Content similarity (no time factor) at or above which two stories continue one thread. */
  threshold?: number;
  /** Largest gap in days between two linked stories. */
  maxGapDays?: number;
}

export class StoryInputError extends Error {
  override name = 'StoryInputError';
  constructor(
    readonly inputId: string,
    message: string,
  ) {
    super(`stories: input ${JSON.stringify(inputId)}: ${message}`);
  }
}
