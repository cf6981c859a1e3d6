import { grievanceQuery, parseInput } from '@linli/sdk';
import { residentActionRequest, trackRequest, need, type RouteDef } from './types.js';

/** Grievances: resident intake and tracking, the staff 民情流水线. */
export const grievanceRoutes: readonly RouteDef[] = [
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
];
