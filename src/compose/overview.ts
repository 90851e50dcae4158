/**
 * The storyline overview: one article over a storyline's stories (or over one story's day developments), written
 * before the stories' own articles. The latest state first (the latest development's best opening sentence is the
 * lede), then each development in time order under its date, with its best one or two facts. Every sentence goes
 * through the same gate as a story's article (composeWithSources): cited, verified, names checked.
 */
import { composeWithSources, type Placed, type Plan } from './extractive.js';
import type { Prepared } from './prepare.js';
import { redundant, type Ranked } from './rank.js';
import type { ComposeInput, ComposeOptions, Composite } from './types.js';

/** One development of the storyline: a story of it, or one day of a story that developed. */
export interface OverviewUnit {
  id: string;
  title: string | null;
  /** ISO date or date-time of its first report. */
  published: string | null;
  /** Ids of its articles (among the input's `articles`). */
  articleIds: string[];
}

export interface OverviewInput extends Omit<ComposeInput, 'storyline' | 'storyId'> {
  /** The developments in time order (at least two). */
  units: OverviewUnit[];
}

/**
 * Words per development when `--words` is not given: about two sentences (the developing example's and the
 * seeds' sentences are 25-35 words long): each day gets its opening fact, and a second one when the opening is short.
 * Read on examples/developing, where it gives one sentence a day and a 230-word overview.
 */
export const WORDS_PER_UNIT = 60;
/** Words of the lede on top of the developments (one opening sentence of the latest report). */
export const LEDE_WORDS = 45;
/**
 * A story that developed over at least this many days gets an overview of its developments before its article.
 * 3: the seeds (a Saturday preview, then Tuesday's talks: a story and its follow-up, which the story's article already
 * opens with the latest of) stay one article; examples/developing (five days) opens with its overview.
 */
export const MIN_OVERVIEW_DEVELOPMENTS = 3;

/** At most this many sentences per development: an overview names what happened; the stories' articles tell it. */
export const MAX_PER_UNIT = 2;

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Monday 13 July" (with the year when `withYear`), from an ISO date; "Undated" when there is none. */
export function dateHeading(iso: string | null, withYear: boolean): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return 'Undated';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${withYear ? ` ${m[1]}` : ''}`;
}

/** The overview's plan: which development a fact belongs to (the earliest that reports it), and the selection. */
function overviewPlan(prep: Prepared, units: readonly OverviewUnit[]): Plan {
  const unitOfId = new Map<string, number>();
  units.forEach((u, i) => u.articleIds.forEach((id) => unitOfId.set(id, i)));
  const unitOfArticle = prep.articles.map((a) => unitOfId.get(a.id) ?? -1);
  // A fact is news of the first development that reports it (later reports repeat it as background).
  const unitOf = (r: Ranked): number => Math.min(...r.fact.members.map((m) => unitOfArticle[m.article] ?? -1).filter((u) => u >= 0), units.length);
  const last = units.length - 1;
  const dayOf = (r: Ranked): string => prep.articles[r.fact.rep.article]!.published?.slice(0, 10) ?? '';
  let lede: Ranked | undefined;
  const years = new Set(units.map((u) => u.published?.slice(0, 4)).filter(Boolean));
  return {
    kind: 'overview',
    extras: false,
    select(pool, words, idf, latest) {
      const eligible = pool.filter((r) => r.fact.eligible);
      const byScore = (a: Ranked, b: Ranked): number => b.score - a.score || a.fact.id - b.fact.id;
      // The lede: the latest development's best opening sentence in its own wording, of its latest day's reports
      // (a story of the storyline may itself have developed: the inquiry the day after the flood).
      const ofLast = eligible.filter((r) => unitOf(r) === last && unitOfArticle[r.fact.rep.article] === last).sort((a, b) => Number(latest(b)) - Number(latest(a)) || byScore(a, b));
      lede = ofLast.find((r) => r.fact.rep.sentence.index === 0) ?? ofLast[0];
      const chosen: Ranked[] = lede ? [lede] : [];
      const perUnit = Math.max(1, (words - (lede?.fact.rep.words ?? 0)) / units.length);
      for (let u = 0; u < units.length; u++) {
        // The reports' own openings first (a report's first sentence says what is new that day), then by score.
        const cands = eligible.filter((r) => unitOf(r) === u && !chosen.includes(r)).sort((a, b) => Number(b.firstIndex === 0) - Number(a.firstIndex === 0) || byScore(a, b));
        let used = 0;
        let n = 0;
        for (const r of cands) {
          if (n >= MAX_PER_UNIT || (n > 0 && used + r.fact.rep.words > perUnit)) break;
          if (chosen.some((c) => redundant(r, c, idf, dayOf(c) === dayOf(r)) || redundant(c, r, idf, dayOf(c) === dayOf(r)))) continue;
          chosen.push(r);
          used += r.fact.rep.words;
          n++;
        }
      }
      return chosen;
    },
    layout(chosen) {
      const placed: Placed[] = [];
      const sections: Ranked[][] = units.map(() => []);
      for (const r of chosen) {
        if (r === lede) placed.unshift({ ranked: r, section: -1 });
        else sections[Math.min(unitOf(r), last)]!.push(r);
      }
      for (const s of sections) s.sort((a, b) => a.order - b.order || a.fact.id - b.fact.id);
      sections.forEach((s, i) => placed.push(...s.map((ranked) => ({ ranked, section: i }))));
      return { placed, sections };
    },
    heading: (i) => dateHeading(units[i]?.published ?? null, years.size > 1),
  };
}

/** The overview composite of a storyline (`roundup write` prints it first; `roundup show l<N> --composite`). */
export function composeOverview(input: OverviewInput, options: ComposeOptions = {}): Composite {
  const { units, ...rest } = input;
  const latest = units[units.length - 1];
  const words = options.words ?? LEDE_WORDS + WORDS_PER_UNIT * units.length;
  const storyline = { stories: units.map((u) => ({ id: u.id, title: u.title, published: u.published })) };
  return composeWithSources({ ...rest, storyline, storyId: latest?.id ?? null, headline: input.headline ?? latest?.title ?? null }, { ...options, words }, (prep) => overviewPlan(prep, units)).composite;
}
