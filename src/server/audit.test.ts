import { describe, expect, it } from 'vitest';
import { Store } from '../store/index.js';
import { AuditInputError, runAudit, splitPasted, storedSpan, uploadedArticle } from './audit.js';

describe('audit helpers', () => {
  it('splits pasted sources on lines holding only ---', () => {
    expect(splitPasted('One.\n---\nTwo.\n  ----  \nThree.\n---')).toEqual(['One.', 'Two.', 'Three.']);
    expect(splitPasted('A - B --- C')).toEqual(['A - B --- C']);
    expect(splitPasted('  \n---\n ')).toEqual([]);
  });

  it('maps a span of a stored source (text, then captions) back to the text or to one caption', () => {
    const info = { id: '7', articleId: 7, label: 'x', layout: { text: 100, captions: [20, 30] } };
    expect(storedSpan(info, 10, 40)).toEqual({ start: 10, end: 40 });
    expect(storedSpan(info, 102, 110)).toEqual({ start: 0, end: 8, caption: 0 });
    expect(storedSpan(info, 124, 154)).toEqual({ start: 0, end: 30, caption: 1 });
    expect(storedSpan(info, 95, 110)).toBeNull();
    expect(storedSpan({ id: 'p', articleId: null, label: 'p' }, 0, 5)).toBeNull();
  });

  it('cleans an uploaded page and refuses what is not a page, or a page over the extraction budget', async () => {
    const page = await uploadedArticle(Buffer.from('<html><body><article><p>The ferry to Brenn will sail twice a day from June, the operator said.</p></article></body></html>'), 'a.html');
    expect(page.text).toContain('The ferry to Brenn will sail twice a day');
    await expect(uploadedArticle(Buffer.from('{"version":"https://jsonfeed.org/version/1.1","items":[]}'), 'feed.json')).rejects.toThrow(AuditInputError);
    const deep = Buffer.from(`<html><body>${'<div>'.repeat(5000)}<p>x</p>${'</div>'.repeat(5000)}</body></html>`);
    await expect(uploadedArticle(deep, 'deep.html')).rejects.toThrow(/^the uploaded file deep\.html: extraction stopped before parsing: nesting depth 5,003/);
  });

  it('needs an article and at least one source; unknown stored ids are 404s', () => {
    const store = Store.open(':memory:');
    try {
      expect(() => runAudit(store, { text: ' ', storedIds: [], pasted: [{ text: 'x' }] })).toThrow(/empty/);
      expect(() => runAudit(store, { text: 'A claim.', storedIds: [], pasted: [] })).toThrow(/at least one source/);
      try {
        runAudit(store, { text: 'A claim.', storedIds: [5], pasted: [] });
        expect.unreachable();
      } catch (e) {
        expect((e as AuditInputError).status).toBe(404);
      }
      const run = runAudit(store, { text: 'The ferry sails twice a day.', storedIds: [], pasted: [{ text: 'The ferry sails twice a day.' }] });
      expect(run.result.summary).toMatchObject({ supported: 1, total: 1 });
      expect(run.sources).toEqual([{ id: 'pasted-1', articleId: null, label: 'Pasted source 1' }]);
    } finally {
      store.close();
    }
  });
});
