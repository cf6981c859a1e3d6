import * as z from 'zod/mini';
import { IllegalTransitionError, AuthError, ValidationError } from '../errors/errors.js';
import { grievanceStatuses, type Actor, type ActorRole, type Grievance, type GrievanceStatus, type TimelineEntry } from '../schemas/grievance.js';

/** Every action of the 民情流水线 (SPEC §3.1). */
export const grievanceActions = [
  'submit',
  'accept', // 受理
  'reject', // 不予受理 (needs a reason)
  'assign', // 派单
  'start',
  'request_info',
  'reply',
  'resolve', // 办结 (needs a result note)
  'evaluate', // rated good, or bad without 整改 → closed
  'evaluate_bad', // rated bad → 整改
  'rectify', // 整改 done → 回访
  'revisit', // 回访 done → closed
  'expire_evaluation', // nobody rated within the window → closed (未评价)
  'dispute', // the reporter disputes the result
  'reopen', // staff take a disputed case back
  'dismiss_dispute', // staff keep it closed
  'mark_duplicate',
  'refer',
  'cancel',
] as const;
export type GrievanceAction = (typeof grievanceActions)[number];

/** States that Open311 calls `open`. The rest are `closed`. */
export const openStatuses = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'awaiting_reporter',
  'rectifying',
  'revisiting',
  'reopen_requested',
] as const satisfies readonly GrievanceStatus[];
export const terminalStatuses = ['closed', 'rejected', 'duplicate', 'referred', 'cancelled'] as const satisfies readonly GrievanceStatus[];

export interface TransitionRule {
  action: GrievanceAction;
  from: readonly GrievanceStatus[];
  to: GrievanceStatus;
  roles: readonly ActorRole[];
  /** Fields of the command that must be present. */
  requires?: readonly ('note' | 'assignee' | 'duplicateOf' | 'referredTo')[];
  /** Whether the timeline entry is shown to the resident. */
  visibility: 'public' | 'internal';
}

const STAFF = ['staff', 'admin'] as const;

/** The workflow as data: the server, the memory adapter and the tests all read this one table. */
export const grievanceTransitions: readonly TransitionRule[] = [
  { action: 'accept', from: ['submitted'], to: 'accepted', roles: STAFF, visibility: 'public' },
  { action: 'reject', from: ['submitted'], to: 'rejected', roles: STAFF, requires: ['note'], visibility: 'public' },
  { action: 'assign', from: ['accepted', 'assigned', 'in_progress'], to: 'assigned', roles: STAFF, requires: ['assignee'], visibility: 'public' },
  { action: 'start', from: ['assigned'], to: 'in_progress', roles: STAFF, visibility: 'public' },
  { action: 'request_info', from: ['in_progress'], to: 'awaiting_reporter', roles: STAFF, requires: ['note'], visibility: 'public' },
  { action: 'reply', from: ['awaiting_reporter'], to: 'in_progress', roles: ['resident', ...STAFF], requires: ['note'], visibility: 'public' },
  { action: 'resolve', from: ['in_progress'], to: 'resolved', roles: STAFF, requires: ['note'], visibility: 'public' },
  { action: 'evaluate', from: ['resolved'], to: 'closed', roles: ['system'], visibility: 'public' },
  { action: 'evaluate_bad', from: ['resolved'], to: 'rectifying', roles: ['system'], visibility: 'public' },
  { action: 'rectify', from: ['rectifying'], to: 'revisiting', roles: STAFF, requires: ['note'], visibility: 'public' },
  { action: 'revisit', from: ['revisiting'], to: 'closed', roles: STAFF, requires: ['note'], visibility: 'public' },
  { action: 'expire_evaluation', from: ['resolved'], to: 'closed', roles: ['system'], visibility: 'public' },
  { action: 'dispute', from: ['resolved'], to: 'reopen_requested', roles: ['resident'], requires: ['note'], visibility: 'public' },
  { action: 'reopen', from: ['reopen_requested'], to: 'in_progress', roles: STAFF, requires: ['note'], visibility: 'public' },
  { action: 'dismiss_dispute', from: ['reopen_requested'], to: 'closed', roles: STAFF, requires: ['note'], visibility: 'public' },
  { action: 'mark_duplicate', from: openStatuses, to: 'duplicate', roles: STAFF, requires: ['duplicateOf'], visibility: 'public' },
  { action: 'refer', from: openStatuses, to: 'referred', roles: STAFF, requires: ['referredTo'], visibility: 'public' },
  { action: 'cancel', from: openStatuses, to: 'cancelled', roles: ['resident', ...STAFF], visibility: 'public' },
];

/** Actions a staff member may send through `client.grievances.transition()`. */
export const staffActions = ['accept', 'reject', 'assign', 'start', 'request_info', 'reply', 'resolve', 'reopen', 'dismiss_dispute', 'mark_duplicate', 'refer', 'cancel'] as const;
/** Actions a resident may send with the tracking + access code. */
export const residentActions = ['reply', 'dispute', 'cancel'] as const;

export const transitionCommand = z.object({
  action: z.enum(grievanceActions),
  /** Every transition carries a note; the server fills a standard one when the caller gives none. */
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  assignee: z.optional(
    z.object({ id: z.string().check(z.minLength(1), z.maxLength(80)), name: z.string().check(z.minLength(1), z.maxLength(80)) }),
  ),
  duplicateOf: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  referredTo: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  /** Internal notes are hidden from the resident's timeline. */
  internal: z.optional(z.boolean()),
});
export type TransitionCommand = z.input<typeof transitionCommand>;

export const isOpen = (s: GrievanceStatus) => (openStatuses as readonly string[]).includes(s);
export const isTerminal = (s: GrievanceStatus) => (terminalStatuses as readonly string[]).includes(s);

/** Projects a Linli status onto Open311's two. `resolved` is closed: the work is done, the rating may follow. */
export function toOpen311Status(s: GrievanceStatus): 'open' | 'closed' {
  return isOpen(s) ? 'open' : 'closed';
}

export function ruleFor(action: GrievanceAction, from: GrievanceStatus): TransitionRule | undefined {
  return grievanceTransitions.find((r) => r.action === action && r.from.includes(from));
}

/** Actions available from a status to a role — what a UI should offer. */
export function availableActions(status: GrievanceStatus, role: ActorRole): GrievanceAction[] {
  return grievanceTransitions.filter((r) => r.from.includes(status) && r.roles.includes(role)).map((r) => r.action);
}

export type TransitionCheck = { ok: true; rule: TransitionRule } | { ok: false; error: IllegalTransitionError | AuthError | ValidationError };

/** Checks a command against the table and its guards without changing anything. */
export function check(g: Pick<Grievance, 'status' | 'id'>, command: TransitionCommand, actor: Actor): TransitionCheck {
  const action = command.action;
  const rule = ruleFor(action, g.status);
  if (!rule) {
    const anywhere = grievanceTransitions.some((r) => r.action === action);
    return {
      ok: false,
      error: new IllegalTransitionError(
        anywhere ? `Cannot ${action} a grievance that is ${g.status}.` : `Unknown action "${action}".`,
        g.status,
        action,
      ),
    };
  }
  if (!rule.roles.includes(actor.role)) {
    return { ok: false, error: new AuthError('forbidden', `A ${actor.role} may not ${action} a grievance.`) };
  }
  for (const field of rule.requires ?? []) {
    const v = field === 'note' ? command.note?.trim() : command[field];
    if (!v) {
      return {
        ok: false,
        error: new ValidationError(`${action} needs ${field === 'note' ? 'a note' : `"${field}"`}.`, [
          { path: field, message: `${field} is required to ${action}`, code: 'required' },
        ]),
      };
    }
  }
  if (action === 'mark_duplicate' && command.duplicateOf === g.id) {
    return {
      ok: false,
      error: new ValidationError('A grievance cannot duplicate itself.', [{ path: 'duplicateOf', message: 'must be another grievance', code: 'custom' }]),
    };
  }
  return { ok: true, rule };
}

export function can(g: Pick<Grievance, 'status' | 'id'>, command: TransitionCommand, actor: Actor): boolean {
  return check(g, command, actor).ok;
}

export interface ApplyContext {
  actor: Actor;
  now: string;
  /** Creates ids for timeline entries; injected so the core stays pure and deterministic in tests. */
  newId: () => string;
}

/** Standard notes, used when a caller gives none, so no timeline entry is blank. */
const defaultNotes: Partial<Record<GrievanceAction, string>> = {
  accept: '已受理',
  start: '开始办理',
  assign: '已派单',
  evaluate: '已评价，办结归档',
  evaluate_bad: '收到差评，进入整改',
  expire_evaluation: '评价期满未评价，自动归档',
  cancel: '已撤回',
};

/**
 * Applies a transition and returns a new grievance; the input is never mutated and the timeline only
 * ever grows. Throws the typed error from `check` when the transition is illegal.
 */
export function apply(g: Grievance, command: TransitionCommand, ctx: ApplyContext): Grievance {
  const result = check(g, command, ctx.actor);
  if (!result.ok) throw result.error;
  const { rule } = result;
  const entry: TimelineEntry = {
    id: ctx.newId(),
    at: ctx.now,
    actor: ctx.actor,
    action: rule.action,
    from: g.status,
    to: rule.to,
    note: command.note?.trim() || defaultNotes[rule.action] || rule.action,
    visibility: command.internal ? 'internal' : rule.visibility,
  };
  const next: Grievance = { ...g, status: rule.to, updatedAt: ctx.now, timeline: [...g.timeline, entry] };
  if (command.assignee) next.assignee = { ...command.assignee };
  if (rule.action === 'mark_duplicate') next.duplicateOf = command.duplicateOf;
  if (rule.action === 'refer') next.referredTo = command.referredTo;
  if (rule.action === 'resolve') {
    next.resolution = entry.note;
    next.resolvedAt = ctx.now;
  }
  if (rule.action === 'reopen') {
    next.resolvedAt = undefined;
    next.resolution = undefined;
  }
  if (isTerminal(rule.to)) next.closedAt = ctx.now;
  return next;
}

/** The first timeline entry, written when a grievance is created. */
export function submissionEntry(ctx: ApplyContext, note = '已提交'): TimelineEntry {
  return { id: ctx.newId(), at: ctx.now, actor: ctx.actor, action: 'submit', from: null, to: 'submitted', note, visibility: 'public' };
}

/** Is a resolved grievance past its evaluation window and ready to close as 未评价? */
export function evaluationWindowExpired(g: Pick<Grievance, 'status' | 'resolvedAt'>, windowEndsAt: string | undefined, now: string): boolean {
  return g.status === 'resolved' && !!windowEndsAt && Date.parse(now) > Date.parse(windowEndsAt);
}

export { grievanceStatuses };
