/**
 * The verifier: claim-level support of a text by its sources (supported, unsupported, contradicted), with evidence
 * spans a person can check. Alignment by heuristics and WordNet; the decision by a small logistic model trained in
 * the repository (model.ts, model/README.md); an optional entailment model plugs in through ClaimScorer.
 */
import { claimContext, verifyInContext } from './claim.js';
import { buildSourceIndex, type SourceIndex } from './retrieve.js';
import type { ClaimResult, SourceDoc, VerifyOptions } from './types.js';

export * from './types.js';
export { buildSourceIndex, type SourceIndex } from './retrieve.js';
export { auditArticle, classifySentence, worstVerdict } from './audit.js';
export { DEFAULT_THRESHOLD } from './model.js';
export { namesNotInSpans } from './entities.js';
export { HttpClaimScorer, type HttpScorerOptions } from './scorer.js';
export { renderAudit, type RenderFormat } from './render.js';

function isIndex(x: SourceIndex | readonly SourceDoc[]): x is SourceIndex {
  return !Array.isArray(x);
}

export function verifyClaim(claim: string, sources: SourceIndex | SourceDoc[], options: VerifyOptions = {}): ClaimResult {
  const index = isIndex(sources) ? sources : buildSourceIndex(sources);
  return verifyInContext(index, claimContext(claim, options.published ?? null), options);
}
