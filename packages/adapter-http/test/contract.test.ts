import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, NetworkError, type GrievanceReceipt, type OutboxEvent } from '@linli/sdk';
import { contractClock, runAdapterContractTests, validAttributes } from '@linli/sdk/testing';
import { createToken, openDb, startServer } from '@linli/server';
import { createMemoryOutboxStore, httpAdapter } from '../src/index.js';
import { notices, orgUnits, services } from './support/seed.js';

interface Database {
  databaseUrl?: string;
  dataDir?: string;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL schema per run, so concurrent runs (and the server's own tests) never meet. */
async function postgresSchema(url: string): Promise<Database> {
  const schema = `linli_http_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await openDb({ databaseUrl: url });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    databaseUrl: scoped.toString(),
    async drop() {
      const db = await openDb({ databaseUrl: url });
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    },
  };
}

/** PGlite in memory always; PostgreSQL too when DATABASE_URL is set. */
const targets: { name: string; database: () => Promise<Database> }[] = [
  { name: 'PGlite', database: async () => ({ dataDir: 'memory://', drop: async () => undefined }) },
  ...(process.env.DATABASE_URL ? [{ name: 'PostgreSQL', database: () => postgresSchema(process.env.DATABASE_URL!) }] : []),
];

/** The real reference server on an ephemeral port, seeded, with a staff token. */
async function startLinli(database: () => Promise<Database>) {
  const db = await database();
  try {
    const server = await startServer({
      config: {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: db.databaseUrl,
        dataDir: db.dataDir ?? 'memory://',
        rateLimit: { limit: 0, windowMs: 60_000 },
      },
      seed: { services, orgUnits, notices },
      now: contractClock,
      log: () => undefined,
    });
    const { token } = await createToken(server.db, 'staff', '李网格');
    return {
      baseUrl: `${server.url}/api/v1`,
      staffToken: token,
      async stop() {
        await server.close();
        await db.drop();
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
}

for (const target of targets) {
  runAdapterContractTests(`http → @linli/server on ${target.name}`, async () => {
    const linli = await startLinli(target.database);
    return {
      staff: httpAdapter({ baseUrl: linli.baseUrl, token: linli.staffToken, outbox: false }),
      anonymous: httpAdapter({ baseUrl: linli.baseUrl, outbox: false }),
      teardown: linli.stop,
    };
  });

  describe(`outbox → @linli/server on ${target.name}`, () => {
    let linli: Awaited<ReturnType<typeof startLinli>>;
    beforeAll(async () => {
      linli = await startLinli(target.database);
    });
    afterAll(async () => {
      await linli?.stop();
    });

    it('a submission whose answer was lost is queued, replayed by the server and stored exactly once', async () => {
      let dropAnswers = true;
      // The request reaches the server and is committed; only the answer never comes back.
      const flakyFetch: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        // Duck-typed: undici's clones used for retries are Requests that fail `instanceof Request`.
        const method = typeof input === 'object' && 'method' in input ? input.method : (init?.method ?? 'GET');
        if (!dropAnswers || method !== 'POST') return response;
        await response.body?.cancel();
        throw new TypeError('fetch failed');
      };
      const store = createMemoryOutboxStore();
      const resident = httpAdapter({ baseUrl: linli.baseUrl, fetch: flakyFetch, outbox: { store, autoFlush: false } });
      const staff = createClient({ adapter: httpAdapter({ baseUrl: linli.baseUrl, token: linli.staffToken, outbox: false }) });
      const client = createClient({ adapter: resident });
      const service = (await client.services.list({ requestable: true })).items[0]!;
      const before = await staff.grievances.list({ limit: 500 }).then((p) => p.toArray(10_000));

      const error = await client.grievances
        .submit({ serviceCode: service.code, description: '电梯停运两天了，老人下不了楼。', location: { kind: 'address', text: '幸福路12号3号楼' }, attributes: validAttributes(service) })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).queuedAs).toBeTruthy();
      const afterDrop = await staff.grievances.list({ limit: 500 }).then((p) => p.toArray(10_000));
      expect(afterDrop.length).toBe(before.length + 1); // the server did store it, with retries deduplicated

      dropAnswers = false;
      const events: OutboxEvent[] = [];
      resident.outbox!.subscribe((e) => events.push(e));
      await resident.outbox!.flush();
      expect(events.map((e) => e.type)).toEqual(['delivered']);
      const receipt = (events[0] as { result: GrievanceReceipt }).result;
      const all = await staff.grievances.list({ limit: 500 }).then((p) => p.toArray(10_000));
      expect(all.length).toBe(before.length + 1);
      expect(all.filter((g) => g.trackingCode === receipt.trackingCode)).toHaveLength(1);
      const tracked = await client.grievances.track(receipt.trackingCode, receipt.accessCode);
      expect(tracked.description).toBe('电梯停运两天了，老人下不了楼。');
      expect(await resident.outbox!.pending()).toEqual([]);
    });
  });
}
