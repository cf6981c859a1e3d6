import type { PageData } from '../schemas/common.js';
import type { Locale } from '../schemas/common.js';
import type { Evaluation, EvaluationSummary } from '../schemas/evaluation.js';
import type { Grievance, GrievanceInputParsed, GrievanceReceipt, PublicGrievance } from '../schemas/grievance.js';
import type { Notice } from '../schemas/notice.js';
import type { OrgUnit } from '../schemas/org-unit.js';
import type { Rectification } from '../schemas/rectification.js';
import type { Household, Resident } from '../schemas/resident.js';
import type { Policy } from '../policy/policy.js';
import type { Service } from '../schemas/service.js';
import type * as z from 'zod/mini';
import type { evaluationInput, evaluationQuery, summaryQuery } from '../schemas/evaluation.js';
import type { grievanceQuery } from '../schemas/grievance.js';
import type { noticeQuery } from '../schemas/notice.js';
import type { orgUnitQuery } from '../schemas/org-unit.js';
import type { rectificationCommand, rectificationQuery } from '../schemas/rectification.js';
import type { residentQuery } from '../schemas/resident.js';
import type { serviceQuery } from '../schemas/service.js';
import type { transitionCommand } from '../workflow/grievance-workflow.js';

/** Per-call options every adapter receives. I/O adapters honour all of them; memory honours `signal`. */
export interface RequestContext {
  signal?: AbortSignal;
  /** Milliseconds for the whole call, retries included. */
  timeout?: number;
  maxRetries?: number;
  /** Same key → same result, never a duplicate. Reused across retries. */
  idempotencyKey?: string;
  headers?: Record<string, string>;
  locale?: Locale;
}

/** What a backend can do. Components hide what is false and say so, instead of failing. */
export interface Capabilities {
  services: boolean;
  grievanceSubmit: boolean;
  grievanceTrack: boolean;
  /** Reply / dispute / cancel by the resident with tracking + access code. */
  residentActions: boolean;
  /** Staff-only operations: list, get with PII, transition, rectifications, residents. */
  staff: boolean;
  media: boolean;
  evaluations: boolean;
  summary: boolean;
  notices: boolean;
  orgUnits: boolean;
  residents: boolean;
}
export type Capability = keyof Capabilities;

/** Everything the adapter contract offers (the memory adapter, the Linli server). */
export const allCapabilities: Capabilities = {
  services: true,
  grievanceSubmit: true,
  grievanceTrack: true,
  residentActions: true,
  staff: true,
  media: true,
  evaluations: true,
  summary: true,
  notices: true,
  orgUnits: true,
  residents: true,
};

export const noCapabilities: Capabilities = {
  services: false,
  grievanceSubmit: false,
  grievanceTrack: false,
  residentActions: false,
  staff: false,
  media: false,
  evaluations: false,
  summary: false,
  notices: false,
  orgUnits: false,
  residents: false,
};

export type ServiceQueryParsed = z.output<typeof serviceQuery>;
export type GrievanceQueryParsed = z.output<typeof grievanceQuery>;
export type EvaluationInputParsed = z.output<typeof evaluationInput>;
export type EvaluationQueryParsed = z.output<typeof evaluationQuery>;
export type SummaryQueryParsed = z.output<typeof summaryQuery>;
export type NoticeQueryParsed = z.output<typeof noticeQuery>;
export type OrgUnitQueryParsed = z.output<typeof orgUnitQuery>;
export type ResidentQueryParsed = z.output<typeof residentQuery>;
export type RectificationQueryParsed = z.output<typeof rectificationQuery>;
export type RectificationCommandParsed = z.output<typeof rectificationCommand>;
export type TransitionCommandParsed = z.output<typeof transitionCommand>;

/**
 * The one interface every backend implements (memory, REST, Open311, composites). It speaks domain
 * objects, not HTTP. Inputs arrive already validated by the client; outputs are validated by it.
 * Optional methods belong to optional capabilities; the client refuses them with `UnsupportedError`.
 */
export interface LinliAdapter {
  readonly name: string;
  readonly capabilities: Capabilities;
  /**
   * The backend's clock, where one can be read (memory backends: injected in tests and demos).
   * Components count working days and 公示 windows from it, so a backend with a set clock and the
   * page that shows its data agree on what "now" is.
   */
  now?(): Date;

  listServices(query: ServiceQueryParsed, ctx: RequestContext): Promise<PageData<Service>>;
  getService(code: string, ctx: RequestContext): Promise<Service>;

  submitGrievance(input: GrievanceInputParsed, ctx: RequestContext): Promise<GrievanceReceipt>;
  trackGrievance(trackingCode: string, accessCode: string, ctx: RequestContext): Promise<PublicGrievance>;
  residentAction?(trackingCode: string, accessCode: string, command: TransitionCommandParsed, ctx: RequestContext): Promise<PublicGrievance>;
  getGrievance?(id: string, ctx: RequestContext): Promise<Grievance>;
  listGrievances?(query: GrievanceQueryParsed, ctx: RequestContext): Promise<PageData<Grievance>>;
  transitionGrievance?(id: string, command: TransitionCommandParsed, ctx: RequestContext): Promise<Grievance>;

  submitEvaluation?(input: EvaluationInputParsed, ctx: RequestContext): Promise<Evaluation>;
  listEvaluations?(query: EvaluationQueryParsed, ctx: RequestContext): Promise<PageData<Evaluation>>;
  summarizeEvaluations?(query: SummaryQueryParsed, ctx: RequestContext): Promise<EvaluationSummary>;

  listRectifications?(query: RectificationQueryParsed, ctx: RequestContext): Promise<PageData<Rectification>>;
  getRectification?(id: string, ctx: RequestContext): Promise<Rectification>;
  actOnRectification?(id: string, command: RectificationCommandParsed, ctx: RequestContext): Promise<Rectification>;

  listNotices?(query: NoticeQueryParsed, ctx: RequestContext): Promise<PageData<Notice>>;
  getNotice?(id: string, ctx: RequestContext): Promise<Notice>;

  listOrgUnits?(query: OrgUnitQueryParsed, ctx: RequestContext): Promise<PageData<OrgUnit>>;
  getOrgUnit?(id: string, ctx: RequestContext): Promise<OrgUnit>;

  listResidents?(query: ResidentQueryParsed, ctx: RequestContext): Promise<PageData<Resident>>;
  getResident?(id: string, ctx: RequestContext): Promise<Resident>;

  /** Present on adapters that keep submissions through offline periods and reloads. */
  readonly outbox?: Outbox;
}

/** A submission kept for later delivery (offline, server unreachable). */
export interface OutboxItem {
  id: string;
  kind: 'grievance' | 'evaluation';
  idempotencyKey: string;
  createdAt: string;
  attempts: number;
  lastError?: string;
  /** The validated input, as it will be sent. */
  payload: unknown;
}

export type OutboxEvent =
  | { type: 'queued'; item: OutboxItem }
  | { type: 'delivered'; item: OutboxItem; result: GrievanceReceipt | Evaluation }
  | { type: 'failed'; item: OutboxItem; error: Error };

/** Adapters that keep submissions through offline periods expose their outbox here. */
export interface Outbox {
  pending(): Promise<OutboxItem[]>;
  /** Try to deliver everything now (also runs on `online` and on start). */
  flush(): Promise<void>;
  subscribe(listener: (event: OutboxEvent) => void): () => void;
}

/**
 * A whole community's data to start a backend from (e.g. `@linli/demo-data`). Access codes are plain
 * and are hashed on the way in; the plain codes never stay in a backend.
 */
export interface Dataset {
  orgUnits?: OrgUnit[];
  services?: Service[];
  notices?: Notice[];
  grievances?: Grievance[];
  evaluations?: Evaluation[];
  rectifications?: Rectification[];
  residents?: Resident[];
  households?: Household[];
  /** grievance id → plain access code (查询码). */
  accessCodes?: Record<string, string>;
  policy?: Policy;
}
