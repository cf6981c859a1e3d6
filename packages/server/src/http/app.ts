import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { AuthError, RateLimitedError, ValidationError, parseInput, type Actor, type LinliAdapter, type Locale } from '@linli/sdk';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { rateLimiter } from 'hono-rate-limiter';
import { LRUCache } from 'lru-cache';
import { actorForToken } from '../auth/tokens.js';
import type { ServerRequestContext } from '../backend/idempotency.js';
import type { ServerConfig } from '../config.js';
import type { Db } from '../db/db.js';
import { open311Routes } from '../open311/index.js';
import { errorResponse } from './errors.js';
import { negotiateLocale } from './locale.js';
import { openApiDocument } from './openapi.js';
import { apiRoutes, unknownEndpoint, type RouteDef } from './routes/index.js';

export type AppEnv = {
  Variables: {
    requestId: string;
    locale: Locale;
    actor?: Actor;
    rateLimit?: { resetTime?: Date };
  };
};

export type AppConfig = Pick<ServerConfig, 'corsOrigins' | 'rateLimit' | 'trustProxy' | 'bodyLimitBytes' | 'open311ApiKeys' | 'siteDir' | 'assetsDir'>;

export interface AppOptions {
  /** The backend as a given caller; anonymous residents get `backendFor()`. */
  backendFor: (actor?: Actor) => LinliAdapter;
  db: Db;
  config?: Partial<AppConfig>;
  /** Package version shown in the OpenAPI document. */
  version?: string;
}

export const defaultAppConfig: AppConfig = {
  corsOrigins: [],
  rateLimit: { limit: 30, windowMs: 60_000 },
  trustProxy: false,
  bodyLimitBytes: 64 * 1024,
  open311ApiKeys: [],
};

const isStaff = (actor?: Actor) => actor?.role === 'staff' || actor?.role === 'admin';

const messages = {
  emptyBody: { 'zh-CN': '请求内容为空，请发送 JSON', 'zh-TW': '請求內容為空，請發送 JSON', en: 'The request body is empty; send JSON' },
  badJson: { 'zh-CN': '请求内容不是有效的 JSON', 'zh-TW': '請求內容不是有效的 JSON', en: 'The request body is not valid JSON' },
  tooLarge: { 'zh-CN': '请求内容过大', 'zh-TW': '請求內容過大', en: 'The request body is too large' },
  badKey: { 'zh-CN': 'Idempotency-Key 须为 1–200 个可见字符', 'zh-TW': 'Idempotency-Key 須為 1–200 個可見字元', en: 'Idempotency-Key must be 1–200 visible characters' },
  tooMany: { 'zh-CN': '提交过于频繁，请稍后再试', 'zh-TW': '提交過於頻繁，請稍後再試', en: 'Too many submissions; please wait and try again' },
} satisfies Record<string, Record<Locale, string>>;

/** The client's address; behind a trusted proxy, the first `X-Forwarded-For` hop. */
function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not running on @hono/node-server (e.g. app.request() in tests)
  }
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const locale = c.get('locale');
  const text = await c.req.text();
  if (!text.trim()) throw new ValidationError(messages.emptyBody[locale], [{ path: '', message: messages.emptyBody[locale], code: 'invalid_json' }]);
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError(messages.badJson[locale], [{ path: '', message: messages.badJson[locale], code: 'invalid_json' }]);
  }
}

function idempotencyKey(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e][\x20-\x7e]{0,199}$/.test(key)) {
    const message = messages.badKey[c.get('locale')];
    throw new ValidationError(message, [{ path: 'Idempotency-Key', message, code: 'invalid_header' }]);
  }
  return key;
}

/**
 * The HTTP server as a Hono app: the REST protocol of docs/protocol.md (from the route table), the
 * OpenAPI document, the Open311 endpoint, and optionally the demo site and the CDN bundle.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { backendFor, db } = options;
  const config: AppConfig = { ...defaultAppConfig, ...options.config };
  const app = new Hono<AppEnv>();

  let document: object | undefined;
  const openapi = () => (document ??= openApiDocument(apiRoutes, { version: options.version ?? '1.0.0' }));

  app.onError((err, c) => errorResponse(err, c));
  app.notFound((c) => errorResponse(unknownEndpoint(), c));

  app.use(requestId());
  // Resources are meant to be used by the embedding sites, so CORP is cross-origin.
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin', crossOriginOpenerPolicy: 'same-origin' }));
  const allowAny = config.corsOrigins.includes('*');
  const allowed = new Set(config.corsOrigins);
  app.use(
    cors({
      origin: (origin) => (allowAny ? origin || '*' : allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Idempotency-Key', 'Content-Type', 'Accept-Language', 'X-Request-Id'],
      exposeHeaders: ['Idempotency-Replayed', 'Retry-After', 'X-Request-Id'],
      maxAge: 600,
    }),
  );

  // Locale for messages, and the caller: anonymous, or the staff member behind a bearer token.
  app.use('/api/*', async (c, next) => {
    c.set('locale', negotiateLocale(c.req.header('Accept-Language')));
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      const actor = token ? await actorForToken(db, token) : undefined;
      if (!actor) throw new AuthError('unauthorized', 'The bearer token is invalid or has been revoked.');
      c.set('actor', actor);
    }
    await next();
  });

  const requireStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (!isStaff(c.get('actor'))) throw new AuthError('unauthorized', 'This needs a staff bearer token.');
    await next();
  };
  const limitBody: MiddlewareHandler<AppEnv> = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: (c) => errorResponse(new ValidationError(messages.tooLarge[(c.get('locale') as Locale | undefined) ?? 'zh-CN'], [], { status: 413 }), c),
  });
  // In memory, per process: behind a load balancer each replica counts on its own (docs/server.md).
  const limitSubmissions: MiddlewareHandler<AppEnv> | undefined =
    config.rateLimit.limit > 0
      ? rateLimiter<AppEnv>({
          windowMs: config.rateLimit.windowMs,
          limit: config.rateLimit.limit,
          keyGenerator: (c) => clientIp(c, config.trustProxy),
          skip: (c) => isStaff(c.get('actor')),
          handler: (c) => {
            const reset = c.get('rateLimit')?.resetTime;
            const seconds = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + config.rateLimit.windowMs) - Date.now()) / 1000));
            throw new RateLimitedError(messages.tooMany[c.get('locale') ?? 'zh-CN'], seconds);
          },
        })
      : undefined;

  // Serialised JSON of public catalogue reads; bounded in entries and bytes.
  const responses = new LRUCache<string, string>({ max: 2000, maxSize: 32 * 1024 * 1024, sizeCalculation: (json) => json.length || 1 });
  const api = new Hono<AppEnv>();
  for (const route of apiRoutes) {
    const chain: MiddlewareHandler<AppEnv>[] = [];
    if (route.access === 'staff') chain.push(requireStaff);
    if (route.limited && limitSubmissions) chain.push(limitSubmissions);
    if (route.method === 'post') chain.push(limitBody);
    api.on(route.method.toUpperCase(), route.path, ...(chain as [MiddlewareHandler<AppEnv>]), (c) => handle(route, c));
  }
  app.route('/api/v1', api);

  async function handle(route: RouteDef, c: Context<AppEnv>): Promise<Response> {
    const locale = c.get('locale');
    const actor = c.get('actor');
    const url = new URL(c.req.url);
    const cacheKey = route.cacheSeconds && !actor ? url.pathname + url.search : undefined;
    if (cacheKey) {
      c.header('Cache-Control', `public, max-age=${route.cacheSeconds}`);
      const hit = responses.get(cacheKey);
      if (hit !== undefined) return c.body(hit, 200, { 'Content-Type': 'application/json' });
    }
    const ctx: ServerRequestContext = {
      locale,
      idempotencyKey: route.method === 'post' ? idempotencyKey(c) : undefined,
      onReplay: () => c.header('Idempotency-Replayed', 'true'),
    };
    const query = route.query ? parseInput(route.query, c.req.query(), 'query', locale) : {};
    const body = route.method === 'post' ? await readJson(c) : undefined;
    const result = await route.run({ adapter: backendFor(actor), ctx, params: c.req.param() as Record<string, string>, query: query as never, body, db, openapi });
    // Writes and anything personal must not sit in shared caches.
    if (route.method === 'post' || route.access === 'staff' || actor) c.header('Cache-Control', 'no-store');
    const json = JSON.stringify(result);
    if (cacheKey) responses.set(cacheKey, json, { ttl: route.cacheSeconds! * 1000 });
    return c.body(json, route.response.status, { 'Content-Type': 'application/json' });
  }

  // Open311 GeoReport v2; its POSTs count against the same per-IP submission limit.
  if (limitSubmissions) app.use('/open311/*', (c, next) => (c.req.method === 'POST' ? limitSubmissions(c, next) : next()));
  app.route('/open311/v2', open311Routes({ backendFor, apiKeys: config.open311ApiKeys }));

  if (config.assetsDir || config.siteDir) {
    // The demo site and the bundles work under a strict policy: no inline script or style, no eval.
    app.use('/*', async (c, next) => {
      await next();
      if (!c.req.path.startsWith('/api/') && !c.req.path.startsWith('/open311/')) {
        c.header('Content-Security-Policy', "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'");
      }
    });
  }
  if (config.assetsDir) {
    app.get('/assets/*', serveStatic({ root: config.assetsDir, rewriteRequestPath: (path) => path.replace(/^\/assets/, '') }));
  }
  if (config.siteDir) app.get('/*', serveStatic({ root: config.siteDir }));

  return app;
}
