import { NotFoundError } from '@linli/sdk';
import { evaluationRoutes } from './evaluations.js';
import { grievanceRoutes } from './grievances.js';
import { metaRoutes } from './meta.js';
import { noticeRoutes } from './notices.js';
import { orgUnitRoutes } from './org-units.js';
import { rectificationRoutes } from './rectifications.js';
import { residentRoutes } from './residents.js';
import { serviceRoutes } from './services.js';
import type { RouteDef } from './types.js';

export { need, residentActionRequest, trackRequest, type Call, type RouteDef, type SchemaRef } from './types.js';

/**
 * The REST protocol (docs/protocol.md) as data: the Hono routes, the OpenAPI document and the
 * route-coverage test are all generated from this one table, one file per resource.
 */
export const apiRoutes: readonly RouteDef[] = [
  ...metaRoutes,
  ...serviceRoutes,
  ...grievanceRoutes,
  ...evaluationRoutes,
  ...rectificationRoutes,
  ...noticeRoutes,
  ...orgUnitRoutes,
  ...residentRoutes,
];

/** 404 for an API path that is not in the table. */
export const unknownEndpoint = () => new NotFoundError('No such endpoint.');
