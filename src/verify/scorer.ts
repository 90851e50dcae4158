/**
 * Optional model-based entailment scorer behind HTTP (ClaimScorer). Two protocols:
 * - `json`: POST {claim, evidence: string[]} → {score: number} (or {entailment: number}, or {label, score});
 * - `openai`: an OpenAI-compatible chat completions endpoint asked to answer with one probability.
 * Off by default: nothing here runs unless a URL is given.
 */
import type { ClaimScorer } from './types.js';

export interface HttpScorerOptions {
  url: string;
  protocol?: 'json' | 'openai';
  model?: string;
  apiKey?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export class ScorerError extends Error {
  constructor(url: string, cause: string) {
    super(`entailment scorer at ${url}: ${cause}`);
    this.name = 'ScorerError';
  }
}

const clamp = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export class HttpClaimScorer implements ClaimScorer {
  private readonly options: Required<Omit<HttpScorerOptions, 'apiKey' | 'model'>> & Pick<HttpScorerOptions, 'apiKey' | 'model'>;

  constructor(options: HttpScorerOptions) {
    const protocol = options.protocol ?? (/\/chat\/completions\/?$|\/v1\/?$/.test(options.url) ? 'openai' : 'json');
    this.options = { protocol, timeoutMs: 30_000, fetchImpl: fetch, ...options };
  }

  async score(claim: string, evidence: string[]): Promise<number> {
    const { url, protocol, model, apiKey, timeoutMs, fetchImpl } = this.options;
    const endpoint = protocol === 'openai' && !/\/chat\/completions\/?$/.test(url) ? url.replace(/\/?$/, '/chat/completions') : url;
    const body =
      protocol === 'openai'
        ? {
            model: model ?? 'default',
            temperature: 0,
            messages: [
              { role: 'system', content: 'You judge whether EVIDENCE entails CLAIM. Answer with only a probability between 0 and 1.' },
              { role: 'user', content: `EVIDENCE:\n${evidence.join('\n')}\n\nCLAIM:\n${claim}` },
            ],
          }
        : { claim, evidence };
    let res: Response;
    try {
      res = await fetchImpl(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new ScorerError(endpoint, e instanceof Error ? e.message : String(e));
    }
    if (!res.ok) throw new ScorerError(endpoint, `HTTP ${res.status}`);
    const json = (await res.json()) as Record<string, unknown>;
    if (protocol === 'openai') {
      const choices = json.choices as { message?: { content?: string } }[] | undefined;
      const content = choices?.[0]?.message?.content ?? '';
      const m = /(?:0(?:\.\d+)?|1(?:\.0+)?)/.exec(content);
      if (!m) throw new ScorerError(endpoint, `no probability in the answer ${JSON.stringify(content.slice(0, 80))}`);
      return clamp(Number(m[0]));
    }
    for (const k of ['score', 'entailment', 'probability']) if (typeof json[k] === 'number') return clamp(json[k] as number);
    throw new ScorerError(endpoint, 'the answer has no numeric score');
  }
}
