/**
 * Segmentation of a plain-text page dump into units: one unit per non-blank line, each knowing the
 * block (run of lines between blank lines) it belongs to. Hard-wrapped paragraphs (a line cut
 * mid-sentence and continued in lowercase on the next line) are joined back into one unit.
 */

export interface Unit {
  /** Position among units (0-based, reading order). */
  index: number;
  /** Block number: blank lines separate blocks. */
  block: number;
  /** The line with runs of whitespace collapsed and ends trimmed. */
  text: string;
}

export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Ends like the end of a sentence (including closing quotes/brackets after the mark). German and
 * Polish close quotations with “ and ‘ („so“), French-style guillemets point either way.
 */
export const SENTENCE_END = /[.!?…。！？:;]["'”’“‘»«)\]]*$|["”’“‘»«]$/u;

/**
 * A line shorter than this is never taken for a hard-wrapped fragment (wrapped text fills the line).
 * Calibrated on typical 60-80 column wrapping.
 */
const MIN_WRAPPED_LINE = 50;

export function segment(content: string): Unit[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n?|\n|\u2028|\u2029/);
  const units: Unit[] = [];
  let block = 0;
  let prevBlank = true;
  let prevRawLength = 0;
  for (const raw of lines) {
    const text = collapseWhitespace(raw);
    if (!text) {
      if (!prevBlank) block++;
      prevBlank = true;
      continue;
    }
    const prev = units[units.length - 1];
    const wrapped =
      prev !== undefined &&
      !prevBlank &&
      prevRawLength >= MIN_WRAPPED_LINE &&
      !SENTENCE_END.test(prev.text) &&
      /^\p{Ll}/u.test(text);
    if (wrapped) {
      prev.text = `${prev.text} ${text}`;
    } else {
      units.push({ index: units.length, block, text });
    }
    prevBlank = false;
    prevRawLength = raw.trim().length;
  }
  return units;
}
