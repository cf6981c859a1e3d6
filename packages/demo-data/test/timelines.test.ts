import { deadline, grievanceTransitions, isTerminal } from '@linli/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_NOW, demoData } from '../src/index.js';

const d = demoData;
const t = (x: string) => Date.parse(x);

describe('grievance timelines', () => {
  it('are consistent chains: submit first, each from = previous to, last to = status', () => {
    for (const g of d.grievances) {
      const [first, ...rest] = g.timeline;
      expect(first!.action, g.id).toBe('submit');
      expect(first!.from).toBeNull();
      expect(first!.to).toBe('submitted');
      let prev = first!;
      for (const e of rest) {
        expect(e.from, `${g.id} ${e.id}`).toBe(prev.to);
        expect(t(e.at), `${g.id} ${e.id}`).toBeGreaterThanOrEqual(t(prev.at));
        prev = e;
      }
      expect(prev.to, g.id).toBe(g.status);
      expect(g.createdAt).toBe(first!.at);
      expect(g.updatedAt).toBe(prev.at);
    }
  });

  it('only use transitions the workflow table allows, by the roles it allows', () => {
    for (const g of d.grievances) {
      for (const e of g.timeline.slice(1)) {
        const rule = grievanceTransitions.find((r) => r.action === e.action && r.from.includes(e.from!));
        expect(rule, `${g.id} ${e.action} from ${e.from}`).toBeDefined();
        expect(rule!.to).toBe(e.to);
        expect(rule!.roles).toContain(e.actor.role);
      }
    }
  });

  it('lie entirely before now', () => {
    const now = t(DEMO_NOW);
    expect(d.now).toBe('2026-11-20T01:00:00.000Z');
    for (const g of d.grievances) for (const e of g.timeline) expect(t(e.at), g.id).toBeLessThan(now);
    for (const e of d.evaluations) expect(t(e.createdAt)).toBeLessThan(now);
    for (const r of d.rectifications) {
      expect(t(r.updatedAt)).toBeLessThan(now);
      for (const a of r.actions) expect(t(a.at)).toBeLessThan(now);
      if (r.revisit) expect(t(r.revisit.at)).toBeLessThan(now);
    }
    for (const n of d.notices) expect(t(n.updatedAt)).toBeLessThan(now);
    for (const x of [...d.orgUnits, ...d.services, ...d.residents, ...d.households]) expect(t(x.updatedAt)).toBeLessThan(now);
  });

  it('have expectedAt from the policy deadline and service SLA', () => {
    const services = new Map(d.services.map((s) => [s.code, s]));
    for (const g of d.grievances) {
      expect(g.expectedAt).toBe(deadline(d.policy, 'resolve', g.createdAt, services.get(g.serviceCode)!.sla?.resolveWorkingDays));
    }
  });

  it('resolve 80–90 % of cases on time', () => {
    const resolved = d.grievances.filter((g) => g.resolvedAt);
    expect(resolved.length).toBeGreaterThan(120);
    const onTime = resolved.filter((g) => t(g.resolvedAt!) <= t(g.expectedAt!)).length / resolved.length;
    expect(onTime).toBeGreaterThanOrEqual(0.8);
    expect(onTime).toBeLessThanOrEqual(0.9);
  });

  it('set the outcome fields the workflow implies', () => {
    const ids = new Set(d.grievances.map((g) => g.id));
    for (const g of d.grievances) {
      if (isTerminal(g.status)) expect(g.closedAt, g.id).toBeDefined();
      if (['assigned', 'in_progress', 'awaiting_reporter', 'resolved'].includes(g.status)) expect(g.assignee, g.id).toBeDefined();
      if (g.status === 'resolved') {
        expect(g.resolution).toBeTruthy();
        // Still inside the rating window at "now", otherwise it would have closed as 未评价.
        expect(t(deadline(d.policy, 'evaluationWindow', g.resolvedAt!))).toBeGreaterThan(t(d.now));
      }
      if (g.status === 'duplicate') {
        expect(ids).toContain(g.duplicateOf);
        const original = d.grievances.find((o) => o.id === g.duplicateOf)!;
        expect(t(original.createdAt)).toBeLessThan(t(g.createdAt));
        expect(original.serviceCode).toBe(g.serviceCode);
      }
      if (g.status === 'referred') expect(g.referredTo).toBeTruthy();
    }
  });

  it('number cases oldest first', () => {
    const sorted = [...d.grievances].sort((a, b) => t(a.createdAt) - t(b.createdAt));
    expect(sorted.map((g) => g.id)).toEqual(d.grievances.map((g) => g.id));
  });

  it('include some internal notes, hidden from residents', () => {
    const internal = d.grievances.flatMap((g) => g.timeline.filter((e) => e.visibility === 'internal'));
    expect(internal.length).toBeGreaterThan(0);
  });
});

describe('rating loop', () => {
  const byId = new Map(d.grievances.map((g) => [g.id, g]));
  const rated = d.grievances.filter((g) => g.evaluationId);

  it('rates about 70 % of resolved cases, each at most once', () => {
    const everResolved = d.grievances.filter((g) => g.timeline.some((e) => e.action === 'resolve'));
    const share = rated.length / everResolved.length;
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.78);
    const targets = d.evaluations.filter((e) => e.target.type === 'grievance').map((e) => e.target.id);
    expect(new Set(targets).size).toBe(targets.length);
    expect(targets.length).toBe(rated.length);
  });

  it('links grievances, evaluations and rectifications both ways', () => {
    const evals = new Map(d.evaluations.map((e) => [e.id, e]));
    const rects = new Map(d.rectifications.map((r) => [r.id, r]));
    for (const g of rated) {
      const e = evals.get(g.evaluationId!)!;
      expect(e.target).toEqual({ type: 'grievance', id: g.id });
      expect(e.mode).toBe('per-matter');
      expect(e.serviceCode).toBe(g.serviceCode);
      expect(e.rectificationId).toBe(g.rectificationId);
    }
    for (const r of d.rectifications) {
      const e = evals.get(r.evaluationId)!;
      expect(e.rectificationId).toBe(r.id);
      expect(r.level).toBe(e.level);
      if (r.grievanceId) expect(byId.get(r.grievanceId)!.rectificationId).toBe(r.id);
      if (r.status !== 'open') expect(r.actions.length).toBeGreaterThan(0);
      if (r.status === 'closed') expect(r.revisit).toBeDefined();
    }
    for (const e of d.evaluations) if (e.rectificationId) expect(rects.has(e.rectificationId)).toBe(true);
  });

  it('puts every bad grievance rating through 整改 → 回访, matching the grievance status', () => {
    for (const r of d.rectifications.filter((x) => x.grievanceId)) {
      const g = byId.get(r.grievanceId!)!;
      const expected = { open: 'rectifying', rectified: 'revisiting', closed: 'closed' }[r.status];
      expect(g.status, g.id).toBe(expected);
    }
    expect(d.rectifications.filter((r) => r.grievanceId && r.status === 'closed').length).toBeGreaterThan(0);
    expect(d.rectifications.filter((r) => !r.grievanceId).length).toBeGreaterThan(0);
  });

  it('numbers evaluations and rectifications in time order', () => {
    const inOrder = <T>(xs: T[], at: (x: T) => string) => xs.every((x, i) => i === 0 || t(at(xs[i - 1]!)) <= t(at(x)));
    expect(inOrder(d.evaluations, (e) => e.createdAt)).toBe(true);
    expect(inOrder(d.rectifications, (r) => r.createdAt)).toBe(true);
  });
});
