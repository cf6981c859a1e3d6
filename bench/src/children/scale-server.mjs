// The Linli server for the "how cost grows" measurements: started in this child process with the demo
// data, then grown on request (IPC `{ grow: n }`) to n services from makeServiceCatalogue(n), inserted
// straight into its database in batches with the same columns as the server's own saveAll().
import { startServer } from '@linli/server';
import { demoData, makeServiceCatalogue } from '@linli/demo-data';
import { serviceSearchText } from '@linli/sdk';

const server = await startServer({
  config: { port: 0, host: '127.0.0.1', dataDir: process.env.LINLI_DATA_DIR, databaseUrl: undefined, rateLimit: { limit: 0, windowMs: 60_000 } },
  seed: demoData,
  log: () => {},
});

const insert = `INSERT INTO services (id, code, service_group, audience, requestable, search_text, data)
  SELECT r.value->>'id', r.value->>'code', r.value->>'service_group', r.value->>'audience',
         (r.value->>'requestable')::boolean, r.value->>'search_text', r.value->'data'
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(value, n) ORDER BY r.n
  ON CONFLICT (id) DO NOTHING`;

async function grow(n) {
  const t0 = performance.now();
  const [{ count: before }] = await server.db.query('SELECT count(*)::int AS count FROM services');
  const all = makeServiceCatalogue(n);
  for (let i = before; i < all.length; i += 1000) {
    const rows = all.slice(i, i + 1000).map((s) => ({
      id: s.id, code: s.code, service_group: s.group, audience: s.audience, requestable: s.requestable, search_text: serviceSearchText(s), data: s,
    }));
    await server.db.query(insert, [JSON.stringify(rows)]);
  }
  await server.db.query('ANALYZE services');
  const [{ count }] = await server.db.query('SELECT count(*)::int AS count FROM services');
  return { count, ms: performance.now() - t0 };
}

process.on('message', async (msg) => {
  try {
    if (msg.grow) process.send({ grown: await grow(msg.grow) });
    if (msg.stop) {
      await server.close();
      process.exit(0);
    }
  } catch (err) {
    process.send({ error: String(err?.stack ?? err) });
  }
});
process.send({ url: server.url });
