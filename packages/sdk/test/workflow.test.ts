import { describe, expect, it } from 'vitest';
import {
  AuthError,
  IllegalTransitionError,
  LinliError,
  ValidationError,
  actorRoles,
  apply,
  availableActions,
  can,
  check,
  grievanceActions,
  grievanceStatuses,
  grievanceTransitions,
  isTerminal,
  ruleFor,
  terminalStatuses,
  toOpen311Status,
  toPublicGrievance,
  type ActorRole,
  type Grievance,
  type GrievanceAction,
  type GrievanceStatus,
  type TransitionCommand,
} from '../src/index.js';
import { deepFreeze, fullCommand, residentActor, sequentialIds, staffActor, submittedGrievance, systemActor } from './fixtures.js';

const NOW = '2026-11-18T02:00:00.000Z';
const ctxFor = (role: ActorRole) => ({ actor: { role }, now: NOW, newId: sequentialIds('x') });

/** A grievance in any status, with a plausible history, to feed one transition. */
function inStatus(status: GrievanceStatus): Grievance {
  const g = submittedGrievance();
  return { ...g, status, timeline: [...g.timeline] };
}

const legalPairs = new Set(grievanceTransitions.flatMap((r) => r.from.map((from) => `${r.action}|${from}`)));

function expectThrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to throw');
}

describe('transition table: every legal row', () => {
  const rows = grievanceTransitions.flatMap((rule) => rule.from.flatMap((from) => rule.roles.map((role) => ({ rule, from, role }))));

  it.each(rows.map((r) => [r.rule.action, r.from, r.role, r.rule.to, r] as const))('%s from %s by %s lands in %s', (_a, _f, _r, _t, { rule, from, role }) => {
    const g = inStatus(from);
    const next = apply(g, fullCommand(rule.action), ctxFor(role));
    expect(next.status).toBe(rule.to);
    const entry = next.timeline.at(-1)!;
    expect(entry).toMatchObject({ action: rule.action, from, to: rule.to, at: NOW, actor: { role } });
    expect(next.timeline).toHaveLength(g.timeline.length + 1);
    expect(check(g, fullCommand(rule.action), { role })).toEqual({ ok: true, rule });
    expect(can(g, fullCommand(rule.action), { role })).toBe(true);
  });

  it('covers every status except submitted as a destination, and every action but submit as a row', () => {
    const reachedStatuses = new Set(grievanceTransitions.map((r) => r.to));
    expect(grievanceStatuses.filter((s) => !reachedStatuses.has(s))).toEqual(['submitted']);
    expect(grievanceActions.filter((a) => !grievanceTransitions.some((r) => r.action === a))).toEqual(['submit']);
  });
});

describe('transition table: every (action, status) pair outside it', () => {
  const illegal = grievanceActions.flatMap((action) => grievanceStatuses.filter((s) => !legalPairs.has(`${action}|${s}`)).map((s) => [action, s] as const));

  it('includes the moves a careless UI would offer', () => {
    const pairs = illegal.map(([a, s]) => `${a}|${s}`);
    for (const p of ['accept|accepted', 'resolve|submitted', 'cancel|closed', 'evaluate|in_progress', 'revisit|rectifying', 'reopen|resolved']) {
      expect(pairs).toContain(p);
    }
  });

  it.each(illegal)('%s from %s throws IllegalTransitionError for every role', (action, status) => {
    const g = inStatus(status);
    for (const role of actorRoles) {
      const err = expectThrown(() => apply(g, fullCommand(action), ctxFor(role)));
      expect(err).toBeInstanceOf(IllegalTransitionError);
      expect(err).toMatchObject({ code: 'illegal_transition', from: status, action, status: 409 });
      expect(can(g, fullCommand(action), { role })).toBe(false);
    }
  });

  it('names an action that exists nowhere in the table as unknown', () => {
    const err = expectThrown(() => apply(inStatus('submitted'), { action: 'submit' }, ctxFor('staff')));
    expect(err).toBeInstanceOf(IllegalTransitionError);
    expect((err as Error).message).toMatch(/submit/);
  });
});

describe('role guards', () => {
  it('refuses a resident who tries to accept (受理) with AuthError forbidden', () => {
    const err = expectThrown(() => apply(submittedGrievance(), { action: 'accept' }, { ...ctxFor('resident'), actor: residentActor }));
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toMatchObject({ code: 'forbidden', status: 403 });
  });

  it.each(['evaluate', 'evaluate_bad', 'expire_evaluation'] as const)('refuses the system-only action %s to staff and admin', (action) => {
    for (const role of ['staff', 'admin', 'resident'] as const) {
      const err = expectThrown(() => apply(inStatus('resolved'), fullCommand(action), ctxFor(role)));
      expect(err).toBeInstanceOf(AuthError);
      expect((err as AuthError).code).toBe('forbidden');
    }
    expect(apply(inStatus('resolved'), fullCommand(action), ctxFor('system')).status).not.toBe('resolved');
  });

  it('lets only the reporter dispute a result, and never lets the system resolve', () => {
    expect(expectThrown(() => apply(inStatus('resolved'), fullCommand('dispute'), ctxFor('staff')))).toBeInstanceOf(AuthError);
    expect(expectThrown(() => apply(inStatus('in_progress'), fullCommand('resolve'), ctxFor('system')))).toBeInstanceOf(AuthError);
    expect(expectThrown(() => apply(inStatus('in_progress'), fullCommand('resolve'), ctxFor('resident')))).toBeInstanceOf(AuthError);
  });

  it('checks the table before the role: an illegal move by the wrong role is still illegal', () => {
    expect(expectThrown(() => apply(inStatus('closed'), fullCommand('accept'), ctxFor('resident')))).toBeInstanceOf(IllegalTransitionError);
  });
});

describe('required fields', () => {
  const cases: { name: string; status: GrievanceStatus; command: TransitionCommand; path: string }[] = [
    { name: 'reject (不予受理) without a note', status: 'submitted', command: { action: 'reject' }, path: 'note' },
    { name: 'reject with a blank note', status: 'submitted', command: { action: 'reject', note: '   ' }, path: 'note' },
    { name: 'resolve (办结) without a result note', status: 'in_progress', command: { action: 'resolve' }, path: 'note' },
    { name: 'assign (派单) without an assignee', status: 'accepted', command: { action: 'assign', note: '派给物业' }, path: 'assignee' },
    { name: 'mark_duplicate without duplicateOf', status: 'accepted', command: { action: 'mark_duplicate', note: '重复' }, path: 'duplicateOf' },
    { name: 'mark_duplicate pointing at itself', status: 'accepted', command: { action: 'mark_duplicate', duplicateOf: 'g-1' }, path: 'duplicateOf' },
    { name: 'refer without referredTo', status: 'in_progress', command: { action: 'refer', note: '转办' }, path: 'referredTo' },
  ];

  it.each(cases)('$name → ValidationError at "$path"', ({ status, command, path }) => {
    const g = inStatus(status);
    expect(g.id).toBe('g-1');
    const err = expectThrown(() => apply(g, command, { ...ctxFor('staff'), actor: staffActor }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.path)).toEqual([path]);
    expect((err as ValidationError).status).toBe(400);
  });

  it('fills a standard note where none is required, so no timeline entry is blank', () => {
    const next = apply(submittedGrievance(), { action: 'accept' }, ctxFor('staff'));
    expect(next.timeline.at(-1)!.note).toBe('已受理');
  });
});

describe('apply', () => {
  it('never mutates its input', () => {
    const g = deepFreeze(submittedGrievance());
    const before = structuredClone(g);
    const next = apply(g, { action: 'accept', note: '已受理，今天派单' }, ctxFor('staff'));
    expect(g).toEqual(before);
    expect(next).not.toBe(g);
    expect(next.timeline).not.toBe(g.timeline);
    expect(next.timeline.slice(0, g.timeline.length)).toEqual(g.timeline);
  });

  it('does not mutate the input even when the transition fails', () => {
    const g = deepFreeze(submittedGrievance());
    const before = structuredClone(g);
    expectThrown(() => apply(g, { action: 'resolve', note: 'x' }, ctxFor('staff')));
    expect(g).toEqual(before);
  });

  it.each(terminalStatuses.map((to) => [to] as const))('sets closedAt when a case lands in %s', (to) => {
    const rule = grievanceTransitions.find((r) => r.to === to)!;
    const next = apply(inStatus(rule.from[0]!), fullCommand(rule.action), ctxFor(rule.roles[0]!));
    expect(next.status).toBe(to);
    expect(next.closedAt).toBe(NOW);
  });

  it('does not set closedAt on a non-terminal state', () => {
    const next = apply(inStatus('in_progress'), fullCommand('resolve'), ctxFor('staff'));
    expect(next.closedAt).toBeUndefined();
  });

  it('records the resolution (办结) and clears it again on reopen', () => {
    const resolved = apply(inStatus('in_progress'), { action: 'resolve', note: '  已更换灯泡，恢复照明  ' }, ctxFor('staff'));
    expect(resolved.resolution).toBe('已更换灯泡，恢复照明');
    expect(resolved.resolvedAt).toBe(NOW);
    const disputed = apply(resolved, { action: 'dispute', note: '灯还是不亮' }, ctxFor('resident'));
    expect(disputed.resolution).toBe('已更换灯泡，恢复照明');
    const reopened = apply(disputed, { action: 'reopen', note: '重新派人查看' }, { ...ctxFor('staff'), now: '2026-11-19T02:00:00.000Z' });
    expect(reopened.status).toBe('in_progress');
    expect(reopened.resolution).toBeUndefined();
    expect(reopened.resolvedAt).toBeUndefined();
    expect(reopened.timeline.map((e) => e.action)).toEqual(['submit', 'resolve', 'dispute', 'reopen']);
  });

  it('records the assignee, duplicate target and referral body', () => {
    const assigned = apply(inStatus('accepted'), { action: 'assign', assignee: { id: 'w-7', name: '赵师傅' } }, ctxFor('staff'));
    expect(assigned.assignee).toEqual({ id: 'w-7', name: '赵师傅' });
    expect(apply(inStatus('accepted'), { action: 'mark_duplicate', duplicateOf: 'g-9' }, ctxFor('staff')).duplicateOf).toBe('g-9');
    expect(apply(inStatus('accepted'), { action: 'refer', referredTo: '区城管局' }, ctxFor('staff')).referredTo).toBe('区城管局');
  });

  it('flags internal notes and hides them from the resident view', () => {
    const g = apply(inStatus('in_progress'), { action: 'assign', assignee: { id: 'w-1', name: '赵' }, note: '物业经理电话 0931-000', internal: true }, ctxFor('staff'));
    expect(g.timeline.at(-1)!.visibility).toBe('internal');
    const pub = apply(g, { action: 'start' }, ctxFor('staff'));
    expect(pub.timeline.at(-1)!.visibility).toBe('public');
    expect(toPublicGrievance(pub).timeline.map((e) => e.action)).toEqual(['submit', 'start']);
  });
});

describe('toOpen311Status', () => {
  const expected: Record<GrievanceStatus, 'open' | 'closed'> = {
    submitted: 'open',
    accepted: 'open',
    assigned: 'open',
    in_progress: 'open',
    awaiting_reporter: 'open',
    resolved: 'closed',
    rectifying: 'open',
    revisiting: 'open',
    reopen_requested: 'open',
    closed: 'closed',
    rejected: 'closed',
    duplicate: 'closed',
    referred: 'closed',
    cancelled: 'closed',
  };
  it.each(grievanceStatuses.map((s) => [s, expected[s]] as const))('%s → %s', (status, want) => {
    expect(toOpen311Status(status)).toBe(want);
  });
});

describe('availableActions', () => {
  const sorted = (a: GrievanceAction[]) => [...a].sort();
  it('offers staff what the table allows from a status', () => {
    expect(sorted(availableActions('submitted', 'staff'))).toEqual(['accept', 'cancel', 'mark_duplicate', 'refer', 'reject']);
    expect(sorted(availableActions('in_progress', 'admin'))).toEqual(['assign', 'cancel', 'mark_duplicate', 'refer', 'request_info', 'resolve']);
    expect(sorted(availableActions('reopen_requested', 'staff'))).toEqual(['cancel', 'dismiss_dispute', 'mark_duplicate', 'refer', 'reopen']);
  });
  it('offers a resident only their own moves', () => {
    expect(availableActions('submitted', 'resident')).toEqual(['cancel']);
    expect(sorted(availableActions('awaiting_reporter', 'resident'))).toEqual(['cancel', 'reply']);
    expect(availableActions('resolved', 'resident')).toEqual(['dispute']);
  });
  it('offers the system the rating outcomes of a resolved case', () => {
    expect(sorted(availableActions('resolved', 'system'))).toEqual(['evaluate', 'evaluate_bad', 'expire_evaluation']);
  });
  it('offers nothing on a terminal state', () => {
    for (const s of grievanceStatuses.filter(isTerminal)) for (const role of actorRoles) expect(availableActions(s, role)).toEqual([]);
  });
  it('agrees with can() for every status, role and action', () => {
    for (const status of grievanceStatuses)
      for (const role of actorRoles) {
        const offered = availableActions(status, role);
        for (const action of grievanceActions) {
          expect(can({ status, id: 'g-1' }, fullCommand(action), { role }), `${action} from ${status} by ${role}`).toBe(offered.includes(action));
        }
      }
  });
  it('ruleFor finds the row of a legal pair only', () => {
    expect(ruleFor('resolve', 'in_progress')?.to).toBe('resolved');
    expect(ruleFor('resolve', 'submitted')).toBeUndefined();
  });
});

describe('typed errors', () => {
  it('every workflow failure is a branded LinliError', () => {
    const failures = [
      () => apply(inStatus('closed'), { action: 'cancel' }, ctxFor('resident')),
      () => apply(inStatus('submitted'), { action: 'accept' }, { ...ctxFor('system'), actor: systemActor }),
      () => apply(inStatus('submitted'), { action: 'reject' }, ctxFor('staff')),
    ];
    for (const f of failures) expect(LinliError.is(expectThrown(f))).toBe(true);
  });
});
