/**
 * The stateless commands' first step (`cluster`, `write`, `audit`): collect every input (paths, folders, URLs,
 * feeds, standard input) and extract each document, nothing stored. A failing input is listed with its reason and
 * the rest go on (a document over its extraction budget, or one the extractor fails on, is such a failure). The first document of an input name wins (an input listed twice counts once).
 */
import { isBudgetError, type ExtractBudget } from '../extract/budget.js';
import { sandboxFor } from '../extract/sandbox.js';
import type { ExtractedArticle } from '../extract/types.js';
import { collect, type CollectOptions } from '../ingest/index.js';

export interface InputArticle {
  /** The input name (path, URL, or entry locator of a feed): the article's id in stateless output. */
  input: string;
  article: ExtractedArticle;
}

export async function extractInputs(
  inputs: string[],
  options: CollectOptions = {},
  budget: Partial<ExtractBudget> = {},
): Promise<{ articles: InputArticle[]; failures: string[] }> {
  const sandbox = sandboxFor(budget);
  const articles: InputArticle[] = [];
  const failures: string[] = [];
  const seen = new Set<string>();
  for await (const event of collect(inputs, options)) {
    if (event.type === 'failure') failures.push(`${event.input}: ${event.error.message}`);
    else if (event.type === 'document' && !seen.has(event.input)) {
      seen.add(event.input);
      try {
        articles.push({ input: event.input, article: await sandbox.extract(event.raw, event.input) });
      } catch (e) {
        failures.push(isBudgetError(e) ? e.message : `${event.input}: extraction failed (${e instanceof Error ? e.message : String(e)})`);
      }
    }
  }
  return { articles, failures };
}
