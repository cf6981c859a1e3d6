import pg from 'pg';
import type { Db } from './db.js';

/** Deadlock and serialisation failures: the whole transaction is safe to run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

function onClient(client: pg.PoolClient): Db {
  const db: Db = {
    kind: 'postgres',
    query: async <T>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, params as unknown[])).rows as T[],
    transaction: (fn) => fn(db),
    close: async () => {},
  };
  return db;
}

/** PostgreSQL through a `pg` pool; the URL may carry `?options=-c search_path=…` to pick a schema. */
export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.error('[linli] idle PostgreSQL client error:', err.message));
  await pool.query('SELECT 1');

  async function transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(onClient(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        const code = (err as { code?: string }).code;
        if (attempt < MAX_ATTEMPTS && code && RETRYABLE.has(code)) continue;
        throw err;
      } finally {
        // A connection that could not roll back is discarded, never handed to the next caller.
        client.release(broken);
      }
    }
  }

  return {
    kind: 'postgres',
    query: async <T>(sql: string, params: readonly unknown[] = []) => (await pool.query(sql, params as unknown[])).rows as T[],
    transaction,
    close: () => pool.end(),
  };
}
