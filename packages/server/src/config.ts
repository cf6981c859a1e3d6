import { resolve } from 'node:path';

export interface RateLimitConfig {
  /** Submissions allowed per client IP per window; 0 turns the limit off. */
  limit: number;
  windowMs: number;
}

/** Everything the server reads from its environment. See docs/server.md for the table. */
export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL when set; PGlite in `dataDir` otherwise. */
  databaseUrl?: string;
  dataDir: string;
  /** Origins allowed to call the API from a browser (`*` for any). Empty: same origin only. */
  corsOrigins: string[];
  rateLimit: RateLimitConfig;
  /** Take the client IP from `X-Forwarded-For` (only behind a proxy you run). */
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** When set, a staff token with exactly this value exists (for the demo). */
  demoStaffToken?: string;
  open311ApiKeys: string[];
  /** The website served at `/`. */
  siteDir?: string;
  /** The components CDN bundle served at `/assets/`. */
  assetsDir?: string;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const UNITS: Record<string, number> = { s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000, hour: 3_600_000 };

/** `30` (per minute), `30/min`, `100/10s`, `1000/h`; `0` or `off` disables. */
export function parseRateLimit(value: string | undefined): RateLimitConfig {
  if (!value) return { limit: 30, windowMs: 60_000 };
  if (value.trim() === 'off') return { limit: 0, windowMs: 60_000 };
  const m = /^\s*(\d+)\s*(?:\/\s*(\d*)\s*(s|sec|m|min|h|hour))?\s*$/.exec(value);
  if (!m) throw new Error(`LINLI_RATE_LIMIT: expected e.g. "30/min" or "100/10s", got "${value}"`);
  const windowMs = m[3] ? (m[2] ? Number(m[2]) : 1) * UNITS[m[3]]! : 60_000;
  return { limit: Number(m[1]), windowMs };
}

function port(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT: expected 0–65535, got "${value}"`);
  return n;
}

/** Reads the configuration from environment variables (defaults suit a local demo). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: port(env.PORT),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.LINLI_DATA_DIR || './.data/pglite'),
    corsOrigins: list(env.LINLI_CORS_ORIGINS),
    rateLimit: parseRateLimit(env.LINLI_RATE_LIMIT),
    trustProxy: env.LINLI_TRUST_PROXY === 'true' || env.LINLI_TRUST_PROXY === '1',
    bodyLimitBytes: 64 * 1024,
    demoStaffToken: env.LINLI_DEMO_STAFF_TOKEN || undefined,
    open311ApiKeys: list(env.LINLI_OPEN311_API_KEYS),
    siteDir: env.LINLI_SITE_DIR ? resolve(env.LINLI_SITE_DIR) : undefined,
    assetsDir: env.LINLI_ASSETS_DIR ? resolve(env.LINLI_ASSETS_DIR) : undefined,
  };
}
