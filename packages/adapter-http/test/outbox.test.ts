import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinliError, NetworkError, type EvaluationInputParsed, type GrievanceInputParsed, type OutboxEvent } from '@linli/sdk';
import { createIndexedDbOutboxStore, createMemoryOutboxStore, httpAdapter, type HttpAdapter, type HttpAdapterOptions } from '../src/index.js';
import { json, startScriptedServer, type ScriptedServer } from './support/scripted-server.js';

const grievance = (description = '小区3号楼楼道灯坏了一个星期。'): GrievanceInputParsed => ({
  serviceCode: 'street-light',
  description,
  attributes: {},
  location: { kind: 'address', text: '幸福路12号' },
  media: [],
  channel: 'web',
  reporter: { anonymous: true },
  contactConsent: false,
});

type Mode = 'up' | 'down' | 'commit-then-drop' | 'refuse';

/**
 * A backend with real idempotency (same key → stored answer, `Idempotency-Replayed: true`) whose network can
 * fail in the two ways that matter: before the request arrives (`down`) and after it was committed (`commit-then-drop`).
 */
async function startBackend() {
  const server = await startScriptedServer();
  const rows: { id: string; description: string; key?: string }[] = [];
  const stored = new Map<string, { status: number; body: unknown }>();
  let mode: Mode = 'up';
  server.handle((req, res, raw) => {
    if (mode === 'down') return void raw.socket.destroy();
    if (mode === 'refuse') return json(res, 400, { code: 'validation', message: '服务已下线', issues: [{ path: 'serviceCode', message: 'unknown service', code: 'unknown' }] });
    const key = req.headers['idempotency-key'] as string | undefined;
    const scope = `${req.path}:${key}`;
    const again = key ? stored.get(scope) : undefined;
    let answer = again;
    if (!answer) {
      const body = JSON.parse(req.body) as Record<string, unknown>;
      const id = `${req.path.endsWith('/evaluations') ? 'e' : 'g'}-${rows.length + 1}`;
      rows.push({ id, description: String(body.description ?? body.comment ?? ''), key });
      const at = new Date().toISOString();
      answer = req.path.endsWith('/evaluations')
        ? {
            status: 201,
            body: { id, createdAt: at, updatedAt: at, target: body.target, mode: 'per-matter', level: body.level, indicatorSet: '2024.1', indicators: [], reasons: [], contactConsent: false, realName: false, channel: 'web' },
          }
        : { status: 201, body: { id, trackingCode: `MQ-20261118-${String(rows.length).padStart(4, '0')}`, accessCode: 'AC' + rows.length + 'XYZ', status: 'submitted', submittedAt: at } };
      if (key) stored.set(scope, answer);
    }
    if (mode === 'commit-then-drop') return void raw.socket.destroy();
    json(res, answer.status, answer.body, again ? { 'idempotency-replayed': 'true' } : {});
  });
  return {
    server,
    rows,
    setMode: (next: Mode) => {
      mode = next;
    },
    posts: () => server.requests.filter((r) => r.method === 'POST'),
  };
}

let backend: Awaited<ReturnType<typeof startBackend>>;
const adapters: HttpAdapter[] = [];
/** A page load: a fresh adapter on the same backend, with the default (IndexedDB) outbox unless told otherwise. */
const load = (options: Partial<HttpAdapterOptions> = {}) => {
  const a = httpAdapter({ baseUrl: backend.server.baseUrl, timeout: 2_000, maxRetries: 1, ...options });
  adapters.push(a);
  return a;
};
const manual = { outbox: { autoFlush: false } } satisfies Partial<HttpAdapterOptions>;
const record = (a: HttpAdapter) => {
  const events: OutboxEvent[] = [];
  a.outbox!.subscribe((e) => events.push(e));
  return events;
};
const until = async (check: () => boolean | Promise<boolean>, ms = 3_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};
async function queuedFailure(promise: Promise<unknown>): Promise<NetworkError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the submission to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as NetworkError).queuedAs).toBeTruthy();
  return error as NetworkError;
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory(); // every test starts with an empty browser profile
  backend = await startBackend();
});
afterEach(async () => {
  for (const a of adapters.splice(0)) a.close();
  await backend.server.close();
});

describe('IndexedDB outbox', () => {
  it('uses IndexedDB by default where indexedDB exists', () => {
    expect(load().outbox).toBeDefined();
    expect(load({ outbox: false }).outbox).toBeUndefined();
  });

  it('keeps a submission made offline through a reload and delivers it exactly once when the server is back', async () => {
    backend.setMode('down');
    const first = load(manual);
    const events = record(first);
    const error = await queuedFailure(first.submitGrievance(grievance(), { locale: 'en' }));
    expect(events).toEqual([{ type: 'queued', item: expect.objectContaining({ id: error.queuedAs, kind: 'grievance' }) }]);
    const [item] = await first.outbox!.pending();
    expect(item).toMatchObject({ id: error.queuedAs, kind: 'grievance', payload: grievance(), state: 'pending' });
    expect(item!.idempotencyKey).toBeTruthy();
    expect(backend.rows).toHaveLength(0);
    // The first attempt was already keyed, so its retry and the later replay share one key.
    expect(new Set(backend.posts().map((r) => r.headers['idempotency-key']))).toEqual(new Set([item!.idempotencyKey]));
    first.close();

    const reloaded = load(manual);
    expect((await reloaded.outbox!.pending()).map((i) => i.id)).toEqual([error.queuedAs]);

    backend.setMode('up');
    const delivered = record(reloaded);
    await reloaded.outbox!.flush();
    expect(backend.rows).toHaveLength(1);
    expect(backend.rows[0]!.key).toBe(item!.idempotencyKey);
    expect(backend.posts().at(-1)!.headers['accept-language']).toBe('en'); // the resident's language survives the reload
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ type: 'delivered', item: { id: error.queuedAs }, result: { id: 'g-1', trackingCode: 'MQ-20261118-0001', accessCode: 'AC1XYZ' } });
    expect(await reloaded.outbox!.pending()).toEqual([]);
    await reloaded.outbox!.flush();
    expect(backend.rows).toHaveLength(1);
  });

  it('never stores twice when the first attempt was committed but its answer was lost', async () => {
    backend.setMode('commit-then-drop');
    const a = load(manual);
    const error = await queuedFailure(a.submitGrievance(grievance(), { idempotencyKey: 'resident-key-1' }));
    expect(backend.rows).toHaveLength(1); // the server has it; the resident does not know
    backend.setMode('up');
    const events = record(a);
    await a.outbox!.flush();
    expect(backend.rows).toHaveLength(1);
    expect(backend.posts().every((r) => r.headers['idempotency-key'] === 'resident-key-1')).toBe(true);
    expect(backend.posts().length).toBeGreaterThanOrEqual(2);
    expect(events).toEqual([expect.objectContaining({ type: 'delivered', item: expect.objectContaining({ id: error.queuedAs }), result: expect.objectContaining({ id: 'g-1' }) })]);
  });

  it('flushes on start, so a reload delivers without anyone asking', async () => {
    backend.setMode('down');
    await queuedFailure(load(manual).submitGrievance(grievance(), {}));
    backend.setMode('up');
    const reloaded = load();
    const events = record(reloaded);
    await until(() => events.some((e) => e.type === 'delivered'));
    expect(backend.rows).toHaveLength(1);
    expect(await reloaded.outbox!.pending()).toEqual([]);
  });

  it('retries on a backoff timer while items wait', async () => {
    backend.setMode('down');
    const a = load({ outbox: { backoff: { initialMs: 100, maxMs: 200 } } });
    const events = record(a);
    await queuedFailure(a.submitGrievance(grievance(), {}));
    // Nobody calls flush(): the timer tries again on its own.
    await until(async () => ((await a.outbox!.pending())[0]?.attempts ?? 0) > 2);
    expect((await a.outbox!.pending())[0]!.lastError).toBeTruthy();
    expect(events.map((e) => e.type)).toEqual(['queued']);
    backend.setMode('up');
    await until(() => events.some((e) => e.type === 'delivered'));
    expect(backend.rows).toHaveLength(1);
  });

  it('flushes when the browser says it is online again', async () => {
    const target = new EventTarget();
    const g = globalThis as unknown as Record<string, unknown>;
    g.addEventListener = target.addEventListener.bind(target);
    g.removeEventListener = target.removeEventListener.bind(target);
    try {
      backend.setMode('down');
      const a = load({ outbox: { backoff: { initialMs: 60_000, maxMs: 60_000 } } });
      const events = record(a);
      await queuedFailure(a.submitGrievance(grievance(), {}));
      backend.setMode('up');
      target.dispatchEvent(new Event('online'));
      await until(() => events.some((e) => e.type === 'delivered'));
      expect(backend.rows).toHaveLength(1);
    } finally {
      delete g.addEventListener;
      delete g.removeEventListener;
    }
  });

  it('concurrent flushes from two tabs send each item once, in order', async () => {
    backend.setMode('down');
    const writer = load(manual);
    for (const n of [1, 2, 3]) await queuedFailure(writer.submitGrievance(grievance(`第${n}条：楼道灯坏了。`), {}));
    const downPosts = backend.posts().length;
    backend.setMode('up');
    const tabA = load(manual);
    const tabB = load(manual);
    const events = [...[tabA, tabB].map(record)];
    await Promise.all([tabA.outbox!.flush(), tabB.outbox!.flush(), tabA.outbox!.flush(), tabB.outbox!.flush()]);
    expect(backend.posts().length - downPosts).toBe(3);
    expect(backend.rows.map((r) => r.description)).toEqual(['第1条：楼道灯坏了。', '第2条：楼道灯坏了。', '第3条：楼道灯坏了。']);
    expect(events.flat().filter((e) => e.type === 'delivered')).toHaveLength(3);
    expect(await tabA.outbox!.pending()).toEqual([]);
  });

  it('uses the Web Locks API where the browser has it', async () => {
    const names: string[] = [];
    const g = globalThis as unknown as { navigator?: unknown };
    const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', {
      configurable: true,
      value: { locks: { request: (name: string, run: () => Promise<unknown>) => (names.push(name), run()) } },
    });
    try {
      await load(manual).outbox!.flush();
      expect(names).toEqual([`linli-outbox:${backend.server.baseUrl}`]);
    } finally {
      if (had) Object.defineProperty(globalThis, 'navigator', had);
      else delete g.navigator;
    }
  });

  it('keeps an item the server refuses for good in a failed state, never silently dropping the text', async () => {
    backend.setMode('down');
    const a = load(manual);
    const error = await queuedFailure(a.submitGrievance(grievance('这段文字不能丢。'), {}));
    backend.setMode('refuse');
    const events = record(a);
    await a.outbox!.flush();
    expect(await a.outbox!.pending()).toEqual([]);
    const [failed] = await a.outbox!.failed();
    expect(failed).toMatchObject({ id: error.queuedAs, state: 'failed', payload: { description: '这段文字不能丢。' }, lastError: '服务已下线' });
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.type === 'failed' && LinliError.is(event!.error) && event!.error.code).toBe('validation');
    // A later flush leaves it alone; retry() sends it again; discard() forgets it.
    await a.outbox!.flush();
    expect(backend.rows).toHaveLength(0);
    backend.setMode('up');
    await a.outbox!.retry(failed!.id);
    expect(backend.rows).toHaveLength(1);
    expect(await a.outbox!.failed()).toEqual([]);
  });

  it('discard() forgets an item', async () => {
    backend.setMode('down');
    const a = load(manual);
    const error = await queuedFailure(a.submitGrievance(grievance(), {}));
    await a.outbox!.discard(error.queuedAs!);
    expect(await a.outbox!.pending()).toEqual([]);
  });

  it('a direct resubmission with the same key retires the queued copy', async () => {
    backend.setMode('down');
    const a = load(manual);
    const events = record(a);
    await queuedFailure(a.submitGrievance(grievance(), { idempotencyKey: 'same-key' }));
    backend.setMode('up');
    const receipt = await a.submitGrievance(grievance(), { idempotencyKey: 'same-key' });
    await until(async () => (await a.outbox!.pending()).length === 0);
    expect(events.map((e) => e.type)).toEqual(['queued', 'delivered']);
    expect((events[1] as { result: unknown }).result).toEqual(receipt);
    await a.outbox!.flush();
    expect(backend.rows).toHaveLength(1);
  });

  it('queues evaluations too and delivers the stored evaluation', async () => {
    backend.setMode('down');
    const a = load(manual);
    const input = { target: { type: 'service', id: 's-1' }, mode: 'per-matter', level: 4, indicators: [], reasons: [], contactConsent: false, realName: false, channel: 'web' } as EvaluationInputParsed;
    const error = await queuedFailure(a.submitEvaluation(input, {}));
    backend.setMode('up');
    const events = record(a);
    await a.outbox!.flush();
    expect(events).toEqual([expect.objectContaining({ type: 'delivered', item: expect.objectContaining({ id: error.queuedAs, kind: 'evaluation' }), result: expect.objectContaining({ id: 'e-1', level: 4 }) })]);
  });

  it('does not queue what the server refused or what the caller aborted', async () => {
    const a = load(manual);
    backend.setMode('refuse');
    const refused = await a.submitGrievance(grievance(), {}).catch((e: unknown) => e);
    expect((refused as LinliError).code).toBe('validation');
    const controller = new AbortController();
    controller.abort();
    const aborted = await a.submitGrievance(grievance(), { signal: controller.signal }).catch((e: unknown) => e);
    expect((aborted as LinliError).code).toBe('aborted');
    expect(await a.outbox!.pending()).toEqual([]);
  });
});

describe('memory outbox store', () => {
  it('works the same in Node: queue, then deliver once', async () => {
    const store = createMemoryOutboxStore();
    backend.setMode('down');
    const a = load({ outbox: { store, autoFlush: false } });
    await queuedFailure(a.submitGrievance(grievance(), {}));
    const reloaded = load({ outbox: { store, autoFlush: false } });
    expect(await reloaded.outbox!.pending()).toHaveLength(1);
    backend.setMode('up');
    await reloaded.outbox!.flush();
    expect(backend.rows).toHaveLength(1);
    expect(await store.list()).toEqual([]);
  });

  it('an explicit store can be passed as the outbox option directly', async () => {
    const store = createIndexedDbOutboxStore({ name: `custom-${Math.random()}` });
    const a = load({ outbox: store });
    backend.setMode('down');
    await queuedFailure(a.submitGrievance(grievance(), {}));
    expect(await store.list()).toHaveLength(1);
  });
});
