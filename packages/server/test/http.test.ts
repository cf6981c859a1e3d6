import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPolicy, normalizeCode, type GrievanceReceipt } from '@linli/sdk';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createSqlBackend, createToken, startServer, type RunningServer, type ServerConfig } from '../src/index.js';
import { databaseKinds, postgresSchema, type TestDatabase } from './databases.js';
import { testSeed } from './fixtures.js';

interface Launched {
  server: RunningServer;
  api: string;
  staffToken: string;
  close(): Promise<void>;
}

/** The real server (migrations, seed, Hono on @hono/node-server) on an ephemeral port. */
async function launch(kind: 'pglite' | 'postgres', config: Partial<ServerConfig> = {}): Promise<Launched> {
  let pg: TestDatabase | undefined;
  if (kind === 'postgres') pg = await postgresSchema(process.env.DATABASE_URL!);
  const server = await startServer({
    config: { port: 0, host: '127.0.0.1', ...(pg ? { databaseUrl: pg.env.DATABASE_URL } : { dataDir: 'memory://' }), ...config },
    seed: testSeed,
    log: () => {},
  });
  const { token } = await createToken(server.db, 'staff', '李网格');
  return {
    server,
    api: `${server.url}/api/v1`,
    staffToken: token,
    async close() {
      await server.close();
      await pg?.drop();
    },
  };
}

const grievance = (marker = `m-${Math.random().toString(36).slice(2)}`) => ({
  serviceCode: 'environment.street-light',
  description: `楼道灯坏了一个星期，晚上老人上下楼很危险。${marker}`,
  location: { kind: 'address', text: '幸福路12号3号楼2单元' },
  attributes: { floor: 3 },
  reporter: { anonymous: false, name: '王建国', phone: '13912345678' },
  contactConsent: true,
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const CHINESE = /[\u4e00-\u9fff]/;

for (const kind of databaseKinds) {
  describe(`REST server on ${kind}`, () => {
    let s: Launched;
    const staff = () => ({ Authorization: `Bearer ${s.staffToken}` });
    const countByMarker = async (marker: string) =>
      (await s.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM grievances WHERE data->>'description' LIKE $1`, [`%${marker}`]))[0]!.n;

    beforeAll(async () => {
      s = await launch(kind, { rateLimit: { limit: 0, windowMs: 60_000 }, corsOrigins: ['https://city.example'] });
    });
    afterAll(async () => {
      await s?.close();
    });

    it('serves the catalogue, health and capabilities with a request id', async () => {
      const res = await fetch(`${s.api}/services?limit=2`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('public, max-age=30');
      const page = (await res.json()) as { items: { code: string }[]; nextCursor: string | null; total: number };
      expect(page.items).toHaveLength(2);
      expect(page.total).toBe(testSeed.services!.length);
      const next = (await (await fetch(`${s.api}/services?limit=2&cursor=${page.nextCursor}`)).json()) as { items: { code: string }[] };
      expect(next.items.map((x) => x.code)).not.toContain(page.items[0]!.code);
      const echoed = await fetch(`${s.api}/health`, { headers: { 'X-Request-Id': 'trace-123' } });
      expect(echoed.headers.get('x-request-id')).toBe('trace-123');
      expect(await echoed.json()).toEqual({ ok: true, db: kind });
      expect(((await (await fetch(`${s.api}/capabilities`)).json()) as Record<string, boolean>).grievanceSubmit).toBe(true);
      expect((await fetch(`${s.api}/services/no-such-service`)).status).toBe(404);
      // Open311 GeoReport v2 is mounted beside the REST API, on the same backend.
      const open311 = await fetch(`${s.server.url}/open311/v2/services.json`);
      expect(open311.status).toBe(200);
      expect(((await open311.json()) as { service_code: string }[]).map((x) => x.service_code)).toContain('environment.street-light');
    });

    it('stores a duplicate POST once and replays the same status and body', async () => {
      const marker = `dup-${Date.now()}`;
      const body = grievance(marker);
      const first = await post(`${s.api}/grievances`, body, { 'Idempotency-Key': `key-${marker}` });
      const second = await post(`${s.api}/grievances`, body, { 'Idempotency-Key': `key-${marker}` });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(first.headers.get('idempotency-replayed')).toBeNull();
      expect(second.headers.get('idempotency-replayed')).toBe('true');
      const a = (await first.json()) as GrievanceReceipt;
      expect(await second.json()).toEqual(a);
      expect(await countByMarker(marker)).toBe(1);
      const [row] = await s.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM grievances WHERE tracking_key = $1', [normalizeCode(a.trackingCode)]);
      expect(row!.n).toBe(1);
    });

    it('runs 20 concurrent duplicates once', async () => {
      const marker = `par-${Date.now()}`;
      const body = grievance(marker);
      const responses = await Promise.all(Array.from({ length: 20 }, () => post(`${s.api}/grievances`, body, { 'Idempotency-Key': `key-${marker}` })));
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
      const receipts = (await Promise.all(responses.map((r) => r.json()))) as GrievanceReceipt[];
      expect(new Set(receipts.map((r) => r.id)).size).toBe(1);
      expect(new Set(receipts.map((r) => r.accessCode)).size).toBe(1);
      expect(responses.filter((r) => r.headers.get('idempotency-replayed') === 'true')).toHaveLength(19);
      expect(await countByMarker(marker)).toBe(1);
    });

    it('refuses a reused key with a different body, and a malformed key', async () => {
      const key = `reuse-${Date.now()}`;
      expect((await post(`${s.api}/grievances`, grievance(), { 'Idempotency-Key': key })).status).toBe(201);
      const conflict = await post(`${s.api}/grievances`, grievance(), { 'Idempotency-Key': key });
      expect(conflict.status).toBe(409);
      expect(((await conflict.json()) as { code: string }).code).toBe('conflict');
      const bad = await post(`${s.api}/grievances`, grievance(), { 'Idempotency-Key': 'x'.repeat(201) });
      expect(bad.status).toBe(400);
    });

    it('answers a wrong access code exactly like an unknown tracking code', async () => {
      const receipt = (await (await post(`${s.api}/grievances`, grievance())).json()) as GrievanceReceipt;
      const ok = await post(`${s.api}/grievances/track`, { trackingCode: receipt.trackingCode, accessCode: receipt.accessCode.toLowerCase() });
      expect(ok.status).toBe(200);
      const wrong = await post(`${s.api}/grievances/track`, { trackingCode: receipt.trackingCode, accessCode: 'WRONG234' });
      const unknown = await post(`${s.api}/grievances/track`, { trackingCode: 'MQ-000000-NONE', accessCode: receipt.accessCode });
      expect(wrong.status).toBe(404);
      expect(unknown.status).toBe(404);
      const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
      const w = (await wrong.json()) as Record<string, unknown>;
      const u = (await unknown.json()) as Record<string, unknown>;
      expect(strip(w)).toEqual(strip(u));
      expect(Object.keys(w).sort()).toEqual(Object.keys(u).sort());
      expect(JSON.stringify(w)).not.toContain(receipt.id);
    });

    it('keeps the reporter and the rater out of public responses', async () => {
      const receipt = (await (await post(`${s.api}/grievances`, grievance())).json()) as GrievanceReceipt;
      const tracked = await (await post(`${s.api}/grievances/track`, { trackingCode: receipt.trackingCode, accessCode: receipt.accessCode })).text();
      expect(tracked).not.toContain('13912345678');
      expect(tracked).not.toContain('王建国');
      expect(JSON.parse(tracked).reporter).toEqual({ anonymous: false });
      for (const command of [
        { action: 'accept', note: '已受理，已电话联系13912345678' },
        { action: 'assign', note: '派单', assignee: { id: 'st-1', name: '李网格' } },
        { action: 'start' },
        { action: 'resolve', note: '已更换灯泡' },
      ]) {
        const res = await post(`${s.api}/grievances/${receipt.id}/transitions`, command, staff());
        expect(res.status, JSON.stringify(command)).toBe(200);
      }
      // Only the reporter may dispute a result: the workflow refuses it to staff.
      expect((await post(`${s.api}/grievances/${receipt.id}/transitions`, { action: 'dispute', note: '没修好' }, staff())).status).toBe(403);
      const full = await (await fetch(`${s.api}/grievances/${receipt.id}`, { headers: staff() })).text();
      expect(full).toContain('13912345678');
      expect(full).toContain('王建国');
      const afterNotes = await (await post(`${s.api}/grievances/track`, { trackingCode: receipt.trackingCode, accessCode: receipt.accessCode })).text();
      expect(afterNotes).not.toContain('13912345678');
      expect(afterNotes).toContain('139****5678');

      const rating = { target: { type: 'grievance', id: receipt.id }, level: 5, reasons: ['fast'], realName: true, rater: { name: '王建国', phone: '13912345678' }, accessCode: receipt.accessCode };
      const created = await post(`${s.api}/evaluations`, rating);
      expect(created.status).toBe(201);
      const text = await created.text();
      expect(text).not.toContain('13912345678');
      expect(text).not.toContain('王建国');
      const publicList = await (await fetch(`${s.api}/evaluations?targetType=grievance&targetId=${receipt.id}`)).text();
      expect(publicList).not.toContain('13912345678');
      const staffList = await (await fetch(`${s.api}/evaluations?targetType=grievance&targetId=${receipt.id}`, { headers: staff() })).text();
      expect(staffList).toContain('13912345678');
    });

    it('needs a staff token for staff endpoints', async () => {
      const receipt = (await (await post(`${s.api}/grievances`, grievance())).json()) as GrievanceReceipt;
      const none = await fetch(`${s.api}/grievances`);
      expect(none.status).toBe(401);
      expect(((await none.json()) as { code: string }).code).toBe('unauthorized');
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      expect((await fetch(`${s.api}/grievances`, { headers: { Authorization: 'Bearer not-a-real-token' } })).status).toBe(401);
      expect((await fetch(`${s.api}/grievances`, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } })).status).toBe(401);
      expect((await post(`${s.api}/grievances/${receipt.id}/transitions`, { action: 'accept' })).status).toBe(401);
      expect((await fetch(`${s.api}/residents`)).status).toBe(401);
      expect((await fetch(`${s.api}/rectifications`)).status).toBe(401);
      const list = await fetch(`${s.api}/grievances?status=submitted&limit=5`, { headers: staff() });
      expect(list.status).toBe(200);
      expect(list.headers.get('cache-control')).toBe('no-store');
      const illegal = await post(`${s.api}/grievances/${receipt.id}/transitions`, { action: 'resolve', note: '办结' }, staff());
      expect(illegal.status).toBe(409);
      expect(await illegal.json()).toMatchObject({ code: 'illegal_transition', from: 'submitted', action: 'resolve' });
    });

    it('explains malformed bodies field by field, in the caller’s language', async () => {
      const bad = { serviceCode: 'environment.street-light', description: '短', location: { kind: 'address', text: '' } };
      const zh = await post(`${s.api}/grievances`, bad);
      expect(zh.status).toBe(400);
      const zhBody = (await zh.json()) as { code: string; issues: { path: string; message: string }[]; requestId: string };
      expect(zhBody.code).toBe('validation');
      expect(zhBody.requestId).toBeTruthy();
      const description = zhBody.issues.find((i) => i.path === 'description');
      expect(description?.message).toMatch(CHINESE);
      const en = await post(`${s.api}/grievances`, bad, { 'Accept-Language': 'en-GB,en;q=0.9,zh;q=0.5' });
      const enBody = (await en.json()) as { issues: { path: string; message: string }[] };
      const enDescription = enBody.issues.find((i) => i.path === 'description');
      expect(enDescription?.message).toMatch(/[a-z]/i);
      expect(enDescription?.message).not.toMatch(CHINESE);
      expect(JSON.stringify(enBody)).not.toContain('ZodError');
      const notJson = await post(`${s.api}/grievances`, '{"description": ');
      expect(notJson.status).toBe(400);
      expect(((await notJson.json()) as { code: string }).code).toBe('validation');
      const badQuery = await fetch(`${s.api}/services?limit=100000`);
      expect(badQuery.status).toBe(400);
    });

    it('refuses bodies over 64 KB with 413 and a JSON error', async () => {
      const res = await post(`${s.api}/grievances`, { ...grievance(), description: 'x'.repeat(70 * 1024) });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(((await res.json()) as { code: string }).code).toBe('validation');
    });

    it('answers CORS only for allowed origins', async () => {
      const allowed = await fetch(`${s.api}/services?limit=1`, { headers: { Origin: 'https://city.example' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://city.example');
      expect(allowed.headers.get('access-control-expose-headers')).toMatch(/Idempotency-Replayed/i);
      const other = await fetch(`${s.api}/services?limit=1`, { headers: { Origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${s.api}/grievances`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://city.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'idempotency-key,content-type' },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://city.example');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
      const error = await fetch(`${s.api}/grievances`, { headers: { Origin: 'https://city.example' } });
      expect(error.status).toBe(401);
      expect(error.headers.get('access-control-allow-origin')).toBe('https://city.example');
    });

    it('publishes an OpenAPI 3.1 document covering every API route of the app', async () => {
      const res = await fetch(`${s.api}/openapi.json`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as {
        openapi: string;
        paths: Record<string, Record<string, { parameters?: { $ref?: string }[]; responses: Record<string, unknown>; security?: unknown[] }>>;
        components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
      };
      expect(doc.openapi).toBe('3.1.0');
      // Valid against the official OpenAPI 3.1 schema, not just "looks like JSON".
      const validation = await new Validator().validate(doc as unknown as Record<string, unknown>);
      expect(validation.errors ?? []).toEqual([]);
      expect(validation.valid).toBe(true);
      expect(doc.components.securitySchemes.bearerAuth).toBeTruthy();
      const app = createApp({ backendFor: createSqlBackend(s.server.db, { policy: defaultPolicy }), db: s.server.db });
      const appRoutes = app.routes.filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL');
      expect(appRoutes.length).toBeGreaterThanOrEqual(22);
      for (const r of appRoutes) {
        const path = r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
        const op = doc.paths[path]?.[r.method.toLowerCase()];
        expect(op, `${r.method} ${path}`).toBeTruthy();
        expect(Object.keys(op!.responses).length).toBeGreaterThan(1);
        if (r.method === 'POST') expect(op!.parameters?.some((p) => p.$ref === '#/components/parameters/IdempotencyKey')).toBe(true);
      }
      expect(doc.paths['/api/v1/grievances/{id}/transitions']!.post!.security).toEqual([{ bearerAuth: [] }]);
      const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(schemas|parameters)\/([^"]+)"/g)];
      expect(refs.length).toBeGreaterThan(20);
      for (const [, section, name] of refs) expect((doc.components as Record<string, Record<string, unknown>>)[section!]![name!], name).toBeTruthy();
    });
  });
}

describe('REST server protections that need their own settings', () => {
  it('limits submissions per IP with 429 and Retry-After', async () => {
    const s = await launch('pglite', { rateLimit: { limit: 3, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(`${s.api}/grievances/track`, { trackingCode: 'MQ-000000-NONE', accessCode: 'AAAA2222' })).status);
      expect(statuses).toEqual([404, 404, 404]);
      const limited = await post(`${s.api}/grievances`, grievance());
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await limited.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: retryAfter });
      // Reading is not a submission, and staff are not limited.
      expect((await fetch(`${s.api}/services?limit=1`)).status).toBe(200);
      expect((await post(`${s.api}/grievances`, grievance(), { Authorization: `Bearer ${s.staffToken}` })).status).toBe(201);
    } finally {
      await s.close();
    }
  });

  it('answers an unexpected failure with a bare 500 and a request id', async () => {
    const backend = createSqlBackend(null as never, { policy: defaultPolicy });
    const app = createApp({
      backendFor: (actor) => ({ ...backend(actor), listServices: () => Promise.reject(new Error('secret internals at line 42')) }),
      db: null as never,
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const res = await app.request('/api/v1/services');
      expect(res.status).toBe(500);
      const body = (await res.json()) as { code: string; message: string; requestId: string };
      expect(body.code).toBe('server');
      expect(body.requestId).toBe(res.headers.get('x-request-id'));
      expect(JSON.stringify(body)).not.toContain('secret internals');
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });

  it('serves the site and the CDN bundle without listing directories', async () => {
    const root = mkdtempSync(join(tmpdir(), 'linli-static-'));
    try {
      mkdirSync(join(root, 'site', 'empty'), { recursive: true });
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'site', 'index.html'), '<!doctype html><title>邻里</title>');
      writeFileSync(join(root, 'site', 'app.css'), 'body{}');
      writeFileSync(join(root, 'assets', 'linli.js'), 'export {};');
      writeFileSync(join(root, 'secret.txt'), 'outside');
      const backend = createSqlBackend(null as never, { policy: defaultPolicy });
      const app = createApp({ backendFor: backend, db: null as never, config: { siteDir: join(root, 'site'), assetsDir: join(root, 'assets') } });
      const index = await app.request('/');
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await index.text()).toContain('邻里');
      expect((await app.request('/app.css')).headers.get('content-type')).toMatch(/^text\/css/);
      const bundle = await app.request('/assets/linli.js');
      expect(bundle.headers.get('content-type')).toMatch(/javascript/);
      expect(bundle.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect((await app.request('/empty/')).status).toBe(404);
      expect((await app.request('/../secret.txt')).status).toBe(404);
      expect((await app.request('/%2e%2e/secret.txt')).status).toBe(404);
      expect((await app.request('/api/v1/nothing-here')).status).toBe(404);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
