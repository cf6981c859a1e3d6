import { orgUnitQuery } from '@linli/sdk';
import { need, type RouteDef } from './types.js';

/** The org-unit tree. */
export const orgUnitRoutes: readonly RouteDef[] = [
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
];
