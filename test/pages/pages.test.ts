import { describe, expect, it } from 'vitest';
import { expectedPage, extractPage, pageNames } from '../helpers/pages.js';

// One test per page of the regression corpus (see test/helpers/pages.ts): a change that alters one
// page's body or metadata fails that page by name.
const names = pageNames();

describe('regression corpus (test/pages)', () => {
  it('holds a few dozen pages', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
  });
  for (const name of names) {
    it(name, () => {
      const want = expectedPage(name);
      const got = extractPage(name);
      expect(got.text).toBe(want.text);
      expect(got.metadata).toEqual(want.metadata);
    });
  }
});
