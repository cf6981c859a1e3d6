import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from './db.js';
import { lockDataDir } from './lock.js';

function joined(tx: Transaction): Db {
  const db: Db = {
    kind: 'pglite',
    query: async <T>(sql: string, params: readonly unknown[] = []) => (await tx.query<T>(sql, params as unknown[])).rows,
    transaction: (fn) => fn(db),
    close: async () => {},
  };
  return db;
}

/**
 * Embedded Postgres. Writes go through Node's file system (NODEFS) before a query returns, so a
 * committed transaction survives the process being killed. `relaxedDurability` is deliberately
 * not set: it would acknowledge commits before they reach the file system.
 */
export async function openPglite(dir?: string): Promise<Db> {
  const inMemory = !dir || dir.startsWith('memory://');
  const dataDir = inMemory ? undefined : resolve(dir);
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (err) {
    unlock();
    throw err;
  }
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params: readonly unknown[] = []) => (await pg.query<T>(sql, params as unknown[])).rows,
    // PGlite has one connection: its transactions (and every query outside them) run one at a time.
    transaction: (fn) => pg.transaction((tx) => fn(joined(tx))),
    close: async () => {
      await pg.close();
      unlock();
    },
  };
}
