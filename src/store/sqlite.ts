import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import { namespaces, type Store } from './store.ts';

/** rate-limiter-flexible's RateLimiterSQLite table; created here so the one sweeper covers it. */
export const RATE_LIMIT_TABLE = 'rate_limits';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS kv (
    ns TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    expires INTEGER,
    PRIMARY KEY (ns, key)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS kv_expires ON kv (expires) WHERE expires IS NOT NULL;
  CREATE TABLE IF NOT EXISTS locks (
    name TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    until INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_TABLE} (
    key TEXT PRIMARY KEY,
    points INTEGER NOT NULL DEFAULT 0,
    expire INTEGER
  );
`;

/**
 * Opens (or creates) the store's file. WAL lets readers in other processes go on while one
 * writes; `busy_timeout` makes a writer wait for another process's write instead of failing.
 * `synchronous = NORMAL` keeps every commit across a crash of the process (SIGKILL, OOM),
 * not across a power cut (that would cost an fsync per write, per request).
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // Must precede the first table for a new file; on an existing file it keeps what it has.
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // The WAL is truncated back to this size after a checkpoint instead of keeping its peak size.
  db.pragma(`journal_size_limit = ${4 * 1024 * 1024}`);
  db.exec(SCHEMA);
  return db;
}

/**
 * A keyv store over one namespace of the `kv` table. keyv hands it serialized strings that
 * carry their own expiry; the `expires` column lets reads skip, and the sweeper delete,
 * expired rows without parsing them.
 */
export class KeyvSqlite extends EventEmitter implements KeyvStoreAdapter {
  opts = {};
  namespace?: string;
  private readonly statements;

  constructor(
    db: Database.Database,
    private readonly ns: string,
  ) {
    super();
    this.statements = {
      get: db.prepare<[string, string, number], { value: string }>('SELECT value FROM kv WHERE ns = ? AND key = ? AND (expires IS NULL OR expires > ?)'),
      set: db.prepare<[string, string, string, number | null]>(
        'INSERT INTO kv (ns, key, value, expires) VALUES (?, ?, ?, ?) ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, expires = excluded.expires',
      ),
      delete: db.prepare<[string, string, number]>('DELETE FROM kv WHERE ns = ? AND key = ? AND (expires IS NULL OR expires > ?)'),
      purge: db.prepare<[string, string]>('DELETE FROM kv WHERE ns = ? AND key = ?'),
      clear: db.prepare<[string]>('DELETE FROM kv WHERE ns = ?'),
    };
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    return this.statements.get.get(this.ns, key, Date.now())?.value as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<StoredData<Value | undefined>[]> {
    const now = Date.now();
    return keys.map((key) => this.statements.get.get(this.ns, key, now)?.value as StoredData<Value | undefined>);
  }

  async set(key: string, value: unknown, ttl?: number): Promise<boolean> {
    const expires = typeof ttl === 'number' && ttl > 0 ? Date.now() + ttl : null;
    this.statements.set.run(this.ns, key, typeof value === 'string' ? value : JSON.stringify(value), expires);
    return true;
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  /** True when a live entry was deleted; an expired one is dropped either way. */
  async delete(key: string): Promise<boolean> {
    const removed = this.statements.delete.run(this.ns, key, Date.now()).changes > 0;
    if (!removed) this.statements.purge.run(this.ns, key);
    return removed;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    let any = false;
    for (const key of keys) any = (await this.delete(key)) || any;
    return any;
  }

  async clear(): Promise<void> {
    this.statements.clear.run(this.ns);
  }

  async disconnect(): Promise<void> {}
}

export interface SqliteStoreOptions {
  path: string;
  prefix: string;
  onError: (error: Error) => void;
  sweepIntervalMs: number;
}

/**
 * The default store: one SQLite file that keeps state across restarts. Locks are rows with a
 * lease; taking one is a single upsert that only overwrites an expired lease, so processes on
 * the same file exclude each other (SQLite serializes writers). Expired entries, leases and
 * rate-limit windows are deleted every `sweepIntervalMs`, and the freed pages handed back to
 * the file system, so the file holds what is live (plus kept-for-ever entries such as limited
 * QR codes), not everything ever written.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const db = openDatabase(options.path);
  const spaces = namespaces((name) => ({ store: new KeyvSqlite(db, `${options.prefix}:${name}`), throws: true }), options.onError);
  const statements = {
    lock: db.prepare<[string, string, number, number]>(
      'INSERT INTO locks (name, owner, until) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until WHERE locks.until <= ?',
    ),
    release: db.prepare<[string, string]>('DELETE FROM locks WHERE name = ? AND owner = ?'),
  };
  const sweepers = [
    db.prepare<[number]>('DELETE FROM kv WHERE expires <= ?'),
    db.prepare<[number]>('DELETE FROM locks WHERE until <= ?'),
    db.prepare<[number]>(`DELETE FROM ${RATE_LIMIT_TABLE} WHERE expire <= ?`),
  ];

  const sweep = () => {
    try {
      const now = Date.now();
      const removed = db.transaction(() => sweepers.reduce((sum, statement) => sum + statement.run(now).changes, 0))();
      if (removed > 0) db.pragma('incremental_vacuum');
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      options.onError(error as Error);
    }
  };
  sweep();
  const timer = setInterval(sweep, options.sweepIntervalMs);
  timer.unref();

  let closed = false;
  return {
    kind: 'sqlite',
    prefix: options.prefix,
    sqlite: db,
    namespace: spaces.namespace,
    lookups: spaces.lookups,
    async tryLock(key, leaseMs) {
      const owner = randomUUID();
      const name = `${options.prefix}:${key}`;
      const now = Date.now();
      if (statements.lock.run(name, owner, now + leaseMs, now).changes === 0) return null;
      return async () => {
        if (!closed) statements.release.run(name, owner);
      };
    },
    async health() {
      try {
        db.prepare('SELECT 1').get();
        return { ok: true, detail: 'sqlite' };
      } catch (error) {
        return { ok: false, detail: `sqlite unavailable: ${(error as Error).message}` };
      }
    },
    async close() {
      if (closed) return;
      clearInterval(timer);
      await spaces.close();
      sweep();
      closed = true;
      db.close();
    },
  };
}
