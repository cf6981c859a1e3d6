/** The one query layer the server uses. PGlite and PostgreSQL run the very same SQL through it. */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Inside,
   * use only `tx`; `tx.transaction()` joins the transaction that is already open.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** `postgres://…`: use PostgreSQL. Without it the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` (or omitted) keeps everything in memory, for tests. */
  dataDir?: string;
  /** Pool size on PostgreSQL. */
  maxConnections?: number;
}

/** Opens PostgreSQL when a URL is given, PGlite otherwise. Run `migrate(db)` before use. */
export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(options.databaseUrl, options.maxConnections);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(options.dataDir);
}
