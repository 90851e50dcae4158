/** JSON: the whole composite with full provenance (inputs and hashes, version, verdicts, rejects, rewrites). */
import type { Composite } from '../compose/index.js';
import { bodySentences } from './shared.js';

export interface CompositeJson extends Composite {
  format: 'roundup.composite';
  formatVersion: 1;
  /** The body in reading order (lede then sections), each sentence with its citations, rewrites and verdict. */
  sentences: ReturnType<typeof bodySentences>;
}

export function toJson(c: Composite): CompositeJson {
  return { format: 'roundup.composite', formatVersion: 1, ...c, sentences: bodySentences(c) };
}
