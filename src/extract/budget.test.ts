import { describe, expect, it } from 'vitest';
import { BudgetError, budgetOf, checkSize, DEFAULT_BUDGET, measureMarkup } from './budget.js';

describe('measureMarkup', () => {
  it('counts nesting as the parser builds it: end tags close what they match, void and self-closed elements hold nothing', () => {
    expect(measureMarkup('<html><body><div><p>a<br><img src=x><svg><path d="M0"/></svg></p></div></body></html>')).toEqual({ depth: 6, nodes: 8 });
    // `</span>` matches nothing open: ignored, as the parser ignores it.
    expect(measureMarkup('<div><div></span></div></div>').depth).toBe(2);
    // `</div>` closes the `<p>` left open inside it.
    expect(measureMarkup('<div><p>a</div><div><p>b</div>').depth).toBe(2);
  });

  it('honours implied ends: a new <p>, <li> or cell closes the last one', () => {
    expect(measureMarkup(`<ul>${'<li>item'.repeat(500)}</ul>`).depth).toBe(2);
    expect(measureMarkup(`<div>${'<p>para'.repeat(500)}</div>`).depth).toBe(2);
  });

  it('skips comments and the insides of scripts, styles and titles', () => {
    expect(measureMarkup(`<div><!-- ${'<div>'.repeat(50)} --><script>${'<div>'.repeat(50)}</script><style>a<b{}</style></div>`)).toEqual({ depth: 2, nodes: 3 });
  });

  it('finds deep nesting in a page of 100,000 nested elements', () => {
    expect(measureMarkup(`<html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`)).toEqual({ depth: 100_002, nodes: 100_002 });
  });

  it('is linear on tags that never close and end tags that match nothing', () => {
    // Quadratic work here would take minutes; a budget error in the fuzz test would follow, not a hang.
    expect(measureMarkup('<a'.repeat(200_000)).nodes).toBe(0);
    expect(measureMarkup(`${'<div>'.repeat(50_000)}${'</span>'.repeat(50_000)}`).depth).toBe(50_000);
  });
});

describe('checkSize', () => {
  const budget = budgetOf();
  it('lets a real-sized page through and names the limit a hostile one is over', () => {
    expect(() => checkSize(`<html><body>${'<div><p>text</p></div>'.repeat(5000)}</body></html>`, 'html', budget)).not.toThrow();
    expect(() => checkSize(`${'<div>'.repeat(200)}`, 'html', budget)).toThrow(/nesting depth 200 is over the budget of 128 \(--max-depth\)/);
    expect(() => checkSize('<p>x</p>'.repeat(40_000), 'html', budget)).toThrow(/40,000 elements is over the budget of 30,000 \(--max-nodes\)/);
    expect(() => checkSize('x'.repeat(DEFAULT_BUDGET.maxChars + 1), 'text', budget)).toThrow(BudgetError);
    // Plain text is held to the character limit only.
    expect(() => checkSize('<div>'.repeat(200), 'text', budget)).not.toThrow();
  });

  it('takes partial budgets over the defaults', () => {
    expect(budgetOf({ maxDepth: 10, timeoutMs: undefined })).toEqual({ ...DEFAULT_BUDGET, maxDepth: 10 });
  });
});
