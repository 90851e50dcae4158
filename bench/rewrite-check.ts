/**
 * An independent reading of one rewritten composite sentence against the source sentence it was rewritten from:
 * did the rewrite change a named entity, a number or a date? Deliberately simple and separate from the gate
 * (src/verify/entities.ts), so that the bench measures the gate rather than agreeing with it by construction.
 *
 * - Names: maximal runs of capitalised words (a sentence-initial word alone is ignored: capitals there prove
 *   nothing; honorifics and a possessive 's are stripped). Every run the rewrite added must be a run some source of
 *   the story writes by itself, and must be the same name as a run it replaced (one is the other's last words, or
 *   both end with the same word) or be written in the cited antecedent sentence (a pronoun or role noun resolved).
 *   Every run it removed must be replaced so, or be a cut the rewrite records (a dateline, a connective).
 * - Numbers and dates: the digit groups, month and weekday words are the same multiset before and after.
 */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Dr|Lord|Lady|Prof|Professor)\.?\s+/;
const RUN = /\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:of|de|da|del|von|van|der|al|bin|la|le)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;
const FUNCTION = /^(?:The|A|An|And|But|In|On|At|For|From|To|By|With|As|After|Before|He|She|It|They|We|I|His|Her|Its|Their|This|That|These|Those|There|When|While|If|Meanwhile|However|Also|Yet|So|Now|Still|According|Of|Last|Earlier|Later)$/;
const TEMPORAL = /\b(?:\d[\d,.]*|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)\b/g;

const clean = (s: string): string => s.replace(HONORIFIC, '').replace(/['’]s?$/, '').replace(/[.,]$/, '').trim();

/** A possessive ends a name ("Karamanlis' New Democracy": Karamanlis, New Democracy). */
function splitPossessive(run: string, at: number): { 0: string; index: number }[] {
  const out: { 0: string; index: number }[] = [];
  let from = 0;
  for (const m of run.matchAll(/['’]s?\s+/g)) {
    out.push({ 0: run.slice(from, m.index + m[0].trimEnd().length), index: at + from });
    from = m.index + m[0].length;
  }
  out.push({ 0: run.slice(from), index: at + from });
  return out;
}

/** Name runs of a sentence, as written (cleaned). */
export function nameRuns(sentence: string): string[] {
  const out: string[] = [];
  for (const whole of sentence.matchAll(RUN)) for (const m of splitPossessive(whole[0], whole.index ?? 0)) {
    let run = m[0];
    const at = m.index ?? 0;
    const before = sentence.slice(0, at).trimEnd();
    const initial = before === '' || /[.!?:;"“‘(—–-]$/.test(before);
    // A sentence-initial function word is not part of the name ("The Cambodian People's Party" keeps its name).
    const words = run.split(/\s+/);
    if (initial && FUNCTION.test(words[0]!.replace(/[.,]$/, ''))) words.shift();
    while (words.length && FUNCTION.test(words[words.length - 1]!.replace(/[.,]$/, ''))) words.pop();
    if (!words.length) continue;
    run = clean(words.join(' '));
    if (run) out.push(run);
  }
  return out;
}

export function temporals(sentence: string): string[] {
  return [...sentence.matchAll(TEMPORAL)].map((m) => m[0].replace(/[.,]$/, '').toLowerCase()).sort();
}

const lastWord = (s: string): string => s.split(/\s+/).pop()!.toLowerCase();
const sameName = (a: string, b: string): boolean => {
  if (a === b) return true;
  const wa = a.split(/\s+/);
  const wb = b.split(/\s+/);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  // One is the other's last words ("Starmer" of "Keir Starmer"), or the same given and family name spelt alike.
  return long.slice(long.length - short.length).join(' ') === short.join(' ') || lastWord(a) === lastWord(b);
};

export interface RewriteChange {
  kind: 'entity' | 'number-or-date';
  detail: string;
}

/**
 * What the rewrite changed, or [] when it changed no entity, number or date. `sourceRuns`: every run any source of
 * the story writes; `personForms`: single words the sources write as a person's name by itself (after an
 * honorific, "Mr Starmer", or as the speaker of "Starmer said"), the only forms a longer name may be shortened to;
 * `antecedents`: cited sentences other than the rewritten one (a resolved pronoun's antecedent).
 */
export function rewriteChanges(output: string, source: string, sourceRuns: ReadonlySet<string>, personForms: ReadonlySet<string>, antecedents: readonly string[]): RewriteChange[] {
  const out: RewriteChange[] = [];
  const after = nameRuns(output);
  const before = nameRuns(source);
  const anteRuns = new Set(antecedents.flatMap(nameRuns));
  const added = after.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !after.includes(r) && !output.includes(r));
  for (const r of added) {
    // A word capitalised because a connective before it was cut ("But evidently" → "Evidently").
    if (!/\s/.test(r) && source.toLowerCase().includes(r.toLowerCase()) && output.startsWith(r)) continue;
    if (source.includes(r) && before.some((b) => b.includes(r) && b !== r)) {
      // Shortened from a longer run of the source: only to a form the sources write by itself, of the same name.
      const from = before.find((b) => b.includes(r) && b !== r)!;
      if (!sourceRuns.has(r) || !from.endsWith(r) || !personForms.has(r)) out.push({ kind: 'entity', detail: `"${from}" became "${r}"` });
      continue;
    }
    // The same name: one ends the other, or a given name became the surname of the full name the sources write
    // ("Sir Keir" → "Starmer": Keir Starmer).
    const together = (b: string): boolean => !/\s/.test(r) && !/\s/.test(b) && [...sourceRuns].some((x) => { const w = x.split(/\s+/); return w.length >= 2 && w[0] === b && w[w.length - 1] === r; });
    const same = (b: string): boolean => sameName(b, r) || together(b);
    const ok = sourceRuns.has(r) && (removed.some(same) || before.some(same) || [...anteRuns].some(same));
    if (!ok) out.push({ kind: 'entity', detail: `"${r}" not licensed` });
  }
  const heldTogether = (a: string, b: string): boolean => !/\s/.test(a) && !/\s/.test(b) && [...sourceRuns].some((x) => { const w = x.split(/\s+/); return w.length >= 2 && w[0] === b && w[w.length - 1] === a; });
  for (const r of removed) {
    if (!after.some((a) => sameName(a, r) || heldTogether(a, r))) out.push({ kind: 'entity', detail: `"${r}" dropped` });
  }
  const ta = temporals(output);
  const tb = temporals(source);
  if (ta.join('|') !== tb.join('|')) out.push({ kind: 'number-or-date', detail: `${tb.join(',')} → ${ta.join(',')}` });
  return out;
}

const SPEECH = /^(?:said|says|told|added|asked|warned|explained|replied|wrote|insisted|recalled|confirmed|announced)$/;
const NATIONISH = /^(?:France|Britain|England|Spain|Chile|China|Russia|Ukraine|America|Germany|Italy|Japan|India|London|Paris|Washington|Cambodia|Europe)$/;

/** Single-word person forms a story's sources write: after an honorific, or as the speaker of a speech verb. */
export function personFormsOf(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Prof)\.?\s+(\p{Lu}[\p{L}'’-]+)/gu)) out.add(m[1]!);
    for (const m of t.matchAll(/(?<![\p{Lu}][\p{L}'’-]*\s)\b(\p{Lu}[\p{L}'’-]+),?\s+(\p{Ll}+)\b/gu)) if (SPEECH.test(m[2]!) && !NATIONISH.test(m[1]!)) out.add(m[1]!);
    // Written by itself mid-sentence, not after a place preposition ("Ketsoyan told" / "with Ketsoyan"), where the
    // sources also write it as the last word of a longer name.
    for (const m of t.matchAll(/(?<=[a-z,;] )(?<!\b(?:in|to|from|at|near|of|into) )(\p{Lu}[\p{Ll}'’][\p{L}'’-]+)(?=[ ,.;:])(?! \p{Lu})/gu)) {
      if (!NATIONISH.test(m[1]!) && new RegExp(`\\p{Lu}\\p{Ll}+ ${m[1]}\\b`, 'u').test(texts.join('\n'))) out.add(m[1]!.replace(/['’]s$/, ''));
    }
  }
  return out;
}

/** Every name run any of the texts writes. */
export function runsOf(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  // A run and its last words ("Tony Reagins" of "Angels GM Tony Reagins"): a name written after a title.
  for (const t of texts) for (const line of t.split(/(?<=[.!?])\s+/)) for (const r of nameRuns(line)) {
    const w = r.split(/\s+/);
    for (let k = 0; k < w.length; k++) out.add(w.slice(k).join(' '));
  }
  return out;
}
