/**
 * The budget one document's extraction runs under. The size limits are checked before parsing (a
 * linear scan of the markup, so a page of 100,000 nested elements is turned away in milliseconds);
 * the wall time and memory limits are enforced by the worker that runs extraction (./sandbox.ts),
 * which is ended when it overruns, so nothing inside the extractor can starve the batch.
 *
 * Defaults leave room over real pages: trafilatura-eval's 990 pages nest at most 42 elements deep
 * and hold at most 10,126 elements and 1.6 million characters.
 */

export interface ExtractBudget {
  /** Deepest element nesting accepted. */
  maxDepth: number;
  /** Most elements (start tags) accepted in one document. */
  maxNodes: number;
  /** Longest decoded document accepted, characters. */
  maxChars: number;
  /** Wall time for one document's extraction, ms. */
  timeoutMs: number;
  /** Heap for the extraction worker, MB. */
  memoryMb: number;
}

export const DEFAULT_BUDGET: Readonly<ExtractBudget> = {
  maxDepth: 128,
  maxNodes: 30_000,
  maxChars: 8_000_000,
  timeoutMs: 10_000,
  memoryMb: 1024,
};

export function budgetOf(partial: Partial<ExtractBudget> = {}): ExtractBudget {
  const out = { ...DEFAULT_BUDGET };
  for (const [k, v] of Object.entries(partial) as [keyof ExtractBudget, number | undefined][]) if (v !== undefined) out[k] = v;
  return out;
}

/** An input over its budget. `reason` does not name the input; the message does once `input` is known. */
export class BudgetError extends Error {
  override readonly name = 'BudgetError';
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`${input}: ${reason}`);
  }

  withInput(input: string): BudgetError {
    return new BudgetError(input, this.reason);
  }
}

export function isBudgetError(e: unknown): e is BudgetError {
  return e instanceof BudgetError;
}

export interface MarkupSize {
  /** Deepest nesting of elements, as the parser would build it (end tags close what they match; implied ends honoured). */
  depth: number;
  /** Start tags outside comments and raw-text elements. */
  nodes: number;
}

/** Elements without an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'bgsound', 'frame', 'isindex']);
/** Elements whose content is not markup: the scan jumps to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements a new sibling of the same kind closes (`<p>a<p>b`, `<li>`, table cells). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);

// Attributes stop at `<` as well as `>`, so unclosed tags cannot make the scan quadratic.
const TOKEN = /<!--|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>/g;
const rawTextEnds = new Map<string, RegExp>();

function rawTextEnd(name: string): RegExp {
  let re = rawTextEnds.get(name);
  if (!re) rawTextEnds.set(name, (re = new RegExp(`</${name}`, 'gi')));
  return re;
}

/** One pass over the markup, linear in its length; never builds a tree. */
export function measureMarkup(html: string): MarkupSize {
  const stack: string[] = [];
  // How many of each name are open, so an end tag matching nothing open costs nothing.
  const open = new Map<string, number>();
  const truncate = (length: number): void => {
    for (let i = length; i < stack.length; i++) open.set(stack[i]!, open.get(stack[i]!)! - 1);
    stack.length = length;
  };
  let depth = 0;
  let nodes = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', m.index + 4);
      if (end < 0) break;
      TOKEN.lastIndex = end + 3;
      continue;
    }
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      if (open.get(name)) truncate(stack.lastIndexOf(name));
      continue;
    }
    nodes++;
    if (RAW_TEXT.has(name)) {
      const endTag = rawTextEnd(name);
      endTag.lastIndex = TOKEN.lastIndex;
      if (!endTag.test(html)) break;
      TOKEN.lastIndex = endTag.lastIndex - name.length - 2;
      depth = Math.max(depth, stack.length + 1);
      continue;
    }
    if (VOID.has(name) || m[3]!.endsWith('/')) {
      depth = Math.max(depth, stack.length + 1);
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name) && stack[stack.length - 1] === name) truncate(stack.length - 1);
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > depth) depth = stack.length;
  }
  return { depth, nodes };
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Throws a BudgetError (input named later) when a decoded document is over the size budget.
 * Plain text is only held to the character limit.
 */
export function checkSize(content: string, kind: 'html' | 'text', budget: ExtractBudget): void {
  if (content.length > budget.maxChars) {
    throw new BudgetError('', `extraction stopped before parsing: ${count(content.length)} characters is over the budget of ${count(budget.maxChars)} (--max-chars)`);
  }
  if (kind !== 'html') return;
  const size = measureMarkup(content);
  if (size.depth > budget.maxDepth) {
    throw new BudgetError('', `extraction stopped before parsing: nesting depth ${count(size.depth)} is over the budget of ${budget.maxDepth} (--max-depth)`);
  }
  if (size.nodes > budget.maxNodes) {
    throw new BudgetError('', `extraction stopped before parsing: ${count(size.nodes)} elements is over the budget of ${count(budget.maxNodes)} (--max-nodes)`);
  }
}
