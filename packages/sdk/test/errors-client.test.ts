import { describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  AuthError,
  ConflictError,
  IllegalTransitionError,
  LinliError,
  NetworkError,
  NotFoundError,
  Page,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnsupportedError,
  ValidationError,
  createClient,
  errorCodes,
  errorFromJSON,
  hashAccessCode,
  newAccessCode,
  newTrackingCode,
  noCapabilities,
  normalizeCode,
  safeEqual,
  type Capabilities,
  type ErrorCode,
  type GrievanceReceipt,
  type LinliAdapter,
  type PageData,
  type RequestContext,
  type Service,
} from '../src/index.js';
import { streetLight, validGrievanceInput } from './fixtures.js';

const HAN = /\p{Script=Han}/u;

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: unknown) => err,
  );
}

describe('LinliError.is', () => {
  it('recognises errors from this copy of the SDK', () => {
    expect(LinliError.is(new NotFoundError('no such grievance'))).toBe(true);
    expect(LinliError.is(new ValidationError('bad', []))).toBe(true);
  });

  it('recognises an error from another copy of the SDK by its shared brand, where instanceof fails', () => {
    const brand: unique symbol = Symbol.for('linli.error') as never;
    class ForeignNotFound extends Error {
      readonly [brand] = true;
      readonly code = 'not_found';
    }
    const foreign = new ForeignNotFound('from a duplicate install');
    expect(foreign instanceof LinliError).toBe(false);
    expect(LinliError.is(foreign)).toBe(true);
    expect(LinliError.is({ [Symbol.for('linli.error')]: true, code: 'server', message: 'plain object' })).toBe(true);
  });

  it('recognises a user subclass and keeps its name', () => {
    class OfflineQueued extends NetworkError {}
    const err = new OfflineQueued('saved for later', { queuedAs: 'ob-1' });
    expect(LinliError.is(err)).toBe(true);
    expect(err.name).toBe('OfflineQueued');
    expect(err.code).toBe('network');
    expect(err.queuedAs).toBe('ob-1');
  });

  it.each([null, undefined, 'not_found', 404, new Error('plain'), { code: 'not_found' }, { [Symbol.for('linli.error')]: 'yes' }, { [Symbol('linli.error')]: true }])(
    'rejects %o',
    (value) => {
      expect(LinliError.is(value)).toBe(false);
    },
  );
});

describe('the error tree', () => {
  const cause = new Error('socket hang up');
  it.each([
    [new ValidationError('v', []), 'validation', 400, 'ValidationError'],
    [new NotFoundError('n'), 'not_found', 404, 'NotFoundError'],
    [new ConflictError('c'), 'conflict', 409, 'ConflictError'],
    [new IllegalTransitionError('i', 'closed', 'accept'), 'illegal_transition', 409, 'IllegalTransitionError'],
    [new AuthError('unauthorized', 'u'), 'unauthorized', 401, 'AuthError'],
    [new AuthError('forbidden', 'f'), 'forbidden', 403, 'AuthError'],
    [new RateLimitedError('r', 30), 'rate_limited', 429, 'RateLimitedError'],
    [new UnsupportedError('x', 'evaluations'), 'unsupported', 501, 'UnsupportedError'],
    [new NetworkError('n', { cause }), 'network', undefined, 'NetworkError'],
    [new TimeoutError('t'), 'timeout', undefined, 'TimeoutError'],
    [new AbortedError(), 'aborted', undefined, 'AbortedError'],
    [new ServerError('s'), 'server', 500, 'ServerError'],
  ] as const)('%s has code %s and status %s', (err, code, status, name) => {
    expect(err).toBeInstanceOf(LinliError);
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
    expect(err.name).toBe(name);
    expect(err.message.length).toBeGreaterThan(0);
  });

  it('keeps the cause', () => {
    expect(new NetworkError('offline', { cause }).cause).toBe(cause);
  });
});

describe('errorFromJSON', () => {
  const samples: Record<ErrorCode, LinliError> = {
    validation: new ValidationError('Invalid grievance.', [{ path: 'description', message: 'too short', code: 'too_small' }]),
    not_found: new NotFoundError('No grievance g-1.'),
    conflict: new ConflictError('Already rated.'),
    illegal_transition: new IllegalTransitionError('Cannot accept a closed grievance.', 'closed', 'accept'),
    unauthorized: new AuthError('unauthorized', 'Sign in.'),
    forbidden: new AuthError('forbidden', 'Staff only.'),
    rate_limited: new RateLimitedError('Slow down.', 30),
    unsupported: new UnsupportedError('No evaluations here.', 'evaluations'),
    network: new NetworkError('The upstream 12345 system is unreachable.'),
    timeout: new TimeoutError('The upstream system timed out.'),
    aborted: new AbortedError(),
    server: new ServerError('Boom.'),
  };

  it.each(errorCodes)('rebuilds the %s error from its JSON body with the same code and message', (code) => {
    const original = samples[code];
    const body = JSON.parse(JSON.stringify(original));
    const rebuilt = errorFromJSON(body, original.status);
    expect(rebuilt.code).toBe(code);
    expect(rebuilt.message).toBe(original.message);
    expect(rebuilt.constructor).toBe(original.constructor);
  });

  it('keeps the details each error carries', () => {
    expect(errorFromJSON({ code: 'validation', message: 'm', issues: [{ path: 'a.b', message: 'x', code: 'y' }] })).toMatchObject({ issues: [{ path: 'a.b' }] });
    expect(errorFromJSON({ code: 'illegal_transition', message: 'm', from: 'closed', action: 'accept' })).toMatchObject({ from: 'closed', action: 'accept' });
    expect(errorFromJSON({ code: 'rate_limited', message: 'm', retryAfterSeconds: 12 })).toMatchObject({ retryAfterSeconds: 12 });
    expect(errorFromJSON({ code: 'unsupported', message: 'm', capability: 'notices' })).toMatchObject({ capability: 'notices' });
    expect(errorFromJSON({ code: 'conflict', message: 'm', requestId: 'req-7' }, 409)).toMatchObject({ requestId: 'req-7', status: 409 });
  });

  it.each([
    [400, 'validation'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [422, 'validation'],
    [429, 'rate_limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
  ] as const)('maps a bare HTTP %i to %s', (status, code) => {
    const err = errorFromJSON({}, status);
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
    expect(err.message).toBe(`Request failed with status ${status}.`);
  });

  it('never throws on a body that is not an error object', () => {
    for (const body of [null, undefined, 'Bad Gateway', 42, [], { code: 7 }, { code: 'teapot' }]) {
      const err = errorFromJSON(body, 502);
      expect(LinliError.is(err)).toBe(true);
      expect(err.code).toBe('server');
    }
    expect(errorFromJSON(undefined).message).toBe('Request failed.');
  });
});

describe('Page', () => {
  const pages: PageData<number>[] = [
    { items: [1, 2], nextCursor: 'c2', total: 5 },
    { items: [3, 4], nextCursor: 'c3', total: 5 },
    { items: [5], nextCursor: null, total: 5 },
  ];
  function firstPage() {
    const fetched: string[] = [];
    const load = (data: PageData<number>): Page<number> =>
      new Page(data, async (cursor) => {
        fetched.push(cursor);
        return load(pages[Number(cursor.slice(1)) - 1]!);
      });
    return { page: load(pages[0]!), fetched };
  }

  it('iterates over every item of every page with for await', async () => {
    const { page, fetched } = firstPage();
    const all: number[] = [];
    for await (const n of page) all.push(n);
    expect(all).toEqual([1, 2, 3, 4, 5]);
    expect(fetched).toEqual(['c2', 'c3']);
    expect(page.items).toEqual([1, 2]);
    expect(page.total).toBe(5);
  });

  it('toArray(max) stops early and fetches no more pages than it needs', async () => {
    const { page, fetched } = firstPage();
    expect(await page.toArray(3)).toEqual([1, 2, 3]);
    expect(fetched).toEqual(['c2']);
    expect(await firstPage().page.toArray()).toEqual([1, 2, 3, 4, 5]);
  });

  it('knows when there is no next page', async () => {
    const last = new Page({ items: [9], nextCursor: null }, async () => {
      throw new Error('must not fetch');
    });
    expect(last.hasNextPage()).toBe(false);
    expect(await last.nextPage()).toBeNull();
    expect(await last.toArray()).toEqual([9]);
  });
});

describe('createClient over a fake adapter', () => {
  const receipt: GrievanceReceipt = {
    id: 'g-1',
    trackingCode: 'MQ-261120-7KXD',
    accessCode: 'K7QM4XPD',
    status: 'submitted',
    submittedAt: '2026-11-20T02:00:00.000Z',
    expectedAt: '2026-11-27T15:59:59.999Z',
  };
  const services: Service[] = Array.from({ length: 5 }, (_, i) => ({ ...streetLight, id: `s-${i}`, code: `environment.s${i}` }));

  /** `adapter` holds the spies to assert on; `backend` is what the client talks to. */
  function fake(caps: Partial<Capabilities> = {}, overrides: Partial<Record<keyof LinliAdapter, unknown>> = {}) {
    const adapter = {
      listServices: vi.fn(async (q: { cursor?: string; limit?: number }, _ctx: RequestContext): Promise<PageData<Service>> => {
        const start = Number(q.cursor ?? 0);
        const limit = q.limit ?? 2;
        return { items: services.slice(start, start + limit), nextCursor: start + limit < services.length ? String(start + limit) : null };
      }),
      getService: vi.fn(async (_code: string, _ctx: RequestContext) => streetLight),
      submitGrievance: vi.fn(async (_input: unknown, _ctx: RequestContext) => receipt),
      trackGrievance: vi.fn(async () => {
        throw new NotFoundError('No grievance matches.');
      }),
      submitEvaluation: vi.fn(),
    };
    const backend = {
      name: 'fake',
      capabilities: { ...noCapabilities, services: true, grievanceSubmit: true, grievanceTrack: true, staff: true, ...caps },
      ...adapter,
      ...overrides,
    } as unknown as LinliAdapter;
    return { adapter, backend, client: createClient({ adapter: backend }) };
  }

  it('validates input before calling the adapter', async () => {
    const { adapter, client } = fake();
    const err = await rejectionOf(client.grievances.submit({ ...validGrievanceInput, description: '灯' }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.path)).toEqual(['description']);
    expect(adapter.submitGrievance).not.toHaveBeenCalled();
    await expect(client.services.get('')).rejects.toBeInstanceOf(ValidationError);
    expect(adapter.getService).not.toHaveBeenCalled();
    await expect(async () => client.services.list({ limit: 9999 })).rejects.toBeInstanceOf(ValidationError);
    expect(adapter.listServices).not.toHaveBeenCalled();
  });

  it('reports bad list queries as a rejected promise, not a synchronous throw', async () => {
    // `client.services.list(q).then(show).catch(showError)` must reach showError.
    const { client } = fake({ staff: true, evaluations: true });
    const calls: (() => Promise<unknown>)[] = [
      () => client.services.list({ limit: 9999 }),
      () => client.grievances.list({ status: ['teleported' as never] }),
      () => client.evaluations.list({ targetType: 'planet' as never }),
    ];
    for (const call of calls) {
      let returned: Promise<unknown> | undefined;
      expect(() => {
        returned = call();
      }).not.toThrow();
      await expect(returned).rejects.toBeInstanceOf(ValidationError);
    }
  });

  it('hands the adapter the parsed input, defaults filled', async () => {
    const { adapter, client } = fake();
    expect(await client.grievances.submit(validGrievanceInput)).toEqual(receipt);
    expect(adapter.submitGrievance.mock.calls[0]![0]).toMatchObject({ channel: 'web', media: [], description: validGrievanceInput.description });
  });

  it('wraps a malformed adapter response in a ServerError, never a ZodError', async () => {
    const { client } = fake({}, { submitGrievance: async () => ({ id: 'g-1', status: 'teleported' }), getService: async () => ({ code: 42 }) });
    for (const call of [client.grievances.submit(validGrievanceInput), client.services.get('environment.street-light')]) {
      const err = await rejectionOf(call);
      expect(err).toBeInstanceOf(ServerError);
      expect((err as Error).name).toBe('ServerError');
      expect((err as ServerError).message).toMatch(/malformed/);
      expect((err as ServerError).cause).toBeInstanceOf(ValidationError);
    }
    const list = fake({}, { listServices: async () => ({ items: [{ nonsense: true }], nextCursor: null }) }).client;
    await expect(list.services.list()).rejects.toBeInstanceOf(ServerError);
  });

  it('passes typed adapter errors through untouched', async () => {
    const { client } = fake();
    await expect(client.grievances.track('MQ-261120-7KXD', 'K7QM4XPD')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses what the backend cannot do with UnsupportedError, without calling it', async () => {
    const { adapter, client } = fake({ evaluations: false });
    const err = await rejectionOf(client.evaluations.submit({ target: { type: 'grievance', id: 'g-1' }, level: 5 }));
    expect(err).toBeInstanceOf(UnsupportedError);
    expect(err).toMatchObject({ code: 'unsupported', capability: 'evaluations' });
    expect(adapter.submitEvaluation).not.toHaveBeenCalled();
    expect(client.supports('evaluations')).toBe(false);
    expect(client.supports('services')).toBe(true);
    // Declared but not implemented is unsupported too.
    await expect(fake({ notices: true }).client.notices.list()).rejects.toMatchObject({ code: 'unsupported', capability: 'notices' });
  });

  it('refuses a staff-only action sent through the resident path', async () => {
    const { client } = fake({ residentActions: true });
    await expect(client.grievances.act('MQ-261120-7KXD', 'K7QM4XPD', { action: 'accept' })).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('generates a fresh idempotency key for each submission that has none', async () => {
    const { adapter, client } = fake();
    await client.grievances.submit(validGrievanceInput);
    await client.grievances.submit(validGrievanceInput);
    const [a, b] = adapter.submitGrievance.mock.calls.map((c) => c[1].idempotencyKey);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it('passes a given idempotency key through unchanged', async () => {
    const { adapter, client } = fake();
    await client.grievances.submit(validGrievanceInput, { idempotencyKey: 'outbox-item-17' });
    expect(adapter.submitGrievance.mock.calls[0]![1].idempotencyKey).toBe('outbox-item-17');
  });

  it('still generates a key when the option is present but undefined', async () => {
    // `submit(input, { idempotencyKey: maybeKey })` must not lose retry safety when maybeKey is undefined.
    const { adapter, client } = fake();
    await client.grievances.submit(validGrievanceInput, { idempotencyKey: undefined });
    expect(adapter.submitGrievance.mock.calls[0]![1].idempotencyKey).toEqual(expect.any(String));
  });

  it('passes signal, timeout, maxRetries and headers to the adapter, over the client defaults', async () => {
    const { adapter, backend } = fake();
    const client = createClient({ adapter: backend, timeout: 5000, maxRetries: 4, headers: { 'x-app': 'linli', 'x-tenant': 'a' } });
    const signal = new AbortController().signal;
    await client.grievances.submit(validGrievanceInput, { signal, timeout: 1234, maxRetries: 0, headers: { 'x-tenant': 'b' } });
    expect(adapter.submitGrievance.mock.calls[0]![1]).toMatchObject({ signal, timeout: 1234, maxRetries: 0, headers: { 'x-app': 'linli', 'x-tenant': 'b' }, locale: 'zh-CN' });
    await client.services.get('environment.street-light');
    expect(adapter.getService.mock.calls[0]![1]).toMatchObject({ timeout: 5000, maxRetries: 4, headers: { 'x-app': 'linli', 'x-tenant': 'a' } });
  });

  it('uses 30 s and 2 retries when nobody says otherwise', async () => {
    const { adapter, client } = fake();
    await client.services.get('environment.street-light');
    expect(adapter.getService.mock.calls[0]![1]).toMatchObject({ timeout: 30_000, maxRetries: 2 });
  });

  it('throws AbortedError for an already-aborted signal and never calls the adapter', async () => {
    const { adapter, client } = fake();
    const controller = new AbortController();
    controller.abort();
    await expect(client.grievances.submit(validGrievanceInput, { signal: controller.signal })).rejects.toBeInstanceOf(AbortedError);
    await expect(client.services.get('environment.street-light', { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    expect(adapter.submitGrievance).not.toHaveBeenCalled();
    expect(adapter.getService).not.toHaveBeenCalled();
  });

  it('pages through a list, passing the cursor back to the adapter', async () => {
    const { adapter, client } = fake();
    const page = await client.services.list({ limit: 2 });
    expect(page.items.map((s) => s.code)).toEqual(['environment.s0', 'environment.s1']);
    expect((await page.toArray()).map((s) => s.code)).toEqual(services.map((s) => s.code));
    expect(adapter.listServices.mock.calls.map((c) => c[0].cursor)).toEqual([undefined, '2', '4']);
  });

  it('setLocale switches the language of validation messages', async () => {
    const { client } = fake();
    const bad = { ...validGrievanceInput, description: '灯' };
    expect(client.locale).toBe('zh-CN');
    const zh = (await rejectionOf(client.grievances.submit(bad))) as ValidationError;
    expect(zh.issues[0]!.message).toMatch(HAN);
    client.setLocale('en');
    expect(client.locale).toBe('en');
    const en = (await rejectionOf(client.grievances.submit(bad))) as ValidationError;
    expect(en.issues[0]!.message).not.toMatch(HAN);
    expect(en.issues[0]!.message).toMatch(/too small/i);
    const tw = createClient({ adapter: fake().backend, locale: 'zh-TW' });
    expect(((await rejectionOf(tw.grievances.submit(bad))) as ValidationError).issues[0]!.message).toContain('過小');
  });
});

describe('tracking and access codes', () => {
  const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const code = new RegExp(`^[${ALPHABET}]+$`);

  it('tracking codes read MQ-YYMMDD-XXXX with no ambiguous characters', () => {
    for (let i = 0; i < 200; i++) {
      const t = newTrackingCode(new Date('2026-11-22T03:00:00Z'));
      expect(t).toMatch(/^MQ-261122-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
    }
  });

  it('dates a tracking code by the Beijing date, as staff read it', () => {
    // 07:00 on 11-21 in Beijing is still 11-20 in UTC.
    expect(newTrackingCode(new Date('2026-11-21T07:00:00+08:00'))).toMatch(/^MQ-261121-/);
  });

  it('access codes are 8 characters from the unambiguous alphabet (no 0/O, 1/I/L)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const c = newAccessCode();
      expect(c).toHaveLength(8);
      expect(c).toMatch(code);
      expect(c).not.toMatch(/[01OIL]/);
      seen.add(c);
    }
    expect(seen.size).toBe(500);
  });

  it('normalizeCode ignores case, spaces and dashes', () => {
    expect(normalizeCode('k7qm 4xpd')).toBe('K7QM4XPD');
    expect(normalizeCode(' k7qm-4xpd ')).toBe('K7QM4XPD');
    expect(normalizeCode('mq-261122-7kxd')).toBe('MQ2611227KXD');
  });

  it('hashAccessCode is stable, insensitive to how the code is typed, and salted', async () => {
    const h = await hashAccessCode('K7QM4XPD', 'g-1');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashAccessCode('K7QM4XPD', 'g-1')).toBe(h);
    expect(await hashAccessCode('k7qm 4xpd', 'g-1')).toBe(h);
    expect(await hashAccessCode('K7QM4XPD', 'g-2')).not.toBe(h);
    expect(await hashAccessCode('K7QM4XPE', 'g-1')).not.toBe(h);
    expect(await hashAccessCode('K7QM4XPD')).not.toBe(h);
  });

  it('safeEqual compares hashes exactly', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
