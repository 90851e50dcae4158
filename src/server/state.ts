/**
 * What every route shares: the store, its cluster and search views, the composite cache and the write token.
 * Composites are cached in memory keyed by story id and the stories table's computed_at, so a recomputation
 * (ingest, `roundup ingest` in another process) is seen at the next request without a restart.
 */
import type { Composite } from '../compose/index.js';
import { BackgroundRecluster } from '../pipeline/background.js';
import { composeStoredStory } from '../pipeline/composite.js';
import { ClusterStore } from '../store/clusters.js';
import type { Store } from '../store/index.js';
import { SearchStore } from '../store/search.js';
import { RateLimiter, type RateLimitOptions } from './ratelimit.js';

/** Request body limits, bytes. */
export interface Limits {
  /** POST /api/ingest. */
  ingest: number;
  /** POST /api/audit and the audit form (article and pasted sources together, or an upload). */
  audit: number;
}

const DEFAULT_LIMITS: Limits = { ingest: 5 * 1024 * 1024, audit: 1024 * 1024 };

export interface AppOptions {
  store: Store;
  /** Bearer token for POST /api/ingest and /api/audit; null or absent turns those endpoints off. */
  token?: string | null;
  limits?: Partial<Limits>;
  /** Token bucket of the write endpoints, per client address. */
  rateLimit?: Partial<RateLimitOptions>;
  /** Most composites kept in memory. */
  cacheSize?: number;
}

const DEFAULT_CACHE_SIZE = 256;

export class ReaderState {
  readonly store: Store;
  readonly clusters: ClusterStore;
  readonly search: SearchStore;
  readonly token: string | null;
  readonly limits: Limits;
  readonly limiter: RateLimiter;
  private readonly cacheSize: number;
  private readonly cache = new Map<number, { key: string; composite: Composite | null; pages: Map<string, string> }>();

  constructor(options: AppOptions) {
    this.store = options.store;
    this.clusters = new ClusterStore(options.store.db);
    this.search = new SearchStore(options.store.db);
    this.token = options.token ? options.token : null;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.limiter = new RateLimiter(options.rateLimit);
    this.cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
    this.recluster = new BackgroundRecluster(options.store, (r) => {
      if (r.ok) this.dropComposites();
    });
  }

  /** Reclustering after POST /api/ingest, off the request thread (pipeline/background.ts). */
  readonly recluster: BackgroundRecluster;

  /** When the story was last recomputed (null: no such story). */
  computedAt(storyId: number): string | null {
    const row = this.store.db.prepare<[number], { computed_at: string }>('SELECT computed_at FROM stories WHERE id = ?').get(storyId);
    return row ? row.computed_at : null;
  }

  /** What a cached composite is valid for: the story's recomputation and its latest edition (null: no such story). */
  private cacheKey(storyId: number): string | null {
    const at = this.computedAt(storyId);
    if (at === null) return null;
    const n = this.store.db.prepare<[number], { n: number | null }>('SELECT max(n) AS n FROM editions WHERE story_id = ?').get(storyId)?.n ?? 0;
    return `${at}#${n}`;
  }

  /** The story's composite, composed once per recomputation and edition; undefined when the story does not exist. */
  composite(storyId: number): Composite | null | undefined {
    const key = this.cacheKey(storyId);
    if (key === null) return undefined;
    const hit = this.cache.get(storyId);
    if (hit && hit.key === key) return hit.composite;
    const composite = composeStoredStory(this.store, storyId);
    this.cache.delete(storyId);
    this.cache.set(storyId, { key, composite, pages: new Map() });
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    return composite;
  }

  /**
   * A page rendered from the story's composite (`kind` names the view), kept with the cached composite so a
   * story page is rendered once per recomputation; undefined when the story or its composite does not exist.
   */
  async renderedPage(storyId: number, kind: string, render: (composite: Composite) => { toString(): string } | Promise<{ toString(): string }>): Promise<string | undefined> {
    const composite = this.composite(storyId);
    const entry = this.cache.get(storyId);
    if (!composite || !entry) return undefined;
    let page = entry.pages.get(kind);
    if (page === undefined) {
      page = String(await render(composite));
      entry.pages.set(kind, page);
    }
    return page;
  }

  /** The cached composite only (never composes): for listings that must stay fast. */
  cachedComposite(storyId: number): Composite | null {
    const hit = this.cache.get(storyId);
    return hit && hit.key === this.cacheKey(storyId) ? hit.composite : null;
  }

  /** Called after the cache is dropped (startServer composes the top stories again in the background). */
  onDrop: (() => void) | null = null;

  dropComposites(): void {
    this.cache.clear();
    this.onDrop?.();
  }
}
