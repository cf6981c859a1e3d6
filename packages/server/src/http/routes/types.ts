import { UnsupportedError, id, transitionCommand, type Capability, type LinliAdapter, type WireSchemaName } from '@linli/sdk';
import * as z from 'zod';
import type { ServerRequestContext } from '../../backend/idempotency.js';
import type { Db } from '../../db/db.js';

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
export function need<K extends keyof LinliAdapter>(adapter: LinliAdapter, method: K, capability: Capability): NonNullable<LinliAdapter[K]> {
  const fn = adapter[method];
  if (typeof fn !== 'function' || !adapter.capabilities[capability]) throw new UnsupportedError(`This backend does not support ${capability}.`, capability);
  return (fn as (...a: unknown[]) => unknown).bind(adapter) as NonNullable<LinliAdapter[K]>;
}

