import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GrievanceReceipt, PublicGrievance, Service } from '@linli/sdk';
import { validAttributes } from '@linli/sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, postgresSchema, type TestDatabase } from './databases.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(packageDir, 'dist', 'cli.js');
const STAFF_TOKEN = 'crash-test-staff-token';
const SUBMISSIONS = 200;
const KILL_AFTER = 100;

function newestMtime(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newestMtime(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
}

/** The test drives the built server (`node dist/cli.js`); build it when it is missing or older than src/. */
function ensureBuilt() {
  if (existsSync(cli) && statSync(cli).mtimeMs >= newestMtime(join(packageDir, 'src'))) return;
  execSync('pnpm run build', { cwd: packageDir, stdio: 'ignore' });
}

interface Child {
  process: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Starts `node dist/cli.js` and waits for the URL it prints. */
function startChild(env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, [cli], {
    cwd: packageDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LINLI_RATE_LIMIT: 'off', LINLI_DEMO_STAFF_TOKEN: STAFF_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ process: child, url, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

const submission = (service: Service, i: number) => ({
  serviceCode: service.code,
  description: `崩溃测试提交第 ${i} 号：楼道灯不亮 #crash-${i}#`,
  location: { kind: 'address', text: '幸福路12号' },
  attributes: validAttributes(service),
  reporter: { anonymous: false, name: '王建国', phone: '13912345678' },
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

beforeAll(() => ensureBuilt(), 300_000);

for (const kind of databaseKinds) {
  describe(`kill -9 during ${SUBMISSIONS} concurrent submissions (${kind})`, () => {
    let env: Record<string, string>;
    let dataDir: string | undefined;
    let pg: TestDatabase | undefined;
    let running: Child | undefined;

    beforeAll(async () => {
      if (kind === 'pglite') {
        dataDir = mkdtempSync(join(tmpdir(), 'linli-crash-'));
        env = { LINLI_DATA_DIR: join(dataDir, 'pglite') };
      } else {
        pg = await postgresSchema(process.env.DATABASE_URL!);
        env = pg.env;
      }
    });
    afterAll(async () => {
      if (running && running.process.exitCode === null) {
        running.process.kill('SIGTERM');
        await running.exited;
      }
      await pg?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps every acknowledged submission and never stores a key twice', async () => {
      const first = await startChild(env);
      running = first;
      const api = `${first.url}/api/v1`;
      const services = (await (await fetch(`${api}/services?requestable=true&limit=1`)).json()) as { items: Service[] };
      const service = services.items[0]!;

      const acknowledged = new Map<number, GrievanceReceipt>();
      let failed = 0;
      let killedAt = 0;
      const started = Date.now();
      await Promise.all(
        Array.from({ length: SUBMISSIONS }, async (_, i) => {
          try {
            const res = await post(`${api}/grievances`, submission(service, i), { 'Idempotency-Key': `crash-${kind}-${i}` });
            if (res.status !== 201) throw new Error(`status ${res.status}`);
            const receipt = (await res.json()) as GrievanceReceipt;
            acknowledged.set(i, receipt);
            if (acknowledged.size === KILL_AFTER) {
              first.process.kill('SIGKILL');
              killedAt = Date.now() - started;
            }
          } catch {
            failed++;
          }
        }),
      );
      expect(await first.exited).toBeNull(); // killed by the signal, not a clean exit
      const ackedBeforeKill = acknowledged.size;

      const second = await startChild(env);
      running = second;
      const api2 = `${second.url}/api/v1`;

      // Every acknowledged receipt can be tracked with its access code.
      for (const receipt of acknowledged.values()) {
        const res = await post(`${api2}/grievances/track`, { trackingCode: receipt.trackingCode, accessCode: receipt.accessCode });
        expect(res.status, receipt.trackingCode).toBe(200);
        expect(((await res.json()) as PublicGrievance).id).toBe(receipt.id);
      }

      // The outbox retries everything with the same keys: committed ones replay, the rest run once.
      let replayed = 0;
      for (let i = 0; i < SUBMISSIONS; i++) {
        const res = await post(`${api2}/grievances`, submission(service, i), { 'Idempotency-Key': `crash-${kind}-${i}` });
        expect(res.status).toBe(201);
        const receipt = (await res.json()) as GrievanceReceipt;
        if (res.headers.get('idempotency-replayed') === 'true') replayed++;
        const before = acknowledged.get(i);
        if (before) {
          expect(res.headers.get('idempotency-replayed')).toBe('true');
          expect(receipt).toEqual(before);
        }
      }

      // Exactly one row per idempotency key.
      const counts = new Map<number, number>();
      let cursor: string | null = null;
      do {
        const url: string = `${api2}/grievances?limit=500${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await (await fetch(url, { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } })).json()) as { items: { description: string }[]; nextCursor: string | null };
        for (const g of page.items) {
          const n = /#crash-(\d+)#/.exec(g.description)?.[1];
          if (n !== undefined) counts.set(Number(n), (counts.get(Number(n)) ?? 0) + 1);
        }
        cursor = page.nextCursor;
      } while (cursor);
      expect(counts.size).toBe(SUBMISSIONS);
      expect([...counts.values()].every((c) => c === 1)).toBe(true);

      console.log(
        `[crash ${kind}] ${ackedBeforeKill} acknowledged before kill -9 at ${killedAt} ms, ${failed} failed in flight; ` +
          `after restart all ${ackedBeforeKill} tracked, ${replayed} of ${SUBMISSIONS} retries replayed (committed), ` +
          `${SUBMISSIONS - replayed} ran for the first time; one row per key`,
      );
      expect(replayed).toBeGreaterThanOrEqual(ackedBeforeKill);

      second.process.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }, 240_000);
  });
}
