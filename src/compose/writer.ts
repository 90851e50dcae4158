/**
 * The writers behind one interface: what `roundup write`, `roundup show --composite` and the contract suite
 * (./writer-contract.test.ts) call. Each takes a story's sources and returns one composite in which every published
 * sentence cites its spans and passed the verifier; the model writer also returns its warnings (an unreachable
 * model, drafts that failed the gate), after which the extractive wording stands.
 */
import { composeStory } from './extractive.js';
import { composeWithModel, type ModelWriterOptions } from './llm.js';
import type { ComposeInput, ComposeOptions, Composite } from './types.js';

export interface WriterResult {
  composite: Composite;
  warnings: string[];
}

export interface Writer {
  readonly kind: 'extractive' | 'llm';
  write(input: ComposeInput, options?: ComposeOptions): Promise<WriterResult>;
}

/** Source sentences only, with recorded edits for fluency (./extractive.ts). */
export const extractiveWriter: Writer = {
  kind: 'extractive',
  write: (input, options = {}) => Promise.resolve({ composite: composeStory(input, options), warnings: [] }),
};

/** The extractive article reworded by a model at `model.url`, each reworded sentence gated again (./llm.ts). */
export function modelWriter(model: ModelWriterOptions): Writer {
  return { kind: 'llm', write: (input, options = {}) => composeWithModel(input, options, model) };
}
