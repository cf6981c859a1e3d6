import { UnsupportedError } from '../../errors/errors.js';
import { grievance, grievanceInput, grievanceQuery, grievanceReceipt, publicGrievance, type GrievanceInput, type GrievanceQuery } from '../../schemas/grievance.js';
import { residentActions, transitionCommand, type TransitionCommand } from '../../workflow/grievance-workflow.js';
import { newKey, type ClientKit, type RequestOptions } from '../kit.js';

/** Grievances (民情): residents submit, track and act by code; staff list and move them through the 民情流水线. */
export const grievancesResource = (k: ClientKit) => ({
  /** Files a grievance. An idempotency key is generated when none is given and reused on retries. */
  submit: async (data: GrievanceInput, o: RequestOptions = {}) => {
    const parsed = k.input(grievanceInput, data, 'grievance');
    const receipt = await k.need('grievanceSubmit', 'submitGrievance')(parsed, k.ctx(o, { idempotencyKey: newKey() }));
    return k.output(grievanceReceipt, receipt, 'grievance receipt');
  },
  /** A resident's view of their grievance: needs the tracking code and the access code (查询码). */
  track: async (trackingCode: string, accessCode: string, o?: RequestOptions) =>
    k.output(
      publicGrievance,
      await k.need('grievanceTrack', 'trackGrievance')(k.code(trackingCode, 'tracking code'), k.code(accessCode, 'access code'), k.ctx(o)),
      'grievance',
    ),
  /** Resident actions (reply, dispute, cancel) authorised by the access code. */
  act: async (trackingCode: string, accessCode: string, command: TransitionCommand, o?: RequestOptions) => {
    const parsed = k.input(transitionCommand, command, 'action');
    if (!(residentActions as readonly string[]).includes(parsed.action)) {
      throw new UnsupportedError(`Residents cannot ${parsed.action} a grievance.`, 'residentActions');
    }
    return k.output(
      publicGrievance,
      await k.need('residentActions', 'residentAction')(k.code(trackingCode, 'tracking code'), k.code(accessCode, 'access code'), parsed, k.ctx(o)),
      'grievance',
    );
  },
  get: async (grievanceId: string, o?: RequestOptions) =>
    k.output(grievance, await k.need('staff', 'getGrievance')(k.code(grievanceId, 'grievance id'), k.ctx(o)), 'grievance'),
  list: async (query: GrievanceQuery = {}, o?: RequestOptions) =>
    k.pager(grievance, 'grievance', (q, c) => k.need('staff', 'listGrievances')(q, c))(k.input(grievanceQuery, query, 'grievance query'), o),
  /** Staff move a grievance through the 民情流水线; illegal moves throw `IllegalTransitionError`. */
  transition: async (grievanceId: string, command: TransitionCommand, o?: RequestOptions) =>
    k.output(
      grievance,
      await k.need('staff', 'transitionGrievance')(k.code(grievanceId, 'grievance id'), k.input(transitionCommand, command, 'transition'), k.ctx(o)),
      'grievance',
    ),
});
