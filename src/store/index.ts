import { ArticleStore } from './articles.js';
import { openDb, type Db } from './db.js';
import { RawStore } from './raw.js';

export * from './articles.js';
export * from './db.js';
export * from './raw.js';

/** The store a command works on: one SQLite file, its raw records and the articles derived from them. */
export class Store {
  readonly raw: RawStore;
  readonly articles: ArticleStore;

  constructor(readonly db: Db) {
    this.raw = new RawStore(db);
    this.articles = new ArticleStore(db);
  }

  static open(path: string, options: { readonly?: boolean } = {}): Store {
    return new Store(openDb(path, options));
  }

  close(): void {
    this.db.close();
  }
}
