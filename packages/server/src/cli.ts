#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createToken, revokeToken, tokenRoles, type TokenRole } from './auth/tokens.js';
import { loadConfig } from './config.js';
import { openDb } from './db/db.js';
import { migrate } from './db/migrations/index.js';
import { demoSeed, demoStaffName } from './demo-seed.js';
import { startServer } from './server.js';

const usage = `Linli reference server

  linli-server                                   start the server (configuration: environment, see docs/server.md)
  linli-server create-token --role staff --name 李网格
                                                 print a new bearer token (shown once; stored hashed)
  linli-server revoke-token <token-id>           revoke a token by the id printed at creation
`;

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function serve() {
  const config = loadConfig();
  const server = await startServer({ config, seed: demoSeed, demoStaffName });
  console.log(`[linli] listening on ${server.url} (database: ${server.db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
  console.log(`[linli] API: ${server.url}/api/v1  ·  OpenAPI: ${server.url}/api/v1/openapi.json  ·  Open311: ${server.url}/open311/v2/discovery.json`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[linli] ${signal}: finishing requests in flight, then closing the database`);
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error('[linli] shutdown failed:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command.startsWith('--')) {
    if (command === '--help' || command === '-h') return void console.log(usage);
    return serve();
  }
  if (command === 'create-token') {
    const { values } = parseArgs({ args: rest, options: { role: { type: 'string', default: 'staff' }, name: { type: 'string' } } });
    if (!tokenRoles.includes(values.role as TokenRole) || !values.name?.trim()) {
      console.error(`create-token needs --role (${tokenRoles.join(' | ')}) and --name.\n\n${usage}`);
      process.exitCode = 2;
      return;
    }
    const { id, token } = await withDb((db) => createToken(db, values.role as TokenRole, values.name!.trim()));
    console.error(`[linli] created ${values.role} token ${id} for ${values.name}; it is shown only this once:`);
    console.log(token);
    return;
  }
  if (command === 'revoke-token' && rest[0]) {
    const revoked = await withDb((db) => revokeToken(db, rest[0]!));
    console.log(revoked ? `revoked ${rest[0]}` : `no active token ${rest[0]}`);
    process.exitCode = revoked ? 0 : 1;
    return;
  }
  console.error(usage);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((err) => {
  console.error('[linli]', err instanceof Error ? err.message : err);
  process.exit(1);
});
