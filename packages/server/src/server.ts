import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { defaultPolicy } from '@linli/sdk';
import pkg from '../package.json';
import { ensureToken } from './auth/tokens.js';
import { purgeIdempotencyKeys } from './backend/idempotency.js';
import { createSqlBackend, type SqlBackend } from './backend/sql-backend.js';
import { loadConfig, type ServerConfig } from './config.js';
import { openDb, type Db } from './db/db.js';
import { migrate } from './db/migrations/index.js';
import { loadPolicy, seedIfEmpty, type SeedData } from './db/seed.js';
import { createApp } from './http/app.js';

export interface StartServerOptions {
  /** Defaults come from `loadConfig()` of an empty environment. */
  config?: Partial<ServerConfig>;
  /** Loaded on first start only (when there are no services yet). */
  /** Loaded on first start only; a function is called only then. */
  seed?: SeedData | (() => SeedData);
  /** How often the maintenance sweep runs (close 未评价 cases, forget old idempotency keys). */
  sweepIntervalMs?: number;
  /** Who the demo staff token acts as. */
  demoStaffName?: string;
  /** The server's clock; tests set it so that nothing depends on the real date. */
  now?: () => Date;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  backend: SqlBackend;
  /** Stops accepting connections, lets requests in flight finish, then closes the database. */
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds on first start, and serves the app until `close()`. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config: ServerConfig = { ...loadConfig({}), ...options.config };
  const log = options.log ?? ((m: string) => console.log(m));

  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let server: ServerType | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await migrate(db);
    if (options.seed && (await seedIfEmpty(db, options.seed))) log('[linli] seeded the database with the demo data');
    if (config.demoStaffToken) await ensureToken(db, config.demoStaffToken, 'staff', options.demoStaffName ?? '演示工作人员');
    const backend = createSqlBackend(db, { policy: (await loadPolicy(db)) ?? defaultPolicy, now: options.now });
    const app = createApp({ backendFor: backend, db, config, version: pkg.version });

    // Cheap periodic upkeep instead of work on every read. Several replicas may all run it: each
    // closing is a row-locked transaction that re-checks the status.
    let sweeping: Promise<void> = Promise.resolve();
    const sweep = () => {
      sweeping = (async () => {
        try {
          const closed = await backend.closeExpiredEvaluations();
          if (closed) log(`[linli] closed ${closed} resolved grievance(s) unrated after the evaluation window (未评价)`);
          await purgeIdempotencyKeys(db);
        } catch (err) {
          console.error('[linli] maintenance sweep failed:', err);
        }
      })();
    };
    sweep();
    await sweeping;
    timer = setInterval(sweep, options.sweepIntervalMs ?? 60_000);
    timer.unref();

    const listening = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
    server = listening;
    await new Promise<void>((resolve, reject) => {
      listening.once('listening', resolve);
      listening.once('error', reject);
    });
    const { port } = listening.address() as AddressInfo;
    const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;

    let closing: Promise<void> | undefined;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      db,
      backend,
      close: () =>
        (closing ??= (async () => {
          clearInterval(timer);
          await new Promise<void>((resolve) => {
            listening.close(() => resolve());
            if ('closeIdleConnections' in listening) listening.closeIdleConnections();
            // Keep-alive clients get 10 s to finish what they are doing.
            setTimeout(() => ('closeAllConnections' in listening ? listening.closeAllConnections() : undefined), 10_000).unref();
          });
          await sweeping;
          await db.close();
        })()),
    };
  } catch (err) {
    clearInterval(timer);
    server?.close();
    await db.close();
    throw err;
  }
}
