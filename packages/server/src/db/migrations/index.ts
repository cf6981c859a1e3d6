import type { Db } from '../db.js';
import { initial } from './001-initial.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/**
 * Every migration, one file each. Append new ones (the next free version number); never edit one
 * that has shipped.
 */
export const migrations: Migration[] = [initial];

/**
 * Applies pending migrations in one transaction. An advisory lock (per schema) makes concurrent
 * starts safe: the second replica waits, then finds nothing left to do.
 */
export async function migrate(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('linli:migrate:' || current_schema()))`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
