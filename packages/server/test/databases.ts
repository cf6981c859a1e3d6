import pg from 'pg';
import { migrate, openDb, seedIfEmpty, type Db, type SeedData } from '../src/index.js';

export interface TestDatabase {
  kind: 'pglite' | 'postgres';
  /** What to hand the server process (env) to reach the same database. */
  env: Record<string, string>;
  open(): Promise<Db>;
  drop(): Promise<void>;
}

const unique = () => `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

/** A database URL that puts everything in `schema`. */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** A fresh PostgreSQL schema for this run, dropped afterwards, so concurrent runs never meet. */
export async function postgresSchema(url: string): Promise<TestDatabase> {
  const schema = `linli_test_${unique()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const scoped = withSchema(url, schema);
  return {
    kind: 'postgres',
    env: { DATABASE_URL: scoped },
    open: () => openDb({ databaseUrl: scoped }),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** The databases every server test runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const databaseKinds: ('pglite' | 'postgres')[] = ['pglite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];

/** A migrated, seeded database of the given kind (PGlite in memory). */
export async function seededDb(kind: 'pglite' | 'postgres', seed: SeedData): Promise<{ db: Db; teardown: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDb({});
    await migrate(db);
    await seedIfEmpty(db, seed);
    return { db, teardown: () => db.close() };
  }
  const target = await postgresSchema(process.env.DATABASE_URL!);
  const db = await target.open();
  await migrate(db);
  await seedIfEmpty(db, seed);
  return {
    db,
    teardown: async () => {
      await db.close();
      await target.drop();
    },
  };
}
