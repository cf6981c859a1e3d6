import {
  NotFoundError,
  UnsupportedError,
  evaluationQuery,
  grievanceQuery,
  id,
  noticeQuery,
  orgUnitQuery,
  parseInput,
  rectificationQuery,
  residentQuery,
  serviceQuery,
  summaryQuery,
  transitionCommand,
  type Capability,
  type LinliAdapter,
  type WireSchemaName,
} from '@linli/sdk';
import * as z from 'zod';
import type { ServerRequestContext } from '../backend/idempotency.js';
import type { Db } from '../db/db.js';

/** Body of `POST /grievances/track`: the codes travel in the body, never in a URL or a log line. */
export const trackRequest = z.object({ trackingCode: id, accessCode: id });
/** Body of `POST /grievances/track/actions`. */
export const residentActionRequest = trackRequest.extend({ command: transitionCommand });

/** Response and request shapes the OpenAPI document names: an SDK wire schema, a page of one, or a server-only schema. */
export type SchemaRef = { wire: WireSchemaName } | { page: WireSchemaName } | { server: 'Capabilities' | 'Health' | 'OpenApiDocument' | 'TrackRequest' | 'ResidentActionRequest' };

export interface Call {
  adapter: LinliAdapter;
  ctx: ServerRequestContext;
  params: Record<string, string>;
  /** The query string parsed by the route's `query` schema. */
  query: never;
  /** The JSON body, unparsed: the backend validates it (and so does it when called directly). */
  body: unknown;
  db: Db;
  openapi: () => object;
}

export interface RouteDef {
  method: 'get' | 'post';
  /** Hono path below `/api/v1`, e.g. `/grievances/:id/transitions`. */
  path: string;
  /** The adapter method this is the wire form of. */
  operationId: string;
  summary: string;
  tag: 'meta' | 'services' | 'grievances' | 'evaluations' | 'rectifications' | 'notices' | 'org-units' | 'residents';
  /** `staff` routes need a staff or admin bearer token. */
  access: 'public' | 'staff';
  /** Counted against the per-IP submission rate limit. */
  limited?: boolean;
  /**
   * Public catalogue data that changes rarely (no write API): anonymous responses are kept this many
   * seconds in the process and may be cached by browsers as long.
   */
  cacheSeconds?: number;
  /** Any zod 4 object schema: the SDK's query schemas are zod/mini, a server-only one may be classic. */
  query?: z.core.$ZodObject;
  body?: SchemaRef;
  response: { status: 200 | 201; schema: SchemaRef };
  run(call: Call): Promise<unknown>;
}

/** Calls an optional adapter method, or answers 501 when this backend lacks it. */
function need<K extends keyof LinliAdapter>(adapter: LinliAdapter, method: K, capability: Capability): NonNullable<LinliAdapter[K]> {
  const fn = adapter[method];
  if (typeof fn !== 'function' || !adapter.capabilities[capability]) throw new UnsupportedError(`This backend does not support ${capability}.`, capability);
  return (fn as (...a: unknown[]) => unknown).bind(adapter) as NonNullable<LinliAdapter[K]>;
}

/**
 * The REST protocol (docs/protocol.md) as data: the Hono routes, the OpenAPI document and the
 * route-coverage test are all generated from this one table.
 */
export const apiRoutes: readonly RouteDef[] = [
  {
    method: 'get',
    path: '/capabilities',
    operationId: 'capabilities',
    cacheSeconds: 60,
    summary: 'What this backend can do',
    tag: 'meta',
    access: 'public',
    response: { status: 200, schema: { server: 'Capabilities' } },
    run: async ({ adapter }) => adapter.capabilities,
  },
  {
    method: 'get',
    path: '/health',
    operationId: 'health',
    summary: 'Liveness and database reachability',
    tag: 'meta',
    access: 'public',
    response: { status: 200, schema: { server: 'Health' } },
    run: async ({ db }) => {
      await db.query('SELECT 1');
      return { ok: true, db: db.kind };
    },
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'openapi',
    summary: 'This document (OpenAPI 3.1)',
    tag: 'meta',
    access: 'public',
    response: { status: 200, schema: { server: 'OpenApiDocument' } },
    run: async ({ openapi }) => openapi(),
  },
  {
    method: 'get',
    path: '/services',
    operationId: 'listServices',
    cacheSeconds: 30,
    summary: 'Search the service catalogue (办事指南)',
    tag: 'services',
    access: 'public',
    query: serviceQuery,
    response: { status: 200, schema: { page: 'Service' } },
    run: ({ adapter, query, ctx }) => adapter.listServices(query, ctx),
  },
  {
    method: 'get',
    path: '/services/:code',
    operationId: 'getService',
    cacheSeconds: 30,
    summary: 'One service with its guide',
    tag: 'services',
    access: 'public',
    response: { status: 200, schema: { wire: 'Service' } },
    run: ({ adapter, params, ctx }) => adapter.getService(params.code!, ctx),
  },
  {
    method: 'post',
    path: '/grievances',
    operationId: 'submitGrievance',
    summary: 'Report a problem (民情反映); the receipt holds the tracking and access codes',
    tag: 'grievances',
    access: 'public',
    limited: true,
    body: { wire: 'GrievanceInput' },
    response: { status: 201, schema: { wire: 'GrievanceReceipt' } },
    run: ({ adapter, body, ctx }) => adapter.submitGrievance(body as never, ctx),
  },
  {
    method: 'post',
    path: '/grievances/track',
    operationId: 'trackGrievance',
    summary: "A resident's view of their grievance, by tracking code and access code",
    tag: 'grievances',
    access: 'public',
    limited: true,
    body: { server: 'TrackRequest' },
    response: { status: 200, schema: { wire: 'PublicGrievance' } },
    run: ({ adapter, body, ctx }) => {
      const { trackingCode, accessCode } = parseInput(trackRequest, body, 'track request', ctx.locale);
      return adapter.trackGrievance(trackingCode, accessCode, ctx);
    },
  },
  {
    method: 'post',
    path: '/grievances/track/actions',
    operationId: 'residentAction',
    summary: 'Reply, dispute or cancel, authorised by the access code',
    tag: 'grievances',
    access: 'public',
    limited: true,
    body: { server: 'ResidentActionRequest' },
    response: { status: 200, schema: { wire: 'PublicGrievance' } },
    run: ({ adapter, body, ctx }) => {
      const { trackingCode, accessCode, command } = parseInput(residentActionRequest, body, 'resident action', ctx.locale);
      return need(adapter, 'residentAction', 'residentActions')(trackingCode, accessCode, command, ctx);
    },
  },
  {
    method: 'get',
    path: '/grievances',
    operationId: 'listGrievances',
    summary: 'All grievances, with contact details (staff)',
    tag: 'grievances',
    access: 'staff',
    query: grievanceQuery,
    response: { status: 200, schema: { page: 'Grievance' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'listGrievances', 'staff')(query, ctx),
  },
  {
    method: 'get',
    path: '/grievances/:id',
    operationId: 'getGrievance',
    summary: 'One grievance, with contact details and internal notes (staff)',
    tag: 'grievances',
    access: 'staff',
    response: { status: 200, schema: { wire: 'Grievance' } },
    run: ({ adapter, params, ctx }) => need(adapter, 'getGrievance', 'staff')(params.id!, ctx),
  },
  {
    method: 'post',
    path: '/grievances/:id/transitions',
    operationId: 'transitionGrievance',
    summary: 'Move a grievance through the 民情流水线 (accept, assign, resolve …)',
    tag: 'grievances',
    access: 'staff',
    body: { wire: 'TransitionCommand' },
    response: { status: 200, schema: { wire: 'Grievance' } },
    run: ({ adapter, params, body, ctx }) => need(adapter, 'transitionGrievance', 'staff')(params.id!, body as never, ctx),
  },
  {
    method: 'post',
    path: '/evaluations',
    operationId: 'submitEvaluation',
    summary: 'Rate a matter (好差评); grievance targets need the access code',
    tag: 'evaluations',
    access: 'public',
    limited: true,
    body: { wire: 'EvaluationInput' },
    response: { status: 201, schema: { wire: 'Evaluation' } },
    run: ({ adapter, body, ctx }) => need(adapter, 'submitEvaluation', 'evaluations')(body as never, ctx),
  },
  {
    method: 'get',
    path: '/evaluations',
    operationId: 'listEvaluations',
    summary: 'Ratings (the rater only for staff)',
    tag: 'evaluations',
    access: 'public',
    query: evaluationQuery,
    response: { status: 200, schema: { page: 'Evaluation' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'listEvaluations', 'evaluations')(query, ctx),
  },
  {
    method: 'get',
    path: '/evaluations/summary',
    operationId: 'summarizeEvaluations',
    summary: '好评率, 差评率, 整改率, 回访率 … computed from the data',
    tag: 'evaluations',
    access: 'public',
    query: summaryQuery,
    response: { status: 200, schema: { wire: 'EvaluationSummary' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'summarizeEvaluations', 'summary')(query, ctx),
  },
  {
    method: 'get',
    path: '/rectifications',
    operationId: 'listRectifications',
    summary: 'Rectifications (整改) opened by bad ratings (staff)',
    tag: 'rectifications',
    access: 'staff',
    query: rectificationQuery,
    response: { status: 200, schema: { page: 'Rectification' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'listRectifications', 'staff')(query, ctx),
  },
  {
    method: 'get',
    path: '/rectifications/:id',
    operationId: 'getRectification',
    summary: 'One rectification (staff)',
    tag: 'rectifications',
    access: 'staff',
    response: { status: 200, schema: { wire: 'Rectification' } },
    run: ({ adapter, params, ctx }) => need(adapter, 'getRectification', 'staff')(params.id!, ctx),
  },
  {
    method: 'post',
    path: '/rectifications/:id/actions',
    operationId: 'actOnRectification',
    summary: 'Record the fix (整改), then the call-back (回访) (staff)',
    tag: 'rectifications',
    access: 'staff',
    body: { wire: 'RectificationCommand' },
    response: { status: 200, schema: { wire: 'Rectification' } },
    run: ({ adapter, params, body, ctx }) => need(adapter, 'actOnRectification', 'staff')(params.id!, body as never, ctx),
  },
  {
    method: 'get',
    path: '/notices',
    operationId: 'listNotices',
    cacheSeconds: 10,
    summary: 'Published notices (居务公开), pinned first',
    tag: 'notices',
    access: 'public',
    query: noticeQuery,
    response: { status: 200, schema: { page: 'Notice' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'listNotices', 'notices')(query, ctx),
  },
  {
    method: 'get',
    path: '/notices/:id',
    operationId: 'getNotice',
    cacheSeconds: 10,
    summary: 'One notice',
    tag: 'notices',
    access: 'public',
    response: { status: 200, schema: { wire: 'Notice' } },
    run: ({ adapter, params, ctx }) => need(adapter, 'getNotice', 'notices')(params.id!, ctx),
  },
  {
    method: 'get',
    path: '/org-units',
    operationId: 'listOrgUnits',
    cacheSeconds: 60,
    summary: 'Districts, streets, communities, grids',
    tag: 'org-units',
    access: 'public',
    query: orgUnitQuery,
    response: { status: 200, schema: { page: 'OrgUnit' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'listOrgUnits', 'orgUnits')(query, ctx),
  },
  {
    method: 'get',
    path: '/org-units/:id',
    operationId: 'getOrgUnit',
    cacheSeconds: 60,
    summary: 'One org unit with its office',
    tag: 'org-units',
    access: 'public',
    response: { status: 200, schema: { wire: 'OrgUnit' } },
    run: ({ adapter, params, ctx }) => need(adapter, 'getOrgUnit', 'orgUnits')(params.id!, ctx),
  },
  {
    method: 'get',
    path: '/residents',
    operationId: 'listResidents',
    summary: 'The resident registry (PII, staff)',
    tag: 'residents',
    access: 'staff',
    query: residentQuery,
    response: { status: 200, schema: { page: 'Resident' } },
    run: ({ adapter, query, ctx }) => need(adapter, 'listResidents', 'residents')(query, ctx),
  },
  {
    method: 'get',
    path: '/residents/:id',
    operationId: 'getResident',
    summary: 'One resident (PII, staff)',
    tag: 'residents',
    access: 'staff',
    response: { status: 200, schema: { wire: 'Resident' } },
    run: ({ adapter, params, ctx }) => need(adapter, 'getResident', 'residents')(params.id!, ctx),
  },
];

/** 404 for an API path that is not in the table. */
export const unknownEndpoint = () => new NotFoundError('No such endpoint.');
