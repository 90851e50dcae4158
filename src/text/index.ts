/**
 * Shared text analysis: sentences, tokens, entities with roles, quotes with speakers, numbers, dates.
 * Pure heuristics (no model weights), linear in the text length in practice, deterministic.
 */
import { findDates } from './dates.js';
import { findEntities } from './entities.js';
import { findNumbers } from './numbers.js';
import { findQuotes } from './quotes.js';
import { splitSentences } from './sentences.js';
import type { AnalyseInput, Analysis } from './types.js';

export * from './types.js';
export { splitSentences, sentenceAt } from './sentences.js';
export { tokenize, stem, contentWords, normalizeQuotes, normalizeDashes, foldWhitespace, stripDiacritics, normalizeForMatch, isStopword, STOPWORDS, type ContentWord } from './tokens.js';
export { findEntities, type EntityResult, type MentionInfo } from './entities.js';
export { findQuotes } from './quotes.js';
export { findNumbers } from './numbers.js';
export { findDates } from './dates.js';
export { quoteSpans, paragraphSpans, type QuoteSpan } from './quote-marks.js';
export { roleKey, type RoleKey } from './roles.js';

export function analyse(input: AnalyseInput): Analysis {
  const { text } = input;
  const language = input.language ?? null;
  const sentences = splitSentences(text);
  const ents = findEntities(text, sentences, language);
  const quotes = findQuotes(text, sentences, ents, language);
  const dates = findDates(text, sentences, input.published ?? null, language);
  // A day or year inside a date ("19 August 2025") is part of the date, not a count.
  const inDate = (s: number, e: number): boolean => dates.some((d) => d.start < e && s < d.end);
  const numbers = findNumbers(text, language).filter((n) => n.kind === 'money' || n.kind === 'percent' || !inDate(n.start, n.end));
  return { sentences, entities: ents.entities, mentions: ents.mentions, quotes, numbers, dates };
}
