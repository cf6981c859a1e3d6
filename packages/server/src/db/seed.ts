import {
  type Dataset,
  hashAccessCode,
  policySchema,
  type Policy,
} from '@linli/sdk';
import type { Db } from './db.js';
import { saveAll } from './entities.js';

/** A dataset to start from; `@linli/demo-data`'s `demoData` has this shape. */
export type SeedData = Dataset;

/**
 * Loads the seed on first start only: when the services table is empty. Runs in one transaction
 * under an advisory lock, so two replicas starting together seed once.
 */
export async function seedIfEmpty(db: Db, source: SeedData | (() => SeedData)): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('linli:seed:' || current_schema()))`);
    const [{ n }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM services');
    if (n > 0) return false;
    // A seed given as a function is only built when it is needed: not on every restart.
    const seed = typeof source === 'function' ? source() : source;
    await saveAll(tx, 'org_units', seed.orgUnits ?? []);
    await saveAll(tx, 'services', seed.services ?? []);
    await saveAll(tx, 'notices', seed.notices ?? []);
    await saveAll(tx, 'grievances', seed.grievances ?? []);
    await saveAll(tx, 'evaluations', seed.evaluations ?? []);
    await saveAll(tx, 'rectifications', seed.rectifications ?? []);
    await saveAll(tx, 'households', seed.households ?? []);
    await saveAll(tx, 'residents', seed.residents ?? []);
    const known = new Set((seed.grievances ?? []).map((g) => g.id));
    const hashes = await Promise.all(
      Object.entries(seed.accessCodes ?? {})
        .filter(([id]) => known.has(id))
        .map(async ([id, code]) => ({ id, hash: await hashAccessCode(code, id) })),
    );
    if (hashes.length) {
      await tx.query(
        `INSERT INTO access_codes (grievance_id, hash)
         SELECT r->>'id', r->>'hash' FROM jsonb_array_elements($1::jsonb) AS r`,
        [JSON.stringify(hashes)],
      );
    }
    if (seed.policy) await savePolicy(tx, seed.policy);
    return true;
  });
}

export async function savePolicy(db: Db, policy: Policy): Promise<void> {
  await db.query(
    `INSERT INTO settings (key, value) VALUES ('policy', $1::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [JSON.stringify(policy)],
  );
}

/** The jurisdiction's policy as stored (seeded from the demo data), or undefined. */
export async function loadPolicy(db: Db): Promise<Policy | undefined> {
  const [row] = await db.query<{ value: Policy }>(`SELECT value FROM settings WHERE key = 'policy'`);
  return row ? policySchema.parse(row.value) : undefined;
}
