/** Plain text in the shape of a newspaper copy: headline, paragraphs, section headings as lines, sources, the AI note. */
import type { Composite } from '../compose/index.js';
import { currentMark, sourceLabel, splitDerived } from './shared.js';

export function toText(c: Composite): string {
  const out: string[] = [c.headline.text];
  if (c.lede.length) out.push(c.lede.map((s) => s.text).join(' '));
  for (const sec of c.sections) {
    if (sec.heading) out.push(sec.heading);
    for (const p of sec.paragraphs) out.push(p.map((s) => s.text).join(' '));
  }
  if (c.quotes.length) {
    out.push('Key quotes');
    for (const q of c.quotes) out.push(`“${q.text}” (${q.speaker})`);
  }
  if (c.people?.length) {
    out.push('People in this story');
    for (const p of c.people) out.push(`${p.name}, ${p.role}`);
  }
  if (c.disagreements.length) {
    out.push('Where sources differ');
    for (const d of c.disagreements) out.push(`${d.about}: ${d.values.map((v) => `${v.value} (${v.sources.join(', ')})`).join('; ')}`);
  }
  if (c.timeline.length) {
    out.push('Timeline');
    for (const t of c.timeline) out.push(`${t.published ? t.published.slice(0, 10) : 'undated'}: ${t.title ?? t.storyId}${t.current ? ` (${currentMark(t.storyId, c.kind)})` : ''}`);
  }
  const used = c.sourcesUsed.map((s) => `${sourceLabel(s)}${s.title ? `, "${s.title}"` : ''}${s.via ? ` (via ${s.via})` : ''}`);
  out.push(`Sources used: ${used.join('; ')}.`);
  const { derived } = splitDerived(c);
  if (derived.length) out.push(`Derived sources (not counted as independent): ${derived.map((s) => `${sourceLabel(s)}${s.title ? `, "${s.title}"` : ''}`).join('; ')}.`);
  // Plain text has no links: say where they are instead of claiming them.
  out.push(c.disclosure.replace('every sentence links to the passages it is drawn from', 'every sentence is drawn from them (the Markdown, HTML and JSON forms link each sentence to the passages it cites)'));
  return out.join('\n') + '\n';
}
