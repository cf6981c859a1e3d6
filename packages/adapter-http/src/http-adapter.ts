import {
  NetworkError,
  type Capabilities,
  type Evaluation,
  type GrievanceReceipt,
  type LinliAdapter,
  type RequestContext,
} from '@linli/sdk';
import { capabilitiesFrom, linliCapabilities } from './capabilities.js';
import { createIndexedDbOutboxStore, defaultOutboxName } from './outbox/indexeddb-store.js';
import { createOutboxEngine, shouldQueue, type HttpOutbox, type OutboxBackoff, type OutboxEngine, type OutboxKind } from './outbox/outbox.js';
import { createMemoryOutboxStore, type OutboxStore } from './outbox/store.js';
import { createTransport, type Call, type TokenSource, type TransportOptions } from './transport/transport.js';

export interface OutboxOptions {
  /** Where items are kept. Default: IndexedDB where the platform has it, else memory. */
  store?: OutboxStore;
  /** Flush on start, on the `online` event and on a backoff timer while items wait. Default true. */
  autoFlush?: boolean;
  backoff?: Partial<OutboxBackoff>;
}

export interface HttpAdapterOptions {
  /** The protocol root, e.g. `https://city.example/api/v1`. */
  baseUrl: string;
  /** A staff or admin bearer token. Residents need none. */
  token?: string;
  /** Asked before every attempt, so a refreshed token is used on retries. Wins over `token`. */
  getToken?: TokenSource;
  /** A custom `fetch` (tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds for a whole call, retries included, when the call gives none. Default 15 000. */
  timeout?: number;
  /** Retries after the first attempt, when the call gives none. Default 2. */
  maxRetries?: number;
  /** Sent with every request; per-call headers win. */
  headers?: Record<string, string>;
  /**
   * Keeps grievances and evaluations through offline periods and reloads. Default: an IndexedDB outbox where
   * `indexedDB` exists (browsers), none elsewhere. `true` picks IndexedDB, or memory without it.
   */
  outbox?: boolean | OutboxStore | OutboxOptions;
  /** What this backend can do; merged over the full Linli set. `httpAdapter.discover()` asks the server. */
  capabilities?: Partial<Capabilities>;
  /** Longest `Retry-After` the adapter waits for before giving up with the typed error. Default 30 000 ms. */
  maxRetryAfterMs?: number;
  /** Upper bound of the backoff between retries. Default 8 000 ms. */
  backoffLimitMs?: number;
}

type AdapterMethods = Required<Omit<LinliAdapter, 'name' | 'capabilities' | 'outbox' | 'now'>>;

/** A `LinliAdapter` over the Linli REST protocol; it implements every method (capabilities say what the server allows). */
export interface HttpAdapter extends AdapterMethods {
  readonly name: string;
  readonly capabilities: Capabilities;
  readonly outbox?: HttpOutbox;
  /** Stops the outbox's timers and listeners (SPA unmount, tests). Requests in flight are not affected. */
  close(): void;
}

const isStore = (value: unknown): value is OutboxStore =>
  typeof value === 'object' && value !== null && typeof (value as OutboxStore).list === 'function' && typeof (value as OutboxStore).put === 'function';

const hasIndexedDb = () => typeof indexedDB !== 'undefined';

function outboxSettings(options: HttpAdapterOptions): (OutboxOptions & { store: OutboxStore }) | undefined {
  const { outbox } = options;
  const name = `${defaultOutboxName}:${options.baseUrl}`;
  const defaultStore = () => (hasIndexedDb() ? createIndexedDbOutboxStore({ name }) : createMemoryOutboxStore());
  if (outbox === false) return undefined;
  if (outbox === undefined) return hasIndexedDb() ? { store: defaultStore() } : undefined;
  if (outbox === true) return { store: defaultStore() };
  if (isStore(outbox)) return { store: outbox };
  return { ...outbox, store: outbox.store ?? defaultStore() };
}

function transportOptions(options: HttpAdapterOptions): TransportOptions {
  const { token } = options;
  return {
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    timeout: options.timeout ?? 15_000,
    maxRetries: options.maxRetries ?? 2,
    headers: options.headers,
    getToken: options.getToken ?? (token ? () => token : undefined),
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    backoffLimitMs: options.backoffLimitMs ?? 8_000,
  };
}

const segment = encodeURIComponent;
const newKey = () => globalThis.crypto.randomUUID();

function createHttpAdapter(options: HttpAdapterOptions): HttpAdapter {
  const settings = transportOptions(options);
  const send = createTransport(settings);
  const get = <T>(path: string, what: string, ctx: RequestContext, query?: object) => send<T>({ method: 'GET', path, query, what }, ctx);
  const post = <T>(path: string, what: string, body: unknown, ctx: RequestContext, safe = false) => send<T>({ method: 'POST', path, body, what, safe }, ctx);

  const submitPaths: Record<OutboxKind, Pick<Call, 'path' | 'what'>> = {
    grievance: { path: 'grievances', what: 'submitting a grievance' },
    evaluation: { path: 'evaluations', what: 'submitting an evaluation' },
  };

  const outboxOptions = outboxSettings(options);
  let engine: OutboxEngine | undefined;
  if (outboxOptions) {
    engine = createOutboxEngine({
      store: outboxOptions.store,
      name: options.baseUrl,
      autoFlush: outboxOptions.autoFlush ?? true,
      backoff: { initialMs: 5_000, maxMs: 300_000, ...outboxOptions.backoff },
      // The same idempotency key as the first attempt: a request that did reach the server is replayed, not stored twice.
      deliver: (item, signal) =>
        send({ method: 'POST', ...submitPaths[item.kind], body: item.payload }, { idempotencyKey: item.idempotencyKey, locale: item.locale, signal }),
    });
  }

  /** Submits, and on a failure that may be the network's, saves the submission before saying so. */
  async function submit<T extends GrievanceReceipt | Evaluation>(kind: OutboxKind, input: unknown, ctx: RequestContext): Promise<T> {
    // With an outbox every submission needs a key from its first attempt, or a replay could store it twice.
    const idempotencyKey = ctx.idempotencyKey ?? (engine ? newKey() : undefined);
    try {
      const result = await send<T>({ method: 'POST', ...submitPaths[kind], body: input }, { ...ctx, idempotencyKey });
      if (engine && idempotencyKey) engine.settle(kind, idempotencyKey, result);
      return result;
    } catch (error) {
      if (!engine || !idempotencyKey || !shouldQueue(error)) throw error;
      let item;
      try {
        item = await engine.enqueue({ kind, payload: input, idempotencyKey, locale: ctx.locale }, error as Error);
      } catch {
        throw error;
      }
      throw new NetworkError('The server could not be reached. The submission was saved on this device and will be sent when the connection returns.', {
        cause: error,
        queuedAs: item.id,
      });
    }
  }

  return {
    name: 'http',
    capabilities: { ...linliCapabilities, ...options.capabilities },
    outbox: engine?.outbox,
    close: () => engine?.outbox.close(),

    listServices: (query, ctx) => get('services', 'listing services', ctx, query),
    getService: (code, ctx) => get(`services/${segment(code)}`, 'getting a service', ctx),

    submitGrievance: (input, ctx) => submit('grievance', input, ctx),
    trackGrievance: (trackingCode, accessCode, ctx) => post('grievances/track', 'tracking a grievance', { trackingCode, accessCode }, ctx, true),
    residentAction: (trackingCode, accessCode, command, ctx) =>
      post('grievances/track/actions', 'acting on a grievance', { trackingCode, accessCode, command }, ctx),
    listGrievances: (query, ctx) => get('grievances', 'listing grievances', ctx, query),
    getGrievance: (id, ctx) => get(`grievances/${segment(id)}`, 'getting a grievance', ctx),
    transitionGrievance: (id, command, ctx) => post(`grievances/${segment(id)}/transitions`, 'moving a grievance', command, ctx),

    submitEvaluation: (input, ctx) => submit('evaluation', input, ctx),
    listEvaluations: (query, ctx) => get('evaluations', 'listing evaluations', ctx, query),
    summarizeEvaluations: (query, ctx) => get('evaluations/summary', 'summarising evaluations', ctx, query),

    listRectifications: (query, ctx) => get('rectifications', 'listing rectifications', ctx, query),
    getRectification: (id, ctx) => get(`rectifications/${segment(id)}`, 'getting a rectification', ctx),
    actOnRectification: (id, command, ctx) => post(`rectifications/${segment(id)}/actions`, 'acting on a rectification', command, ctx),

    listNotices: (query, ctx) => get('notices', 'listing notices', ctx, query),
    getNotice: (id, ctx) => get(`notices/${segment(id)}`, 'getting a notice', ctx),

    listOrgUnits: (query, ctx) => get('org-units', 'listing org units', ctx, query),
    getOrgUnit: (id, ctx) => get(`org-units/${segment(id)}`, 'getting an org unit', ctx),

    listResidents: (query, ctx) => get('residents', 'listing residents', ctx, query),
    getResident: (id, ctx) => get(`residents/${segment(id)}`, 'getting a resident', ctx),
  };
}

/** Asks the server what it can do (`GET /capabilities`) and returns an adapter that declares exactly that. */
async function discover(options: HttpAdapterOptions | string, ctx: RequestContext = {}): Promise<HttpAdapter> {
  const opts = typeof options === 'string' ? { baseUrl: options } : options;
  const body = await createTransport(transportOptions(opts))({ method: 'GET', path: 'capabilities', what: 'discovering capabilities' }, ctx);
  return createHttpAdapter({ ...opts, capabilities: { ...capabilitiesFrom(body), ...opts.capabilities } });
}

/**
 * The Linli REST protocol over ky: `createClient({ adapter: httpAdapter({ baseUrl }) })`.
 * `await httpAdapter.discover(baseUrl)` builds one with the server's own capabilities.
 */
export const httpAdapter: typeof createHttpAdapter & { discover: typeof discover } = Object.assign(createHttpAdapter, { discover });
