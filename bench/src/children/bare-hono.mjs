// The peer server: a bare Hono app on @hono/node-server, no middleware. GET returns the same JSON payload
// as Linli's GET /api/v1/services (read from BENCH_GET_BODY); POST echoes its JSON body.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const payload = readFileSync(process.env.BENCH_GET_BODY, 'utf8');
const app = new Hono();
app.get('/api/v1/services', (c) => c.body(payload, 200, { 'Content-Type': 'application/json' }));
app.post('/api/v1/grievances', async (c) => c.json(await c.req.json(), 201));

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
  console.log(`[bare-hono] listening on http://127.0.0.1:${info.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
