/**
 * What Readability left out: the blocks of text it was given (after pruning) that the article keeps nowhere (not in
 * its paragraphs, captions, metadata or the removed list with another reason). Readability itself reports nothing of
 * what it drops; comparing its input with the outcome is how the article's `removed` comes to list it.
 */
import type { Removed } from '../types.js';
import { collapse } from './dom.js';

/** `before`: text blocks given to Readability, in page order; `kept`: every string the article keeps; `remembered`: cue-named block texts with their reasons (boilerplate.ts preserveCues). */
export function droppedBlocks(before: readonly string[], kept: readonly (string | null | undefined)[], remembered?: ReadonlyMap<string, string>): Removed[] {
  const hay = kept.map((k) => collapse(k)).filter(Boolean).join('\n');
  const seen = new Set<string>();
  const out: Removed[] = [];
  for (const block of before) {
    const text = collapse(block);
    if (!text || seen.has(text) || hay.includes(text)) continue;
    seen.add(text);
    out.push({ text, reason: remembered?.get(text) ?? 'readability' });
  }
  return out;
}
