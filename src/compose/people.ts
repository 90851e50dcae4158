/**
 * "People in this story": who is who, from the name–role bindings the sources write ("German chancellor Friedrich
 * Merz", "Nato secretary general Mark Rutte") in their body text and in their photo captions. Captions never give a
 * body sentence (they describe a picture, not the news), but a caption that binds a name to a role is evidence of who
 * holds that role, and it is often the only place a participant is named. Each entry cites the span(s) that bind the
 * role and passes the verifier twice: against the caption or body text it cites (supported) and against the story's
 * body text (never contradicted, so a caption can not put a name in a role the articles give to someone else).
 */
import { analyse, type Analysis } from '../text/index.js';
import { buildSourceIndex, verifyClaim, type SourceIndex } from '../verify/index.js';
import type { Prepared } from './prepare.js';
import type { NameBook } from './rewrite.js';
import type { Citation, PersonEntry } from './types.js';

export const MAX_PEOPLE = 10;
/** Citations per entry (one per family, the wording's own first). */
const MAX_CITATIONS = 3;
/** How far before a name its role title may start (characters). */
const ROLE_REACH = 80;

interface Binding {
  name: string;
  role: string;
  citation: Citation;
  family: number;
  caption: boolean;
  /** Reading order: article, then position. */
  order: number;
}

/** Roles that only mean something next to someone else ("his Russian counterpart"). */
const RELATIVE = /\b(?:counterpart|predecessor|successor|opponent|rival|ally|colleague|friend|wife|husband|son|daughter)s?$/i;
/** A qualifier written just before a role title: a nation or body ("US", "Russian", "Ukraine's", "European Commission"). */
const QUALIFIER = /(?:\b(?:[A-Z]{2,5}|\p{Lu}\p{Ll}+(?:ian|an|ese|ish|ch|i)|\p{Lu}\p{Ll}+['’]s)\s+)$/u;

function bindingsOf(a: Analysis, text: string, push: (name: string, role: string, start: number, end: number) => void): void {
  for (const m of a.mentions) {
    // Relative roles ("his Russian counterpart", "the home's manager") need the sentence they came from.
    if (m.kind !== 'role-name' || m.type !== 'person' || !m.role || !m.entityId || RELATIVE.test(m.role) || /^\p{Ll}+['’]s\s/u.test(m.role)) continue;
    // The outlet's own words, not a speaker's ("president Putin" inside a quote).
    if (a.quotes.some((x) => x.outerStart <= m.start && m.start < x.outerEnd)) continue;
    const ent = a.entities.find((e) => e.id === m.entityId);
    if (!ent || !/\s/.test(ent.name)) continue;
    const before = text.slice(Math.max(0, m.start - ROLE_REACH), m.start);
    const at = before.toLowerCase().lastIndexOf(m.role.toLowerCase());
    // The binding as written: role title, then the name ("German chancellor Friedrich Merz"); or the name alone.
    let start = at >= 0 ? m.start - before.length + at : m.start;
    let role = at >= 0 ? text.slice(start, start + m.role.length) : m.role;
    // A bare title takes the qualifier written before it ("US president", "Russian President").
    const q = at >= 0 && !/\s/.test(role) ? QUALIFIER.exec(text.slice(Math.max(0, start - 30), start)) : null;
    if (q) {
      start -= q[0].length;
      role = text.slice(start, start + q[0].length + role.length);
    }
    // House style: no honorific on a name inside the role ("Mr Trump's envoy" → "Trump's envoy").
    push(ent.name, role.replace(/\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+(?=\p{Lu}\p{Ll}+['’]s\b)/u, ''), start, m.end);
  }
}

/** Verbatim caption lines per article (trimmed, empty ones dropped). */
function captionsOf(prep: Prepared, ai: number): string[] {
  return (prep.articles[ai]!.captions ?? []).map((c) => c.trim()).filter(Boolean);
}

export function peopleInStory(prep: Prepared, book: NameBook): PersonEntry[] {
  const bindings: Binding[] = [];
  const captionDocs: { id: string; text: string }[] = [];
  // Syndicated copies carry the same captions: each distinct caption is analysed once.
  const analysed = new Map<string, Analysis>();
  prep.articles.forEach((art, ai) => {
    // A derived source set aside binds nobody to a role, not even in its captions.
    if (prep.setAside[ai]) return;
    const family = prep.familyOf[ai]!;
    if (prep.analysed[ai]) {
      bindingsOf(prep.analyses[ai]!, art.text, (name, role, start, end) =>
        bindings.push({ name: book.full(name), role, citation: { articleId: art.id, start, end, text: art.text.slice(start, end) }, family, caption: false, order: ai * 1e7 + start }),
      );
    }
    captionsOf(prep, ai).forEach((cap, ci) => {
      let an = analysed.get(cap);
      if (!an) {
        analysed.set(cap, (an = analyse({ text: cap })));
        captionDocs.push({ id: `${art.id}#caption-${ci}`, text: cap });
      }
      bindingsOf(an, cap, (name, role, start, end) =>
        bindings.push({ name: book.full(name), role, citation: { articleId: art.id, caption: ci, start, end, text: cap.slice(start, end) }, family, caption: true, order: ai * 1e7 + 5e6 + ci * 1e3 + start }),
      );
    });
  });
  if (!bindings.length) return [];
  let captionIndex: SourceIndex | null = null;
  const byPerson = new Map<string, Binding[]>();
  for (const b of bindings) {
    const k = b.name.toLowerCase();
    (byPerson.get(k) ?? byPerson.set(k, []).get(k)!).push(b);
  }
  // Candidates in the order of the listing; the verifier runs only until the listing is full.
  interface Cand {
    name: string;
    role: string;
    chosen: Binding[];
    families: number;
    order: number;
  }
  const cands: Cand[] = [];
  for (const list of byPerson.values()) {
    // The role most families write (body text before captions, then reading order).
    const votes = new Map<string, { role: string; families: Set<number>; body: boolean; order: number }>();
    for (const b of list) {
      const k = b.role.toLowerCase();
      const v = votes.get(k) ?? votes.set(k, { role: b.role, families: new Set(), body: false, order: b.order }).get(k)!;
      v.families.add(b.family);
      v.body ||= !b.caption;
      v.order = Math.min(v.order, b.order);
    }
    // A bare title counts for the qualified ones that end with it ("president" for "US president"); the most
    // supported wins, then the more specific.
    const support = (v: { role: string; families: Set<number> }): number =>
      new Set([...votes.values()].filter((w) => v.role.toLowerCase().endsWith(w.role.toLowerCase())).flatMap((w) => [...w.families])).size;
    const words = (r: string): number => r.split(/\s+/).length;
    const best = [...votes.values()].sort((x, y) => support(y) - support(x) || words(y.role) - words(x.role) || Number(y.body) - Number(x.body) || x.order - y.order)[0]!;
    const chosen = list.filter((b) => best.role.toLowerCase().endsWith(b.role.toLowerCase())).sort((x, y) => Number(y.role === best.role) - Number(x.role === best.role) || Number(x.caption) - Number(y.caption) || x.order - y.order);
    cands.push({ name: chosen[0]!.name, role: best.role, chosen, families: support(best), order: chosen[0]!.order });
  }
  cands.sort((x, y) => y.families - x.families || y.chosen.length - x.chosen.length || x.order - y.order);
  const out: (PersonEntry & { order: number })[] = [];
  for (const { name, role, chosen, families, order } of cands) {
    if (out.length >= MAX_PEOPLE) break;
    const text = `${name}, ${role}`;
    // Never contradicted by the articles' own text; supported by the text it cites.
    const body = verifyClaim(text, prep.index);
    if (body.verdict === 'contradicted') continue;
    let check = body;
    if (body.verdict !== 'supported') {
      if (!chosen.some((b) => b.caption)) continue;
      captionIndex ??= buildSourceIndex(captionDocs);
      check = verifyClaim(text, captionIndex);
      if (check.verdict !== 'supported') continue;
    }
    const citations: Citation[] = [];
    const fams = new Set<number>();
    for (const b of chosen) {
      if (fams.has(b.family) || citations.length >= MAX_CITATIONS) continue;
      if (check === body && b.caption && chosen.some((x) => !x.caption && x.family === b.family)) continue;
      fams.add(b.family);
      citations.push(b.citation);
    }
    out.push({ name, role, text, citations, families, fromCaptions: chosen.every((b) => b.caption), verdict: check.verdict, score: check.score, order });
  }
  // Listed: body-text bindings first, then those only captions give; each by families, then reading order.
  return out.sort((x, y) => Number(x.fromCaptions) - Number(y.fromCaptions) || y.families - x.families || x.order - y.order).map(({ order: _o, ...e }) => e);
}
