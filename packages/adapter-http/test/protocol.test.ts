import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  IllegalTransitionError,
  LinliError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  ValidationError,
  createClient,
  type GrievanceInputParsed,
  type RequestContext,
} from '@linli/sdk';
import { httpAdapter, type HttpAdapterOptions } from '../src/index.js';
import { json, refusedBaseUrl, startScriptedServer, type ScriptedServer } from './support/scripted-server.js';

const input: GrievanceInputParsed = {
  serviceCode: 'street-light',
  description: '小区3号楼楼道灯坏了一个星期。',
  attributes: {},
  location: { kind: 'address', text: '幸福路12号' },
  media: [],
  channel: 'web',
  reporter: { anonymous: true },
  contactConsent: false,
};
const receipt = { id: 'g-1', trackingCode: 'MQ-20261118-0001', accessCode: 'AB12CD34', status: 'submitted', submittedAt: '2026-11-18T10:00:00+08:00' };
const page = { items: [], nextCursor: null };

/** Resolves with whatever the adapter call threw; fails the test if it succeeded. */
async function failure(promise: Promise<unknown>): Promise<LinliError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(LinliError.is(error), `not a LinliError: ${String(error)}`).toBe(true);
  return error as LinliError;
}

let server: ScriptedServer;
const adapter = (options: Partial<HttpAdapterOptions> = {}) => httpAdapter({ baseUrl: server.baseUrl, outbox: false, ...options });
const ctx = (extra: RequestContext = {}): RequestContext => ({ timeout: 5_000, ...extra });

beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

describe('retries', () => {
  it('retries a GET on 503 and returns the eventual answer', async () => {
    let calls = 0;
    server.handle((_, res) => (++calls < 3 ? json(res, 503, { code: 'server', message: 'busy' }) : json(res, 200, page)));
    await expect(adapter().listServices({}, ctx())).resolves.toEqual(page);
    expect(server.requests).toHaveLength(3);
  });

  it('stops after maxRetries and throws the typed server error', async () => {
    server.handle((_, res) => json(res, 502, { code: 'server', message: 'bad gateway' }));
    const error = await failure(adapter({ maxRetries: 1 }).listServices({}, ctx()));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(502);
    expect(server.requests).toHaveLength(2);
  });

  it('a per-call maxRetries wins over the adapter default', async () => {
    server.handle((_, res) => json(res, 500, { code: 'server', message: 'boom' }));
    await failure(adapter({ maxRetries: 5 }).listServices({}, ctx({ maxRetries: 0 })));
    expect(server.requests).toHaveLength(1);
  });

  it('honours Retry-After on 429 before trying again', async () => {
    let calls = 0;
    server.handle((_, res) =>
      ++calls === 1 ? json(res, 429, { code: 'rate_limited', message: 'slow down' }, { 'retry-after': '1' }) : json(res, 200, page),
    );
    const started = Date.now();
    await expect(adapter().listServices({}, ctx())).resolves.toEqual(page);
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('gives up at once when Retry-After exceeds the cap, with retryAfterSeconds from the header', async () => {
    server.handle((_, res) => json(res, 429, { code: 'rate_limited', message: 'come back later' }, { 'retry-after': '120' }));
    const started = Date.now();
    const error = await failure(adapter({ maxRetryAfterMs: 2_000 }).listServices({}, ctx()));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(120);
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('does not retry a POST without an idempotency key', async () => {
    server.handle((_, res) => json(res, 503, { code: 'server', message: 'busy' }));
    const error = await failure(adapter().submitGrievance(input, ctx()));
    expect(error.code).toBe('server');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('does not retry a staff transition without a key, even on a dropped connection', async () => {
    server.handle((_, __, raw) => raw.socket.destroy());
    const error = await failure(adapter().transitionGrievance('g-1', { action: 'accept', note: '已受理' } as never, ctx()));
    expect(error).toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST that carries an idempotency key, with the same key on every attempt', async () => {
    let calls = 0;
    server.handle((_, res) => (++calls < 3 ? json(res, 503, { code: 'server', message: 'busy' }) : json(res, 201, receipt)));
    await expect(adapter().submitGrievance(input, ctx({ idempotencyKey: 'key-123' }))).resolves.toEqual(receipt);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['key-123', 'key-123', 'key-123']);
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
    expect(JSON.parse(server.requests[0]!.body)).toEqual(input);
  });

  it('retries a keyed POST whose connection dropped (the server may have committed: the key makes it safe)', async () => {
    let calls = 0;
    server.handle((_, res, raw) => (++calls === 1 ? raw.socket.destroy() : json(res, 201, receipt)));
    await expect(adapter().submitGrievance(input, ctx({ idempotencyKey: 'key-drop' }))).resolves.toEqual(receipt);
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['key-drop', 'key-drop']);
  });

  it('does not retry validation or not-found answers', async () => {
    server.handle((_, res) => json(res, 404, { code: 'not_found', message: 'no such service' }));
    await failure(adapter().getService('nope', ctx()));
    expect(server.requests).toHaveLength(1);
  });
});

describe('deadlines and cancellation', () => {
  it('turns a slow answer into TimeoutError', async () => {
    server.handle(() => undefined); // never answers
    const started = Date.now();
    const error = await failure(adapter().listServices({}, ctx({ timeout: 200 })));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('uses the adapter timeout when the call gives none', async () => {
    server.handle(() => undefined);
    const error = await failure(adapter({ timeout: 150 }).getService('slow', {}));
    expect(error.code).toBe('timeout');
  });

  it('the timeout covers the retries too, not each attempt', async () => {
    server.handle((_, res) => setTimeout(() => json(res, 503, { code: 'server', message: 'busy' }), 150));
    const started = Date.now();
    const error = await failure(adapter().listServices({}, ctx({ timeout: 400, maxRetries: 20 })));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('turns an abort by the caller into AbortedError', async () => {
    server.handle(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(adapter().listServices({}, ctx({ signal: controller.signal })));
    expect(error.code).toBe('aborted');
  });

  it('never sends a request whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(adapter().submitGrievance(input, ctx({ signal: controller.signal, idempotencyKey: 'k' })));
    expect(error.code).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });

  it('an abort during the backoff wait is an AbortedError, not a retry', async () => {
    server.handle((_, res) => json(res, 503, { code: 'server', message: 'busy' }, { 'retry-after': '2' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const error = await failure(adapter().listServices({}, ctx({ signal: controller.signal })));
    expect(error.code).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });
});

describe('network failures', () => {
  it('turns a refused connection into NetworkError (never a TypeError)', async () => {
    const a = httpAdapter({ baseUrl: await refusedBaseUrl(), outbox: false, maxRetries: 1 });
    const error = await failure(a.listServices({}, ctx()));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).queuedAs).toBeUndefined();
  });

  it('turns a DNS failure into NetworkError', async () => {
    const a = httpAdapter({ baseUrl: 'http://linli-no-such-host.invalid/api/v1', outbox: false, maxRetries: 0 });
    expect(await failure(a.getService('x', ctx({ timeout: 15_000 })))).toBeInstanceOf(NetworkError); // room for a slow resolver
  });

  it('a 2xx that is not JSON (a captive portal) is a ServerError', async () => {
    server.handle((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>请登录 Wi-Fi</html>');
    });
    expect(await failure(adapter().listServices({}, ctx()))).toBeInstanceOf(ServerError);
  });
});

describe('error bodies become typed errors', () => {
  it('validation, with its field issues and request id', async () => {
    server.handle((_, res) =>
      json(res, 400, { code: 'validation', message: '描述太短', issues: [{ path: 'description', message: '至少5个字', code: 'too_small' }], requestId: 'req-1' }),
    );
    const error = await failure(adapter().submitGrievance(input, ctx()));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: 'description', message: '至少5个字', code: 'too_small' }]);
    expect(error.status).toBe(400);
    expect(error.requestId).toBe('req-1');
  });

  it('not_found', async () => {
    server.handle((_, res) => json(res, 404, { code: 'not_found', message: 'No service x.' }));
    const error = await failure(adapter().getService('x', ctx()));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('No service x.');
  });

  it('illegal_transition, with from and action', async () => {
    server.handle((_, res) => json(res, 409, { code: 'illegal_transition', message: 'cannot resolve', from: 'submitted', action: 'resolve' }));
    const error = await failure(adapter({ token: 't' }).transitionGrievance('g-1', { action: 'resolve', note: '办结' } as never, ctx()));
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect((error as IllegalTransitionError).from).toBe('submitted');
    expect((error as IllegalTransitionError).action).toBe('resolve');
  });

  it('unauthorized and forbidden', async () => {
    server.handle((req, res) =>
      req.path.endsWith('/grievances') ? json(res, 401, { code: 'unauthorized', message: 'staff only' }) : json(res, 403, { code: 'forbidden', message: 'admins only' }),
    );
    const unauthorized = await failure(adapter().listGrievances({}, ctx()));
    expect(unauthorized).toBeInstanceOf(AuthError);
    expect(unauthorized.code).toBe('unauthorized');
    expect((await failure(adapter().listResidents({}, ctx()))).code).toBe('forbidden');
  });

  it('rate_limited with retryAfterSeconds from the body', async () => {
    server.handle((_, res) => json(res, 429, { code: 'rate_limited', message: 'too many', retryAfterSeconds: 7 }));
    const error = await failure(adapter().submitGrievance(input, ctx()));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(7);
  });

  it('unsupported with its capability', async () => {
    server.handle((_, res) => json(res, 501, { code: 'unsupported', message: 'no notices here', capability: 'notices' }));
    const error = await failure(adapter().listNotices({}, ctx()));
    expect(error.code).toBe('unsupported');
    expect((error as LinliError & { capability: string }).capability).toBe('notices');
  });

  it('a non-JSON error body still maps by status, with the X-Request-Id header', async () => {
    server.handle((_, res) => {
      res.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'edge-9' });
      res.end('<h1>Bad Gateway</h1>');
    });
    const error = await failure(adapter({ maxRetries: 0 }).listServices({}, ctx()));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(502);
    expect(error.requestId).toBe('edge-9');
    server.handle((_, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
    });
    expect(await failure(adapter().getNotice('n', ctx()))).toBeInstanceOf(NotFoundError);
  });
});

describe('headers', () => {
  it('sends the bearer token, Accept-Language, the key and per-call headers', async () => {
    server.handle((_, res) => json(res, 201, receipt));
    await adapter({ token: 'staff-token', headers: { 'x-site': 'xingfu' } }).submitGrievance(
      input,
      ctx({ locale: 'en', idempotencyKey: 'k-1', headers: { 'x-trace': 'abc' } }),
    );
    const h = server.requests[0]!.headers;
    expect(h.authorization).toBe('Bearer staff-token');
    expect(h['accept-language']).toBe('en');
    expect(h['idempotency-key']).toBe('k-1');
    expect(h['x-site']).toBe('xingfu');
    expect(h['x-trace']).toBe('abc');
    expect(h['content-type']).toMatch(/application\/json/);
    expect(h.accept).toMatch(/application\/json/);
  });

  it('sends no Authorization for an anonymous resident', async () => {
    server.handle((_, res) => json(res, 200, page));
    await adapter().listServices({}, ctx());
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('asks getToken before every attempt, so a refreshed token is used on the retry', async () => {
    let calls = 0;
    server.handle((_, res) => (++calls === 1 ? json(res, 503, { code: 'server', message: 'busy' }) : json(res, 200, page)));
    let n = 0;
    await adapter({ getToken: async () => `token-${++n}` }).listGrievances({}, ctx());
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('the client passes its locale through to Accept-Language', async () => {
    server.handle((_, res) => json(res, 200, page));
    const client = createClient({ adapter: adapter(), locale: 'zh-TW' });
    await client.services.list();
    expect(server.requests[0]!.headers['accept-language']).toBe('zh-TW');
  });
});

describe('endpoints and query serialisation', () => {
  it('serialises arrays as comma lists and drops undefined', async () => {
    server.handle((_, res) => json(res, 200, page));
    await adapter().listGrievances({ status: ['submitted', 'accepted'], serviceCode: undefined, from: '2026-01-01T00:00:00+08:00', limit: 5 }, ctx());
    const { url, method } = server.requests[0]!;
    expect(method).toBe('GET');
    expect(url.pathname).toBe('/api/v1/grievances');
    expect(url.searchParams.get('status')).toBe('submitted,accepted');
    expect(url.searchParams.get('from')).toBe('2026-01-01T00:00:00+08:00');
    expect(url.searchParams.get('limit')).toBe('5');
    expect(url.searchParams.has('serviceCode')).toBe(false);
    await adapter().listServices({ codes: ['a', 'b'], requestable: true, q: '养老 服务' } as never, ctx());
    const services = server.requests[1]!.url;
    expect(services.searchParams.get('codes')).toBe('a,b');
    expect(services.searchParams.get('requestable')).toBe('true');
    expect(services.searchParams.get('q')).toBe('养老 服务');
    await adapter().listNotices({}, ctx());
    expect(server.requests[2]!.url.search).toBe('');
  });

  it('tracks with POST and keeps the codes out of the URL', async () => {
    server.handle((_, res) => json(res, 200, { id: 'g-1' }));
    await adapter().trackGrievance('MQ-1', 'SECRET99', ctx());
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/api/v1/grievances/track');
    expect(req.url.search).toBe('');
    expect(JSON.parse(req.body)).toEqual({ trackingCode: 'MQ-1', accessCode: 'SECRET99' });
  });

  it('maps every adapter method to its endpoint', async () => {
    server.handle((_, res) => json(res, 200, {}));
    const a = adapter({ token: 't' });
    const c = ctx();
    await a.getService('a b/c', c);
    await a.residentAction('MQ-1', 'AC', { action: 'cancel', note: '不需要了' } as never, c);
    await a.getGrievance('g-1', c);
    await a.transitionGrievance('g-1', { action: 'accept', note: 'ok' } as never, c);
    await a.submitEvaluation({ target: { type: 'service', id: 's-1' }, level: 5 } as never, c);
    await a.listEvaluations({ targetType: 'service' } as never, c);
    await a.summarizeEvaluations({ orgUnitId: 'ou-1' } as never, c);
    await a.listRectifications({ status: 'open' } as never, c);
    await a.getRectification('r-1', c);
    await a.actOnRectification('r-1', { action: 'rectify', note: 'done' } as never, c);
    await a.getNotice('n-1', c);
    await a.listOrgUnits({ parentId: 'ou-1' } as never, c);
    await a.getOrgUnit('ou-1', c);
    await a.listResidents({ tag: 'elderly' } as never, c);
    await a.getResident('p-1', c);
    expect(server.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      'GET /api/v1/services/a%20b%2Fc',
      'POST /api/v1/grievances/track/actions',
      'GET /api/v1/grievances/g-1',
      'POST /api/v1/grievances/g-1/transitions',
      'POST /api/v1/evaluations',
      'GET /api/v1/evaluations?targetType=service',
      'GET /api/v1/evaluations/summary?orgUnitId=ou-1',
      'GET /api/v1/rectifications?status=open',
      'GET /api/v1/rectifications/r-1',
      'POST /api/v1/rectifications/r-1/actions',
      'GET /api/v1/notices/n-1',
      'GET /api/v1/org-units?parentId=ou-1',
      'GET /api/v1/org-units/ou-1',
      'GET /api/v1/residents?tag=elderly',
      'GET /api/v1/residents/p-1',
    ]);
    expect(JSON.parse(server.requests[1]!.body)).toEqual({ trackingCode: 'MQ-1', accessCode: 'AC', command: { action: 'cancel', note: '不需要了' } });
  });
});

describe('capabilities', () => {
  it('declares the full Linli set by default, synchronously, and accepts overrides', () => {
    expect(adapter().capabilities.evaluations).toBe(true);
    expect(adapter({ capabilities: { residents: false } }).capabilities).toMatchObject({ residents: false, services: true });
  });

  it('discover() asks the server and declares exactly what it says', async () => {
    server.handle((req, res) =>
      req.path === '/api/v1/capabilities'
        ? json(res, 200, { services: true, grievanceSubmit: true, grievanceTrack: true, evaluations: false, notices: 'yes' })
        : json(res, 404, { code: 'not_found', message: '?' }),
    );
    const a = await httpAdapter.discover({ baseUrl: server.baseUrl, outbox: false });
    expect(a.capabilities).toMatchObject({ services: true, grievanceTrack: true, evaluations: false, notices: false, staff: false });
    const client = createClient({ adapter: a });
    expect((await failure(client.evaluations.list())).code).toBe('unsupported');
    expect(server.requests).toHaveLength(1);
  });
});
