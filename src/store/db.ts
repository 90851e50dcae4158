import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.js';

export type Db = Database.Database;

export const DEFAULT_DB = 'roundup.db';

/** The database file a command uses: `--db`, else `ROUNDUP_DB`, else `./roundup.db`. */
export function resolveDbPath(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag || env.ROUNDUP_DB || DEFAULT_DB);
}

export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** Opens (creating if needed) the SQLite store with WAL, foreign keys, and all migrations applied. */
export function openDb(path: string, options: { readonly?: boolean } = {}): Db {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new StoreError(`${path}: cannot open database (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db, path);
    else checkVersion(db, path);
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError(`${path}: not a usable Roundup database (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  return db;
}

function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkVersion(db: Db, path: string): void {
  const v = userVersion(db);
  if (v > migrations.length) throw new StoreError(`${path}: database schema version ${v} is newer than this Roundup (${migrations.length}); upgrade Roundup`);
}

function migrate(db: Db, path: string): void {
  checkVersion(db, path);
  const from = userVersion(db);
  for (let i = from; i < migrations.length; i++) {
    db.transaction(() => {
      db.exec(migrations[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}
