import {
  LinliError,
  ValidationError,
  grievanceInput,
  grievanceStatuses,
  localize,
  openStatuses,
  parseInput,
  resolveLocale,
  safeEqual,
  type Actor,
  type Grievance,
  type GrievanceInputParsed,
  type GrievanceStatus,
  type LinliAdapter,
  type Locale,
  type RequestContext,
  type Service,
} from '@linli/sdk';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorsFromIssues, field, formFields, grievanceInputFrom, requireServiceCode, type FormFields } from './from-open311.js';
import {
  definitionXml,
  requestXml,
  serviceXml,
  toOpen311Definition,
  toOpen311Request,
  toOpen311Service,
  type Open311Request,
} from './to-open311.js';
import { Open311Failure, list, respond, respondErrors, splitFormat, type Body, type Format } from './wire.js';

export const GEOREPORT_V2_SPEC = 'http://wiki.open311.org/GeoReport_v2';

export interface Open311DiscoveryEndpoint {
  specification: string;
  url: string;
  changeset: string;
  type: 'production' | 'test';
  formats: string[];
}

export interface Open311DiscoveryOptions {
  /** Defaults to the newest `updatedAt` of the published services, so clients refresh their caches when the catalogue changes. */
  changeset?: string;
  contact?: string;
  /** How to obtain an API key (`key_service`). */
  keyService?: string;
  /** Public URL of this endpoint (behind a proxy the request URL may differ). Defaults to the request's origin and path. */
  baseUrl?: string;
  /** Replaces the single generated endpoint entirely (e.g. to list a test endpoint as well). */
  endpoints?: Open311DiscoveryEndpoint[];
}

export interface Open311RoutesOptions {
  /** A backend acting as `actor`; without an actor, an anonymous resident. Only the LinliAdapter interface is used. */
  backendFor: (actor?: Actor) => LinliAdapter;
  /** Keys allowed to POST requests (compared in constant time), or a checker. */
  apiKeys: string[] | ((key: string) => boolean | Promise<boolean>);
  /** Set on multi-jurisdiction deployments; a different `jurisdiction_id` gets 404. */
  jurisdictionId?: string;
  discovery?: Open311DiscoveryOptions;
  /**
   * Who reads on Open311's behalf. Open311 GETs need no access code, so reads use a staff-level
   * backend and every response goes through the public projection plus PII redaction.
   */
  readActor?: Actor;
  /** Language of names and messages when the request has no `locale` parameter (extension). */
  defaultLocale?: Locale;
  /** Largest accepted POST body, in bytes (64 KiB). */
  maxBodyBytes?: number;
}

const DAY = 86_400_000;
const MAX_WINDOW_DAYS = 90;
const DEFAULT_LIMIT = 1000;
const BACKEND_PAGE = 500;
const closedStatuses = grievanceStatuses.filter((s) => !(openStatuses as readonly string[]).includes(s));

const t = (zh: string, tw: string, en: string): Record<Locale, string> => ({ 'zh-CN': zh, 'zh-TW': tw, en });
const messages = {
  apiKey: t('缺少或无效的 api_key，无法提交', '缺少或無效的 api_key，無法提交', 'Invalid or missing api_key: cannot create the request'),
  jurisdiction: t('未知的 jurisdiction_id', '未知的 jurisdiction_id', 'Unknown jurisdiction_id'),
  service: t('没有这项服务', '沒有這項服務', 'No such service'),
  request: t('没有这条诉求', '沒有這條訴求', 'No such service request'),
  token: t('本接口立即返回 service_request_id，不签发 token', '本介面立即返回 service_request_id，不簽發 token', 'This endpoint returns service_request_id at once and issues no tokens'),
  notFound: t('没有这个资源', '沒有這個資源', 'No such resource'),
  status: t('status 只能是 open 或 closed', 'status 只能是 open 或 closed', 'status must be open, closed, or both'),
  date: t('日期格式不正确（需 ISO 8601）', '日期格式不正確（需 ISO 8601）', 'Dates must be W3C / ISO 8601 date-times'),
  window: t('start_date 与 end_date 相隔不能超过 90 天', 'start_date 與 end_date 相隔不能超過 90 天', 'start_date and end_date may be at most 90 days apart'),
  page: t('page 和 page_size 须为正整数，page_size 不超过 1000', 'page 和 page_size 須為正整數，page_size 不超過 1000', 'page and page_size must be positive integers; page_size at most 1000'),
  tooLarge: t('请求内容过大', '請求內容過大', 'The request body is too large'),
  server: t('服务暂时不可用，请稍后再试', '服務暫時不可用，請稍後再試', 'The service is temporarily unavailable; please try again later'),
  unknownService: t('未知的 service_code', '未知的 service_code', 'Unknown service_code'),
  cannotList: t('该后端不支持查询诉求列表', '該後端不支援查詢訴求列表', 'This backend cannot list service requests'),
  received: t('已收到您的诉求', '已收到您的訴求', 'Your request has been received'),
  keep: t(
    '请保存查询编号 {tracking} 和查询码 {access}，可在社区网站查询进度并评价办理结果',
    '請保存查詢編號 {tracking} 和查詢碼 {access}，可在社區網站查詢進度並評價辦理結果',
    'Keep tracking code {tracking} and access code {access} to follow progress and rate the outcome on the community website',
  ),
};

/** Hands the caller's input back as the spec's error list, never a stack trace. */
function toFailure(err: unknown, locale: Locale, service?: Service): Open311Failure {
  if (err instanceof Open311Failure) return err;
  if (LinliError.is(err)) {
    if (err instanceof ValidationError || err.code === 'validation') {
      const issues = (err as ValidationError).issues ?? [];
      return new Open311Failure(400, issues.length ? errorsFromIssues(issues, service, locale) : [{ code: 400, description: err.message }]);
    }
    if (err.code === 'not_found') return Open311Failure.of(404, err.message);
    if (err.code === 'unauthorized' || err.code === 'forbidden') return Open311Failure.of(403, err.message);
    if (err.code === 'conflict' || err.code === 'illegal_transition' || err.code === 'rate_limited' || err.code === 'unsupported') {
      return Open311Failure.of(400, err.message);
    }
  }
  console.error('[linli open311]', err);
  return Open311Failure.of(500, messages.server[locale]);
}

const present = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Open311 GeoReport v2 over any LinliAdapter, as a Hono sub-app to mount at `/open311/v2`:
 * discovery, services, service definitions, requests (GET list / GET one / POST) and tokens,
 * each as `.json` and `.xml`, with the spec's error lists. See docs/open311.md.
 */
export function open311Routes(options: Open311RoutesOptions): Hono {
  const app = new Hono();
  const readActor: Actor = options.readActor ?? { role: 'staff', id: 'open311-gateway', name: 'Open311' };
  const startedAt = new Date().toISOString();
  const inflight = new Map<string, Promise<Body>>();

  const localeOf = (c: Context): Locale => {
    const requested = present(c.req.query('locale'));
    return requested ? resolveLocale(requested) : (options.defaultLocale ?? 'zh-CN');
  };
  const ctxOf = (c: Context, locale: Locale): RequestContext => ({ signal: c.req.raw.signal, locale });

  function checkJurisdiction(value: string | undefined, locale: Locale) {
    const given = present(value);
    if (given && options.jurisdictionId && given !== options.jurisdictionId) throw Open311Failure.of(404, messages.jurisdiction[locale]);
  }

  async function apiKeyAccepted(key: string | undefined): Promise<boolean> {
    if (!key) return false;
    if (typeof options.apiKeys === 'function') return Boolean(await options.apiKeys(key));
    return options.apiKeys.some((k) => safeEqual(k, key));
  }

  /** Runs a handler and renders its body or its failure in the requested format. */
  async function run(c: Context, format: Format, handler: (locale: Locale) => Promise<Body>): Promise<Response> {
    const locale = localeOf(c);
    try {
      return respond(c, format, await handler(locale));
    } catch (err) {
      return respondErrors(c, format, toFailure(err, locale));
    }
  }

  async function allServices(backend: LinliAdapter, ctx: RequestContext): Promise<Service[]> {
    const out: Service[] = [];
    let cursor: string | undefined;
    do {
      const page = await backend.listServices({ requestable: true, limit: BACKEND_PAGE, cursor }, ctx);
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  async function publishedService(backend: LinliAdapter, code: string, ctx: RequestContext, locale: Locale): Promise<Service> {
    const service = await backend.getService(code, ctx).catch((err: unknown) => {
      if (LinliError.is(err) && err.code === 'not_found') throw Open311Failure.of(404, `${messages.service[locale]}: ${code}`);
      throw err;
    });
    if (!service.requestable) throw Open311Failure.of(404, `${messages.service[locale]}: ${code}`);
    return service;
  }

  /** Renders grievances, looking each service and org unit up once per response. */
  async function renderRequests(backend: LinliAdapter, grievances: Grievance[], ctx: RequestContext, locale: Locale, extensions: boolean): Promise<Open311Request[]> {
    const services = new Map<string, Promise<Service | undefined>>();
    const units = new Map<string, Promise<string | undefined>>();
    const serviceOf = (code: string) => {
      if (!services.has(code)) services.set(code, backend.getService(code, ctx).catch(() => undefined));
      return services.get(code)!;
    };
    const unitName = (id: string) => {
      if (!units.has(id)) {
        units.set(
          id,
          backend.getOrgUnit && backend.capabilities.orgUnits
            ? backend.getOrgUnit(id, ctx).then((u) => localize(u.name, locale), () => undefined)
            : Promise.resolve(undefined),
        );
      }
      return units.get(id)!;
    };
    return Promise.all(
      grievances.map(async (g) => {
        const service = await serviceOf(g.serviceCode);
        const agency = (g.orgUnitId ? await unitName(g.orgUnitId) : undefined) ?? (service ? localize(service.provider.name, locale) : undefined);
        return toOpen311Request(g, { service, agency, locale, extensions });
      }),
    );
  }

  const requestsBody = (requests: Open311Request[]): Body => ({ json: requests, xml: ['service_requests', list('request', requests.map(requestXml))] });

  function dateParam(c: Context, name: string, locale: Locale): number | undefined {
    const v = present(c.req.query(name));
    if (v === undefined) return undefined;
    const ms = Date.parse(v);
    if (Number.isNaN(ms)) throw Open311Failure.of(400, `${name}: ${messages.date[locale]}`);
    return ms;
  }

  function positiveInt(c: Context, name: string, fallback: number, max: number, locale: Locale): number {
    const v = present(c.req.query(name));
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw Open311Failure.of(400, messages.page[locale]);
    return n;
  }

  async function listRequests(c: Context, locale: Locale): Promise<Body> {
    checkJurisdiction(c.req.query('jurisdiction_id'), locale);
    const backend = options.backendFor(readActor);
    const ctx = ctxOf(c, locale);
    const extensions = present(c.req.query('extensions')) === 'true';

    // service_request_id overrides every other filter (spec).
    const ids = present(c.req.query('service_request_id'))
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids?.length) {
      if (!backend.getGrievance) throw Open311Failure.of(500, messages.cannotList[locale]);
      const found = await Promise.all(
        ids.map((id) =>
          backend.getGrievance!(id, ctx).catch((err: unknown) => {
            if (LinliError.is(err) && err.code === 'not_found') return undefined;
            throw err;
          }),
        ),
      );
      return requestsBody(await renderRequests(backend, found.filter((g): g is Grievance => Boolean(g)), ctx, locale, extensions));
    }

    const codes = present(c.req.query('service_code'))
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const wanted = present(c.req.query('status'))
      ?.split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    if (wanted?.some((s) => s !== 'open' && s !== 'closed')) throw Open311Failure.of(400, messages.status[locale]);
    const statuses: GrievanceStatus[] | undefined =
      wanted?.length === 1 ? (wanted[0] === 'open' ? [...openStatuses] : closedStatuses) : undefined;

    const start = dateParam(c, 'start_date', locale);
    const end = dateParam(c, 'end_date', locale);
    if (start !== undefined && end !== undefined && end - start > MAX_WINDOW_DAYS * DAY) throw Open311Failure.of(400, messages.window[locale]);
    // The default volume: the most recent 90 days (or 90 days from/to the one date given).
    const to = end ?? (start !== undefined ? start + MAX_WINDOW_DAYS * DAY : Date.now());
    const from = start ?? to - MAX_WINDOW_DAYS * DAY;

    const pageSize = positiveInt(c, 'page_size', DEFAULT_LIMIT, DEFAULT_LIMIT, locale);
    const page = positiveInt(c, 'page', 1, 1_000_000, locale);
    const needed = page * pageSize;

    if (!backend.listGrievances) throw Open311Failure.of(500, messages.cannotList[locale]);
    const collected: Grievance[] = [];
    let cursor: string | undefined;
    do {
      const batch = await backend.listGrievances(
        {
          status: statuses,
          serviceCode: codes?.length === 1 ? codes[0] : undefined,
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          limit: BACKEND_PAGE,
          cursor,
        },
        ctx,
      );
      collected.push(...batch.items.filter((g) => !codes || codes.includes(g.serviceCode)));
      cursor = batch.nextCursor ?? undefined;
    } while (cursor && collected.length < needed);

    const newestFirst = collected.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    const slice = newestFirst.slice((page - 1) * pageSize, page * pageSize);
    return requestsBody(await renderRequests(backend, slice, ctx, locale, extensions));
  }

  async function discovery(c: Context, locale: Locale): Promise<Body> {
    const d = options.discovery ?? {};
    let changeset = d.changeset;
    if (!changeset) {
      const services = await allServices(options.backendFor(), ctxOf(c, locale));
      changeset = services.map((s) => s.updatedAt).sort().at(-1) ?? startedAt;
    }
    const here = new URL(c.req.url);
    const url = d.baseUrl ?? `${here.origin}${here.pathname.replace(/\/discovery\.(json|xml)$/, '')}`;
    const endpoints = d.endpoints ?? [{ specification: GEOREPORT_V2_SPEC, url, changeset, type: 'production' as const, formats: ['text/xml', 'application/json'] }];
    const json = { changeset, contact: d.contact ?? null, key_service: d.keyService ?? null, endpoints };
    return {
      json,
      xml: [
        'discovery',
        {
          changeset,
          contact: json.contact,
          key_service: json.key_service,
          endpoints: list('endpoint', endpoints.map((e) => ({ ...e, formats: list('format', e.formats) }))),
        },
      ],
    };
  }

  async function createRequest(c: Context, locale: Locale): Promise<Body> {
    const form = await readForm(c);
    const apiKey = field(form, 'api_key') ?? present(c.req.query('api_key'));
    if (!(await apiKeyAccepted(apiKey))) throw Open311Failure.of(403, messages.apiKey[locale]);
    checkJurisdiction(field(form, 'jurisdiction_id'), locale);
    const code = requireServiceCode(form, locale);
    const backend = options.backendFor();
    // No abort signal: once a submission starts it completes, even if the client hangs up (and its retry replays it).
    const ctx: RequestContext = { locale };
    const service = await backend.getService(code, ctx).catch((err: unknown) => {
      if (LinliError.is(err) && err.code === 'not_found') throw Open311Failure.of(400, `${messages.unknownService[locale]}: ${code}`);
      throw err;
    });
    let input: GrievanceInputParsed;
    try {
      // Adapters receive validated input (the LinliAdapter contract); Open311 bypasses the SDK client, so validate here.
      input = parseInput(grievanceInput, grievanceInputFrom(form, service, locale), 'grievance', locale);
    } catch (err) {
      throw toFailure(err, locale, service);
    }
    const key = present(c.req.header('idempotency-key'));
    // Keys are scoped to the API key, so two Open311 clients can never replay each other's requests.
    const scopedKey = key ? `open311:${(await sha256Hex(apiKey!)).slice(0, 16)}:${key}` : undefined;
    const submit = async (): Promise<Body> => {
      try {
        const receipt = await backend.submitGrievance(input, { ...ctx, idempotencyKey: scopedKey });
        const keep = messages.keep[locale].replace('{tracking}', receipt.trackingCode).replace('{access}', receipt.accessCode);
        const notice = locale === 'en' ? `${messages.received.en}. ${keep}.` : `${messages.received[locale]}。${keep}。`;
        const created = {
          service_request_id: receipt.id,
          service_notice: notice,
          account_id: null,
          // Extension: the Linli tracking code and 查询码, for clients that hand them to the resident.
          tracking_code: receipt.trackingCode,
          access_code: receipt.accessCode,
        };
        return { json: [created], xml: ['service_requests', { request: [created] }] };
      } catch (err) {
        throw toFailure(err, locale, service);
      }
    };
    if (!scopedKey) return submit();
    // Concurrent retries with one key share the first attempt, whatever the backend does.
    const running = inflight.get(scopedKey);
    if (running) return running;
    const attempt = submit().finally(() => inflight.delete(scopedKey));
    inflight.set(scopedKey, attempt);
    return attempt;
  }

  async function readForm(c: Context): Promise<FormFields> {
    const type = c.req.header('content-type') ?? '';
    if (type.includes('multipart/form-data')) return formFields((await c.req.raw.formData()).entries());
    return formFields(new URLSearchParams(await c.req.text()).entries());
  }

  // ── routes ──────────────────────────────────────────────────────────────

  app.get('/:file', async (c) => {
    const file = splitFormat(c.req.param('file'));
    if (!file) return notFound(c);
    switch (file.name) {
      case 'discovery':
        return run(c, file.format, (locale) => discovery(c, locale));
      case 'services':
        return run(c, file.format, async (locale) => {
          checkJurisdiction(c.req.query('jurisdiction_id'), locale);
          const services = (await allServices(options.backendFor(), ctxOf(c, locale))).map((s) => toOpen311Service(s, locale));
          return { json: services, xml: ['services', list('service', services.map(serviceXml))] };
        });
      case 'requests':
        return run(c, file.format, (locale) => listRequests(c, locale));
      default:
        return notFound(c, file.format);
    }
  });

  app.post(
    '/:file',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 64 * 1024,
      onError: (c) => respondErrors(c, splitFormat(c.req.param('file') ?? '')?.format ?? 'xml', Open311Failure.of(400, messages.tooLarge[localeOf(c)])),
    }),
    async (c) => {
      const file = splitFormat(c.req.param('file'));
      if (!file || file.name !== 'requests') return notFound(c, file?.format);
      return run(c, file.format, (locale) => createRequest(c, locale));
    },
  );

  app.get('/services/:file', async (c) => {
    const file = splitFormat(c.req.param('file'));
    if (!file) return notFound(c);
    return run(c, file.format, async (locale) => {
      checkJurisdiction(c.req.query('jurisdiction_id'), locale);
      const service = await publishedService(options.backendFor(), file.name, ctxOf(c, locale), locale);
      const definition = toOpen311Definition(service, locale);
      return { json: definition, xml: ['service_definition', definitionXml(definition)] };
    });
  });

  app.get('/requests/:file', async (c) => {
    const file = splitFormat(c.req.param('file'));
    if (!file) return notFound(c);
    return run(c, file.format, async (locale) => {
      checkJurisdiction(c.req.query('jurisdiction_id'), locale);
      const backend = options.backendFor(readActor);
      const ctx = ctxOf(c, locale);
      if (!backend.getGrievance) throw Open311Failure.of(500, messages.cannotList[locale]);
      const g = await backend.getGrievance(file.name, ctx).catch((err: unknown) => {
        if (LinliError.is(err) && err.code === 'not_found') throw Open311Failure.of(404, `${messages.request[locale]}: ${file.name}`);
        throw err;
      });
      return requestsBody(await renderRequests(backend, [g], ctx, locale, present(c.req.query('extensions')) === 'true'));
    });
  });

  app.get('/tokens/:file', async (c) => {
    const file = splitFormat(c.req.param('file'));
    if (!file) return notFound(c);
    return run(c, file.format, async (locale) => {
      throw Open311Failure.of(404, messages.token[locale]);
    });
  });

  function notFound(c: Context, format: Format = 'xml'): Response {
    return respondErrors(c, format, Open311Failure.of(404, messages.notFound[localeOf(c)]));
  }

  app.all('*', (c) => notFound(c, /\.json$/i.test(new URL(c.req.url).pathname) ? 'json' : 'xml'));

  return app;
}
