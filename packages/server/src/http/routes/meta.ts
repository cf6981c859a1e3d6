import { type RouteDef } from './types.js';

/** What the backend can do, its health, and this API description. */
export const metaRoutes: readonly RouteDef[] = [
  {
    method: 'get',
    path: '/capabilities',
    operationId: 'capabilities',
    cacheSeconds: 60,
    summary: 'What this backend can do',
    tag: 'meta',
    access: 'public',
    response: { status: 200, schema: { server: 'Capabilities' } },
    run: async ({ adapter }) => adapter.capabilities,
  },
  {
    method: 'get',
    path: '/health',
    operationId: 'health',
    summary: 'Liveness and database reachability',
    tag: 'meta',
    access: 'public',
    response: { status: 200, schema: { server: 'Health' } },
    run: async ({ db }) => {
      await db.query('SELECT 1');
      return { ok: true, db: db.kind };
    },
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'openapi',
    summary: 'This document (OpenAPI 3.1)',
    tag: 'meta',
    access: 'public',
    response: { status: 200, schema: { server: 'OpenApiDocument' } },
    run: async ({ openapi }) => openapi(),
  },
];
