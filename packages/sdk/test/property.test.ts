import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AuthError,
  IllegalTransitionError,
  ValidationError,
  actorRoles,
  addWorkingDays,
  apply,
  chinaCalendar,
  grievanceActions,
  grievanceStatuses,
  grievanceTransitions,
  isTerminal,
  localDate,
  type Grievance,
  type GrievanceStatus,
  type TransitionCommand,
} from '../src/index.js';
import { submittedGrievance } from './fixtures.js';

/** Every status the table can reach from `submitted`. */
function reachableStatuses(): Set<GrievanceStatus> {
  const seen = new Set<GrievanceStatus>(['submitted']);
  let grew = true;
  while (grew) {
    grew = false;
    for (const rule of grievanceTransitions) {
      if (rule.from.some((f) => seen.has(f)) && !seen.has(rule.to)) {
        seen.add(rule.to);
        grew = true;
      }
    }
  }
  return seen;
}

/** A legal row from `status`, favouring rows that keep the case open so runs go deep. */
function pickRule(status: GrievanceStatus, pick: number) {
  const rows = grievanceTransitions.filter((r) => r.from.includes(status));
  const weighted = rows.flatMap((r) => (isTerminal(r.to) ? [r] : Array<typeof r>(10).fill(r)));
  return weighted.length ? weighted[pick % weighted.length] : undefined;
}

/**
 * A random command. `guided` steps pick a row the table allows from the current status and one of its
 * roles (the fields stay random, so guards still fail), so runs reach 整改 and 回访 rather than stopping early.
 */
const commandArb: fc.Arbitrary<{ command: TransitionCommand; role: (typeof actorRoles)[number]; guided: boolean; pick: number }> = fc.record({
  guided: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  pick: fc.nat(),
  role: fc.constantFrom(...actorRoles),
  command: fc.record(
    {
      action: fc.constantFrom(...grievanceActions),
      note: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('已处理', '已电话联系居民', '物业已到场') },
        { weight: 1, arbitrary: fc.constant('   ') },
        { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      ),
      assignee: fc.record({ id: fc.constantFrom('w-1', 'w-2'), name: fc.constantFrom('赵师傅', '钱师傅') }),
      duplicateOf: fc.constantFrom('g-1', 'g-2'), // g-1 is the grievance itself
      referredTo: fc.constantFrom('区城管局', '区住建局'),
      internal: fc.boolean(),
    },
    { requiredKeys: ['action'] },
  ),
});

describe('the 民情流水线 under random commands', () => {
  const reachable = reachableStatuses();

  it('keeps its invariants for any sequence of commands', () => {
    const visited = new Set<GrievanceStatus>();
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 40, size: 'max' }), (steps) => {
        let g: Grievance = submittedGrievance('2026-11-16T01:00:00.000Z');
        let clock = Date.parse('2026-11-16T01:00:00.000Z');
        let ids = 0;
        let terminalReached = isTerminal(g.status);
        for (const step of steps) {
          const rule = step.guided ? pickRule(g.status, step.pick) : undefined;
          const command = rule ? { ...step.command, action: rule.action } : step.command;
          const role = rule ? rule.roles[step.pick % rule.roles.length]! : step.role;
          clock += 60_000;
          const before = structuredClone(g);
          let next: Grievance | undefined;
          try {
            next = apply(g, command, { actor: { role }, now: new Date(clock).toISOString(), newId: () => `p-${++ids}` });
          } catch (err) {
            // Only the typed workflow errors, never a crash.
            expect(err instanceof IllegalTransitionError || err instanceof AuthError || err instanceof ValidationError, String(err)).toBe(true);
            // A failed step leaves the grievance exactly as it was.
            expect(g).toEqual(before);
            continue;
          }
          expect(terminalReached, `${command.action} succeeded after the terminal state ${g.status}`).toBe(false);
          // Exactly one new entry; the old ones are never rewritten.
          expect(next.timeline).toHaveLength(before.timeline.length + 1);
          expect(next.timeline.slice(0, -1)).toEqual(before.timeline);
          expect(g).toEqual(before);
          const entry = next.timeline.at(-1)!;
          expect(entry.from).toBe(before.status);
          expect(entry.to).toBe(next.status);
          expect(entry.action).toBe(command.action);
          expect(entry.note.trim().length).toBeGreaterThan(0);
          g = next;
          visited.add(g.status);
          terminalReached = isTerminal(g.status);
        }
        expect(grievanceStatuses).toContain(g.status);
        expect(reachable.has(g.status)).toBe(true);
        // The chain of entries is unbroken: each starts where the previous one ended.
        expect(g.timeline[0]!.from).toBeNull();
        for (let i = 1; i < g.timeline.length; i++) expect(g.timeline[i]!.from).toBe(g.timeline[i - 1]!.to);
        expect(g.timeline.at(-1)!.to).toBe(g.status);
        expect(g.closedAt !== undefined).toBe(isTerminal(g.status));
      }),
      { numRuns: 300 },
    );
    // The runs really explored the workflow: every non-terminal status, 整改 and 回访 included.
    for (const s of grievanceStatuses.filter((x) => x !== 'submitted' && !isTerminal(x))) expect([...visited], s).toContain(s);
  });

  it('every status of the table is reachable from submitted', () => {
    expect([...reachableStatuses()].sort()).toEqual([...grievanceStatuses].sort());
  });
});

describe('addWorkingDays under random input', () => {
  const start = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true });

  it('always lands at the end of a working day (China calendar, Beijing time)', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 40 }), (from, n) => {
        const due = addWorkingDays(from, n);
        expect(due.slice(11)).toBe('15:59:59.999Z');
        expect(chinaCalendar.isWorkday(localDate(due, 480))).toBe(true);
        expect(Date.parse(due)).toBeGreaterThan(from.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 10 }), (from, n, extra) => {
        expect(Date.parse(addWorkingDays(from, n + extra))).toBeGreaterThan(Date.parse(addWorkingDays(from, n)));
      }),
      { numRuns: 300 },
    );
  });
});
