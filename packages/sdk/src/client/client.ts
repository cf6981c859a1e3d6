import type * as z from 'zod/mini';
import type { Capabilities, Capability, LinliAdapter, Outbox, RequestContext } from '../adapter/adapter.js';
import { AbortedError, UnsupportedError } from '../errors/errors.js';
import { parseInput, parseResponse } from '../i18n/validation.js';
import { defaultLocale, id as idSchema, pageData, type Locale, type PageData } from '../schemas/common.js';
import { evaluation, evaluationInput, evaluationQuery, evaluationSummary, summaryQuery, type EvaluationInput, type EvaluationQuery, type SummaryQuery } from '../schemas/evaluation.js';
import { grievance, grievanceInput, grievanceQuery, grievanceReceipt, publicGrievance, type GrievanceInput, type GrievanceQuery } from '../schemas/grievance.js';
import { notice, noticeQuery, type NoticeQuery } from '../schemas/notice.js';
import { orgUnit, orgUnitQuery, type OrgUnitQuery } from '../schemas/org-unit.js';
import { rectification, rectificationCommand, rectificationQuery, type RectificationCommand, type RectificationQuery } from '../schemas/rectification.js';
import { resident, residentQuery, type ResidentQuery } from '../schemas/resident.js';
import { service, serviceQuery, type ServiceQuery } from '../schemas/service.js';
import { residentActions, transitionCommand, type TransitionCommand } from '../workflow/grievance-workflow.js';
import { Page } from './page.js';

/** Options accepted by every call. */
export type RequestOptions = RequestContext;

export interface ClientOptions {
  adapter: LinliAdapter;
  /** Locale for validation messages (zh-CN by default). */
  locale?: Locale;
  /** Defaults applied to every call; per-call options win. */
  timeout?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

const newKey = () => globalThis.crypto.randomUUID();

/** Creates the typed client. Components and apps only ever talk to this, never to an adapter. */
export function createClient(options: ClientOptions) {
  const { adapter } = options;
  let locale = options.locale ?? defaultLocale;

  const ctx = (o: RequestOptions = {}, defaults: RequestOptions = {}): RequestContext => {
    if (o.signal?.aborted) throw new AbortedError();
    // `{ timeout: undefined }` must not erase a default, so only defined options override.
    const given = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as RequestOptions;
    return {
      timeout: options.timeout ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
      locale,
      ...defaults,
      ...given,
      headers: { ...options.headers, ...o.headers },
    };
  };
  const input = <S extends z.core.$ZodType>(schema: S, data: unknown, what: string) => parseInput(schema, data, what, locale);

  function need<K extends keyof LinliAdapter>(capability: Capability, method: K): NonNullable<LinliAdapter[K]> {
    const fn = adapter[method];
    if (!adapter.capabilities[capability] || typeof fn !== 'function') {
      throw new UnsupportedError(`The ${adapter.name} backend does not support ${capability}.`, capability);
    }
    return (fn as (...a: unknown[]) => unknown).bind(adapter) as NonNullable<LinliAdapter[K]>;
  }

  function pager<Q extends object, T extends z.core.$ZodType>(
    item: T,
    what: string,
    fetch: (query: Q, c: RequestContext) => Promise<PageData<unknown>>,
  ) {
    const schema = pageData(item);
    const load = async (query: Q, o?: RequestOptions): Promise<Page<z.output<T>>> => {
      const data = parseResponse(schema, await fetch(query, ctx(o)), `${what} page`) as PageData<z.output<T>>;
      return new Page(data, (cursor) => load({ ...query, cursor }, o));
    };
    return load;
  }

  const code = (value: string, what: string) => input(idSchema, value, what);

  return {
    adapter,
    get capabilities(): Capabilities {
      return adapter.capabilities;
    },
    supports: (capability: Capability) => adapter.capabilities[capability] === true,
    /** The backend's clock when it has a readable one, else this machine's. */
    now: (): Date => adapter.now?.() ?? new Date(),
    /** The adapter's offline outbox, where it has one. */
    get outbox(): Outbox | undefined {
      return adapter.outbox;
    },
    get locale() {
      return locale;
    },
    setLocale(next: Locale) {
      locale = next;
    },

    services: {
      list: async (query: ServiceQuery = {}, o?: RequestOptions) =>
        pager(service, 'service', (q, c) => need('services', 'listServices')(q, c))(input(serviceQuery, query, 'service query'), o),
      get: async (serviceCode: string, o?: RequestOptions) =>
        parseResponse(service, await need('services', 'getService')(code(serviceCode, 'service code'), ctx(o)), 'service'),
    },

    grievances: {
      /** Files a grievance. An idempotency key is generated when none is given and reused on retries. */
      submit: async (data: GrievanceInput, o: RequestOptions = {}) => {
        const parsed = input(grievanceInput, data, 'grievance');
        const receipt = await need('grievanceSubmit', 'submitGrievance')(parsed, ctx(o, { idempotencyKey: newKey() }));
        return parseResponse(grievanceReceipt, receipt, 'grievance receipt');
      },
      /** A resident's view of their grievance: needs the tracking code and the access code (查询码). */
      track: async (trackingCode: string, accessCode: string, o?: RequestOptions) =>
        parseResponse(
          publicGrievance,
          await need('grievanceTrack', 'trackGrievance')(code(trackingCode, 'tracking code'), code(accessCode, 'access code'), ctx(o)),
          'grievance',
        ),
      /** Resident actions (reply, dispute, cancel) authorised by the access code. */
      act: async (trackingCode: string, accessCode: string, command: TransitionCommand, o?: RequestOptions) => {
        const parsed = input(transitionCommand, command, 'action');
        if (!(residentActions as readonly string[]).includes(parsed.action)) {
          throw new UnsupportedError(`Residents cannot ${parsed.action} a grievance.`, 'residentActions');
        }
        return parseResponse(
          publicGrievance,
          await need('residentActions', 'residentAction')(code(trackingCode, 'tracking code'), code(accessCode, 'access code'), parsed, ctx(o)),
          'grievance',
        );
      },
      get: async (grievanceId: string, o?: RequestOptions) =>
        parseResponse(grievance, await need('staff', 'getGrievance')(code(grievanceId, 'grievance id'), ctx(o)), 'grievance'),
      list: async (query: GrievanceQuery = {}, o?: RequestOptions) =>
        pager(grievance, 'grievance', (q, c) => need('staff', 'listGrievances')(q, c))(input(grievanceQuery, query, 'grievance query'), o),
      /** Staff move a grievance through the 民情流水线; illegal moves throw `IllegalTransitionError`. */
      transition: async (grievanceId: string, command: TransitionCommand, o?: RequestOptions) =>
        parseResponse(
          grievance,
          await need('staff', 'transitionGrievance')(code(grievanceId, 'grievance id'), input(transitionCommand, command, 'transition'), ctx(o)),
          'grievance',
        ),
    },

    evaluations: {
      /** Submits a 好差评 rating; one per matter. An idempotency key is generated when none is given. */
      submit: async (data: EvaluationInput, o: RequestOptions = {}) => {
        const parsed = input(evaluationInput, data, 'evaluation');
        return parseResponse(evaluation, await need('evaluations', 'submitEvaluation')(parsed, ctx(o, { idempotencyKey: newKey() })), 'evaluation');
      },
      list: async (query: EvaluationQuery = {}, o?: RequestOptions) =>
        pager(evaluation, 'evaluation', (q, c) => need('evaluations', 'listEvaluations')(q, c))(input(evaluationQuery, query, 'evaluation query'), o),
      summary: async (query: SummaryQuery = {}, o?: RequestOptions) =>
        parseResponse(evaluationSummary, await need('summary', 'summarizeEvaluations')(input(summaryQuery, query, 'summary query'), ctx(o)), 'summary'),
    },

    rectifications: {
      list: async (query: RectificationQuery = {}, o?: RequestOptions) =>
        pager(rectification, 'rectification', (q, c) => need('staff', 'listRectifications')(q, c))(input(rectificationQuery, query, 'rectification query'), o),
      get: async (rectificationId: string, o?: RequestOptions) =>
        parseResponse(rectification, await need('staff', 'getRectification')(code(rectificationId, 'rectification id'), ctx(o)), 'rectification'),
      /** 整改 (`rectify`) then 回访 (`revisit`). */
      act: async (rectificationId: string, command: RectificationCommand, o?: RequestOptions) =>
        parseResponse(
          rectification,
          await need('staff', 'actOnRectification')(code(rectificationId, 'rectification id'), input(rectificationCommand, command, 'rectification action'), ctx(o)),
          'rectification',
        ),
    },

    notices: {
      list: async (query: NoticeQuery = {}, o?: RequestOptions) =>
        pager(notice, 'notice', (q, c) => need('notices', 'listNotices')(q, c))(input(noticeQuery, query, 'notice query'), o),
      get: async (noticeId: string, o?: RequestOptions) => parseResponse(notice, await need('notices', 'getNotice')(code(noticeId, 'notice id'), ctx(o)), 'notice'),
    },

    orgUnits: {
      list: async (query: OrgUnitQuery = {}, o?: RequestOptions) =>
        pager(orgUnit, 'org unit', (q, c) => need('orgUnits', 'listOrgUnits')(q, c))(input(orgUnitQuery, query, 'org unit query'), o),
      get: async (orgUnitId: string, o?: RequestOptions) => parseResponse(orgUnit, await need('orgUnits', 'getOrgUnit')(code(orgUnitId, 'org unit id'), ctx(o)), 'org unit'),
    },

    residents: {
      list: async (query: ResidentQuery = {}, o?: RequestOptions) =>
        pager(resident, 'resident', (q, c) => need('residents', 'listResidents')(q, c))(input(residentQuery, query, 'resident query'), o),
      get: async (residentId: string, o?: RequestOptions) => parseResponse(resident, await need('residents', 'getResident')(code(residentId, 'resident id'), ctx(o)), 'resident'),
    },
  };
}

export type LinliClient = ReturnType<typeof createClient>;
