import { LinliError, defaultPolicy, deadline, type GrievanceInput, type LinliAdapter } from '@linli/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorForToken, createSqlBackend, createToken, ensureToken, migrate, revokeToken, type Db } from '../src/index.js';
import { databaseKinds, postgresSchema, seededDb } from './databases.js';
import { testSeed } from './fixtures.js';

const input: GrievanceInput = {
  serviceCode: 'environment.street-light',
  description: '小区北门路灯不亮，晚上很黑。',
  location: { kind: 'address', text: '幸福路1号北门' },
  attributes: { floor: 1 },
  reporter: { anonymous: true },
};
const staffActor = { role: 'staff', id: 'st-1', name: '李网格' } as const;

async function resolvedCase(staff: LinliAdapter, anonymous: LinliAdapter) {
  const receipt = await anonymous.submitGrievance(input as never, {});
  for (const cmd of [
    { action: 'accept' },
    { action: 'assign', assignee: { id: 'st-1', name: '李网格' } },
    { action: 'start' },
    { action: 'resolve', note: '已修复' },
  ] as const) {
    await staff.transitionGrievance!(receipt.id, cmd as never, {});
  }
  return receipt;
}

for (const kind of databaseKinds) {
  describe(`SQL backend on ${kind}`, () => {
    let db: Db;
    let teardown: () => Promise<void>;
    let clock = new Date();
    const backendFor = () => createSqlBackend(db, { policy: defaultPolicy, now: () => clock });

    beforeAll(async () => {
      ({ db, teardown } = await seededDb(kind, testSeed));
    });
    afterAll(async () => {
      await teardown?.();
    });

    it('serialises concurrent staff actions on one grievance: one wins, the rest are illegal', async () => {
      const backend = backendFor();
      const receipt = await backend().submitGrievance(input as never, {});
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => backend(staffActor).transitionGrievance!(receipt.id, { action: 'accept' } as never, {})));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as LinliError).code).toBe('illegal_transition');
      const g = await backend(staffActor).getGrievance!(receipt.id, {});
      expect(g.timeline.map((e) => e.action)).toEqual(['submit', 'accept']);
    });

    it('accepts one rating per matter even when two arrive together', async () => {
      const backend = backendFor();
      const receipt = await resolvedCase(backend(staffActor), backend());
      const rate = () => backend().submitEvaluation!({ target: { type: 'grievance', id: receipt.id }, level: 4, accessCode: receipt.accessCode } as never, {});
      const results = await Promise.allSettled([rate(), rate(), rate()]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM evaluations WHERE target_id = $1`, [receipt.id]);
      expect(n).toBe(1);
    });

    it('closes resolved cases as 未评价 once the evaluation window has passed', async () => {
      clock = new Date();
      const backend = backendFor();
      const receipt = await resolvedCase(backend(staffActor), backend());
      expect(await backend.closeExpiredEvaluations()).toBe(0);
      const g = await backend(staffActor).getGrievance!(receipt.id, {});
      clock = new Date(Date.parse(deadline(defaultPolicy, 'evaluationWindow', g.resolvedAt!)) + 60_000);
      expect(await backend.closeExpiredEvaluations()).toBeGreaterThanOrEqual(1);
      const closed = await backend(staffActor).getGrievance!(receipt.id, {});
      expect(closed.status).toBe('closed');
      expect(closed.timeline.at(-1)).toMatchObject({ action: 'expire_evaluation', actor: { role: 'system' } });
      expect(await backend.closeExpiredEvaluations()).toBe(0);
      clock = new Date();
    });

    it('keeps tokens hashed and honours revocation', async () => {
      const { id, token } = await createToken(db, 'admin', '系统管理员');
      expect(await actorForToken(db, token)).toEqual({ role: 'admin', id, name: '系统管理员' });
      const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM tokens WHERE id = $1', [id]);
      expect(stored[0]!.token_hash).not.toContain(token);
      expect(await revokeToken(db, id)).toBe(true);
      expect(await actorForToken(db, token)).toBeUndefined();
      await ensureToken(db, 'demo-token', 'staff', '演示');
      await ensureToken(db, 'demo-token', 'staff', '演示');
      expect((await actorForToken(db, 'demo-token'))?.role).toBe('staff');
    });

    it('migrates idempotently, also when several processes start at once', async () => {
      const again = await Promise.all([migrate(db), migrate(db), migrate(db)]);
      expect(again).toEqual([[], [], []]);
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
      expect(rows.map((r) => r.version)).toEqual([1]);
    });
  });
}

// Several replicas starting together against one fresh database.
for (const kind of databaseKinds.filter((k) => k === 'postgres')) {
  describe(`concurrent first start on one ${kind} schema`, () => {
    it('runs the migrations exactly once', async () => {
      const target = await postgresSchema(process.env.DATABASE_URL!);
      const dbs = await Promise.all([target.open(), target.open(), target.open()]);
      try {
        const applied = await Promise.all(dbs.map((d) => migrate(d)));
        expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
        const rows = await dbs[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
        expect(rows[0]!.n).toBe(1);
      } finally {
        await Promise.all(dbs.map((d) => d.close()));
        await target.drop();
      }
    });
  });
}
