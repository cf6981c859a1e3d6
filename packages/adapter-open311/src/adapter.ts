import {
  AbortedError,
  NotFoundError,
  ServerError,
  UnsupportedError,
  ValidationError,
  checkAgainstService,
  grievanceInput,
  matchesServiceQuery,
  noCapabilities,
  parseInput,
  type Capabilities,
  type GrievanceReceipt,
  type LinliAdapter,
  type LocalizedText,
  type PageData,
  type PublicGrievance,
  type RequestContext,
  type Service,
  type ServiceGuide,
} from '@linli/sdk';
import { fromLinliCode } from './mapping/codes.js';
import { toPublicGrievance } from './mapping/requests.js';
import { localized, readService, toLinliDefinition, toLinliService, type MappedDefinition, type Open311ServiceRecord } from './mapping/services.js';
import { toOpen311Form } from './mapping/submit.js';
import { accessCodeFor, accessCodeMatches, refFromTrackingCode, trackingCodeFor, type RequestRef } from './mapping/tracking.js';
import { parseOk, send, type HttpOptions } from './wire/http.js';
import { itemsOf, str, type Format } from './wire/parse.js';

export interface Open311AdapterOptions {
  /** The GeoReport v2 base URL, e.g. `https://city.example/open311/v2` (see `discoverOpen311`). */
  endpoint: string;
  /** Sent with every call, for endpoints that serve several jurisdictions. */
  jurisdictionId?: string;
  /** Needed to submit; without it the adapter is read-only (`grievanceSubmit: false`). */
  apiKey?: string;
  /** `json` by default; `xml` for XML-only endpoints (XML is the spec's required format). */
  format?: Format;
  fetch?: typeof globalThis.fetch;
  /** Milliseconds per call, retries included (30 s). With a per-call `timeout` as well, the stricter applies. */
  timeout?: number;
  /** Retries, for GETs only (2); POSTs are never retried. With a per-call `maxRetries` as well, the smaller applies. */
  maxRetries?: number;
  /** First retry delay in ms, doubling each time (300). */
  retryDelayMs?: number;
  /** Extra headers on every call. Custom headers make browsers send a CORS preflight, which many endpoints refuse. */
  headers?: Record<string, string>;
  /** Ask for `extensions=true` (rich status, notes) when reading requests (true; endpoints ignore it when unsupported). */
  extensions?: boolean;
  /** Send the SDK's idempotency key as an `Idempotency-Key` header (false: Linli's own endpoint honours it, others may refuse the preflight). */
  sendIdempotencyKey?: boolean;
  /** How long the service list and definitions are cached, in ms (5 minutes). Discovery's `changeset` says when they change. */
  cacheTtlMs?: number;
  /** Fetch the definitions of the services on each listed page, so list items are complete (true). */
  listDefinitions?: boolean;
  /** Who provides the services (shown in the 办事指南); the jurisdiction id or the endpoint's host by default. */
  provider?: LocalizedText;
  /** Known facts that fill the otherwise-unknown parts of every service's 办事指南 (hotline, hours…). */
  guide?: Partial<ServiceGuide>;
  /** Offset assumed for date-times sent without one, against the spec (`Z`; `+08:00` for most Chinese endpoints). */
  assumedUtcOffset?: string;
}

interface CachedList {
  at: number;
  records: Open311ServiceRecord[];
  services: Service[];
  byLinliCode: Map<string, number>;
}

/** The adapter's honest capabilities: services, submit (with an API key) and track; nothing else exists in GeoReport v2. */
export function open311Capabilities(canSubmit: boolean): Capabilities {
  return { ...noCapabilities, services: true, grievanceSubmit: canSubmit, grievanceTrack: true };
}

/**
 * A LinliAdapter over any Open311 GeoReport v2 endpoint, JSON or XML. Services (with their
 * definitions) become Linli services, requests become public grievances, and a GrievanceInput
 * becomes the spec's form POST. See docs/open311.md for the field mapping and the quirks handled.
 */
export function open311Adapter(options: Open311AdapterOptions): LinliAdapter {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const format: Format = options.format ?? 'json';
  const http: HttpOptions = {
    fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    timeout: options.timeout,
    maxRetries: options.maxRetries,
    retryDelayMs: options.retryDelayMs ?? 300,
    headers: options.headers ?? {},
  };
  const ttl = options.cacheTtlMs ?? 5 * 60_000;
  const provider = options.provider ?? localized(options.jurisdictionId ?? new URL(endpoint).host);
  const capabilities = open311Capabilities(Boolean(options.apiKey));

  const url = (path: string, params: Record<string, string | undefined> = {}) => {
    const u = new URL(`${endpoint}/${path}.${format}`);
    if (options.jurisdictionId) u.searchParams.set('jurisdiction_id', options.jurisdictionId);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
    return u.toString();
  };
  const get = async (path: string, ctx: RequestContext, what: string, params?: Record<string, string | undefined>) => {
    const res = await send({ method: 'GET', url: url(path, params), format }, ctx, http);
    return parseOk(res.text, format, what);
  };

  let list: Promise<CachedList> | undefined;
  let listAt = 0;
  const definitions = new Map<string, { at: number; value: Promise<MappedDefinition> }>();

  function serviceList(ctx: RequestContext): Promise<CachedList> {
    if (list && Date.now() - listAt < ttl) return list;
    listAt = Date.now();
    const readAt = new Date().toISOString();
    const loading = get('services', ctx, 'service list').then((doc): CachedList => {
      const records = itemsOf(doc, 'services', 'service')
        .map(readService)
        .filter((r): r is Open311ServiceRecord => Boolean(r));
      const services = records.map((r) => toLinliService(r, { readAt, provider, guide: options.guide }));
      return { at: Date.now(), records, services, byLinliCode: new Map(services.map((s, i) => [s.code, i])) };
    });
    list = loading;
    // A failed read is never cached: the next call tries again.
    loading.catch(() => {
      if (list === loading) list = undefined;
    });
    return loading;
  }

  function definitionOf(record: Open311ServiceRecord, ctx: RequestContext): Promise<MappedDefinition> {
    if (!record.metadata) return Promise.resolve({ definition: [], codes: new Map() });
    const hit = definitions.get(record.code);
    if (hit && Date.now() - hit.at < ttl) return hit.value;
    const value = get(`services/${encodeURIComponent(record.code)}`, ctx, 'service definition').then(toLinliDefinition);
    definitions.set(record.code, { at: Date.now(), value });
    value.catch(() => {
      if (definitions.get(record.code)?.value === value) definitions.delete(record.code);
    });
    return value;
  }

  async function findService(code: string, ctx: RequestContext): Promise<{ record: Open311ServiceRecord; service: Service } | undefined> {
    const cached = await serviceList(ctx);
    let index = cached.byLinliCode.get(code);
    if (index === undefined) {
      const original = fromLinliCode(code);
      index = original === undefined ? -1 : cached.records.findIndex((r) => r.code === original);
    }
    if (index < 0) return undefined;
    return { record: cached.records[index]!, service: cached.services[index]! };
  }

  async function complete(record: Open311ServiceRecord, service: Service, ctx: RequestContext): Promise<{ service: Service; mapped: MappedDefinition }> {
    const mapped = await definitionOf(record, ctx);
    return { service: { ...service, definition: mapped.definition }, mapped };
  }

  async function fetchRequest(ref: RequestRef, trackingCode: string, ctx: RequestContext): Promise<PublicGrievance> {
    let id = ref.value;
    if (ref.kind === 'token') {
      const doc = await get(`tokens/${encodeURIComponent(ref.value)}`, ctx, 'token');
      const resolved = itemsOf(doc, 'service_requests', 'request').map((r) => str(r.service_request_id)).find(Boolean);
      if (!resolved) throw new NotFoundError('The city has not yet turned this submission into a service request; try again later.');
      id = resolved;
    }
    const doc = await get(`requests/${encodeURIComponent(id)}`, ctx, 'service request', options.extensions === false ? {} : { extensions: 'true' });
    const items = itemsOf(doc, 'service_requests', 'request');
    const item = items.find((r) => str(r.service_request_id) === id) ?? items[0];
    if (!item) throw new NotFoundError('No service request matches this tracking code.');
    return toPublicGrievance(item, { trackingCode, assumedOffset: options.assumedUtcOffset });
  }

  /** Cached answers need no network, so an aborted call is refused up front. */
  const entered = (ctx: RequestContext) => {
    if (ctx.signal?.aborted) throw new AbortedError();
  };

  /** Same key → same receipt within this adapter, however many times the caller retries. */
  const submissions = new Map<string, Promise<GrievanceReceipt>>();
  const remember = (key: string, p: Promise<GrievanceReceipt>) => {
    submissions.set(key, p);
    if (submissions.size > 500) submissions.delete(submissions.keys().next().value!);
    p.catch(() => submissions.delete(key));
    return p;
  };

  async function submit(raw: unknown, ctx: RequestContext): Promise<GrievanceReceipt> {
    if (!options.apiKey) throw new UnsupportedError('This Open311 endpoint was configured without an API key, so it cannot take submissions.', 'grievanceSubmit');
    const input = parseInput(grievanceInput, raw, 'grievance', ctx.locale);
    const found = await findService(input.serviceCode, ctx);
    if (!found) {
      throw new ValidationError(`Unknown service "${input.serviceCode}".`, [{ path: 'serviceCode', message: 'unknown service', code: 'unknown' }]);
    }
    const { service, mapped } = await complete(found.record, found.service, ctx);
    checkAgainstService(input, service, ctx.locale);
    const form = toOpen311Form(input, { open311Code: found.record.code, attributeCodes: mapped.codes }, { apiKey: options.apiKey, jurisdictionId: options.jurisdictionId });
    const res = await send(
      {
        method: 'POST',
        url: `${endpoint}/requests.${format}`,
        format,
        body: form,
        headers: options.sendIdempotencyKey && ctx.idempotencyKey ? { 'idempotency-key': ctx.idempotencyKey } : undefined,
      },
      ctx,
      http,
    );
    const doc = parseOk(res.text, format, 'submission response');
    const items = itemsOf(doc, 'service_requests', 'request');
    const first = items[0] ?? {};
    const id = str(first.service_request_id);
    const token = str(first.token);
    if (!id && !token) {
      // Some servers answer 200 with an error list.
      const errors = itemsOf(doc, 'errors', 'error').filter((e) => str(e.description));
      if (errors.length) {
        const message = errors.map((e) => str(e.description)).join('; ');
        throw new ValidationError(message, errors.map((e) => ({ path: '', message: str(e.description)!, code: str(e.code) ?? 'open311' })));
      }
      throw new ServerError('The Open311 endpoint accepted the request but returned neither a service_request_id nor a token.');
    }
    const ref: RequestRef = id ? { kind: 'id', value: id } : { kind: 'token', value: token! };
    const receipt: GrievanceReceipt = {
      id: ref.value,
      trackingCode: trackingCodeFor(ref),
      accessCode: accessCodeFor(ref),
      status: 'submitted',
      submittedAt: new Date().toISOString(),
    };
    return receipt;
  }

  return {
    name: 'open311',
    capabilities,

    async listServices(query, ctx) {
      entered(ctx);
      const cached = await serviceList(ctx);
      const matching = cached.services.map((s, i) => ({ s, i })).filter(({ s }) => matchesServiceQuery(s, query));
      const start = query.cursor ? Number.parseInt(query.cursor, 10) || 0 : 0;
      const limit = query.limit ?? 20;
      const page = matching.slice(start, start + limit);
      const items =
        options.listDefinitions === false
          ? page.map(({ s }) => s)
          : await Promise.all(
              page.map(async ({ s, i }) => {
                // One failing definition must not sink the whole list; submit fetches it again.
                const mapped = await definitionOf(cached.records[i]!, ctx).catch(() => undefined);
                return mapped ? { ...s, definition: mapped.definition } : s;
              }),
            );
      const result: PageData<Service> = { items, nextCursor: start + limit < matching.length ? String(start + limit) : null, total: matching.length };
      return result;
    },

    async getService(code, ctx) {
      entered(ctx);
      const found = await findService(code, ctx);
      if (!found) throw new NotFoundError(`No service ${code} on this Open311 endpoint.`);
      return (await complete(found.record, found.service, ctx)).service;
    },

    async submitGrievance(raw, ctx) {
      entered(ctx);
      const key = ctx.idempotencyKey;
      if (!key) return submit(raw, ctx);
      return submissions.get(key) ?? remember(key, submit(raw, ctx));
    },

    async trackGrievance(trackingCode, accessCode, ctx) {
      entered(ctx);
      const ref = refFromTrackingCode(trackingCode);
      if (!ref.value || !accessCodeMatches(ref, accessCode)) throw new NotFoundError('No service request matches this tracking code and access code.');
      return fetchRequest(ref, trackingCode, ctx);
    },
  };
}
