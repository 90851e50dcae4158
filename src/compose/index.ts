/**
 * The composer: one merged article per story (and one overview per storyline) from many outlets' coverage, every
 * sentence citing the source spans behind it and passed by the verifier.
 *
 * Writers (./writer.ts): the extractive writer (./extractive.ts: select facts, lay out lede and sections, gate each
 * sentence through the verifier, assemble quotes, people, disagreements, timeline and sources) and the model writer
 * (./llm.ts: the extractive article reworded by an OpenAI-compatible model, each reworded sentence gated again). The
 * storyline overview (./overview.ts) is the extractive writer with its own plan. This module only re-exports.
 */
export * from './types.js';
export { derivedSignals, derivedReason, type DerivedSignal, type DerivedKind, type DerivedInput } from './derived.js';
export { prepare, type Candidate, type Prepared } from './prepare.js';
export { composeStory, composeWithSources, storyPlan, DEFAULT_WORDS, type Placed, type Plan } from './extractive.js';
export { composeWithModel, chatCompletionsUrl, type ModelWriterOptions, type ModelWriterResult } from './llm.js';
export { extractiveWriter, modelWriter, type Writer, type WriterResult } from './writer.js';
