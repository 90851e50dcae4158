/**
 * Publishing editions: each story whose inputs changed since its last composition is composed again, and when the
 * composite publishes something new (facts, citations, sources, headline) it is stored as the story's next
 * edition with its change list (../editions). A story whose inputs did not change is not composed at all, and an
 * identical recomposition makes no edition.
 */
import { createHash } from 'node:crypto';
import { composeStory } from '../compose/index.js';
import { changeSummary, diffSnapshots, movedPhrase, sameSnapshot, snapshotOf, spanCheckOf } from '../editions/diff.js';
import type { Edition, EditionChange } from '../editions/types.js';
import { ClusterStore } from '../store/clusters.js';
import { EditionStore } from '../store/editions.js';
import type { Store } from '../store/index.js';
import { storyInputOf } from './composite.js';

export interface PublishedEdition {
  storyId: number;
  n: number;
  headline: string;
  changes: EditionChange[];
  summary: string;
}

export interface EditionTotals {
  /** Stories looked at. */
  stories: number;
  /** Stories composed again (their inputs changed). */
  composed: number;
  published: PublishedEdition[];
}

/**
 * A key of what each story's composite is made from, for every story at once from the stored clustering (one SQL
 * pass, no article read): its members (a page's new version is a new article id), title, developments and
 * storyline. A story whose key is the one recorded at its last composition is not composed again.
 */
export function storyInputKeys(store: Store): Map<number, string> {
  return new EditionStore(store.db).clusteringRows().reduce((keys, r) => keys.set(r.id, createHash('sha256').update(r.material).digest('hex')), new Map<number, string>());
}

/**
 * Publishes the next edition of every story (or of `storyIds`) whose composite changed. `now` dates the editions
 * (a clock, for tests and for the watch cycle's own time).
 */
export function publishEditions(store: Store, options: { now?: () => Date; storyIds?: readonly number[] } = {}): EditionTotals {
  const now = options.now ?? (() => new Date());
  const clusters = new ClusterStore(store.db);
  const editions = new EditionStore(store.db);
  const keys = storyInputKeys(store);
  const known = editions.inputKeys();
  const ids = options.storyIds ?? [...keys.keys()];
  const totals: EditionTotals = { stories: ids.length, composed: 0, published: [] };
  for (const id of ids) {
    const key = keys.get(id);
    if (key === undefined || known.get(id) === key) continue;
    const detail = clusters.getStory(id);
    if (!detail) continue;
    const input = storyInputOf(store, detail);
    if (!input.articles.length) continue;
    totals.composed++;
    const composite = composeStory(input);
    const snapshot = snapshotOf(composite);
    const prev = editions.latest(id);
    const at = now().toISOString();
    store.db.transaction(() => {
      if (!prev || !sameSnapshot(prev.snapshot, snapshot)) {
        const texts = new Map(input.articles.map((a) => [a.id, a.text]));
        const changes = diffSnapshots(prev?.snapshot ?? null, snapshot, spanCheckOf(texts));
        const n = editions.append(id, { at, headline: snapshot.headline, snapshot, changes, composite });
        totals.published.push({ storyId: id, n, headline: snapshot.headline, changes, summary: changeSummary(changes) });
      }
      editions.setInputKey(id, key, at);
    })();
  }
  return totals;
}

/** The story's editions as `show s<N> --editions --json` and `/api/stories/:id/editions` give them, oldest first. */
export function editionsOf(store: Store, storyId: number): { editions: Edition[] } {
  return { editions: new EditionStore(store.db).list(storyId).map(({ n, at, headline, changes }) => ({ n, at, headline, changes })) };
}

const MARK: Record<EditionChange['kind'], string> = { added: '+ added', updated: '~ updated', withdrawn: '- withdrawn', 'source-added': '+ source' };

/** The editions as text, for a terminal. */
export function renderEditions(storyRef: string, editions: readonly Edition[]): string {
  if (!editions.length) return `${storyRef}: no editions yet (editions are published by \`roundup watch\`, \`POST /api/ingest\` and \`roundup ingest --editions\`)\n`;
  const out = [`${storyRef}: ${editions.length} edition${editions.length === 1 ? '' : 's'}`];
  for (const e of editions) {
    out.push('', `Edition ${e.n}, ${e.at}: ${e.headline}`, `  ${changeSummary(e.changes)}`);
    for (const c of e.changes) {
      const moved = c.kind === 'updated' ? ` (${movedPhrase(c.before ?? '', c.after ?? '')})` : '';
      const cites = c.citations.length ? ` [${[...new Set(c.citations.map((x) => x.articleId))].join(', ')}]` : '';
      out.push(`  ${MARK[c.kind]}: ${c.text}${moved}${cites}`);
    }
  }
  return out.join('\n') + '\n';
}
