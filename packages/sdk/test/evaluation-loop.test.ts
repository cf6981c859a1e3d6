import { describe, expect, it } from 'vitest';
import {
  AuthError,
  ConflictError,
  IllegalTransitionError,
  ValidationError,
  apply,
  applyRectification,
  defaultPolicy,
  definePolicy,
  evaluationInput,
  parseInput,
  recordEvaluation,
  type EvaluationInput,
  type Grievance,
  type Rectification,
} from '../src/index.js';
import { loopContext, resolvedGrievance, sequentialIds, staffActor, submittedGrievance } from './fixtures.js';

/** Friday 2026-11-20, 10:00 Beijing time. */
const FRIDAY_10AM = '2026-11-20T02:00:00.000Z';
/** Tuesday 2026-09-29, 10:00 Beijing time: the day before the 国庆 holidays (10-01..07). */
const BEFORE_NATIONAL_DAY = '2026-09-29T02:00:00.000Z';

const rate = (g: Grievance, input: Partial<EvaluationInput>, now = FRIDAY_10AM, policy = defaultPolicy) =>
  recordEvaluation(evaluationInput.parse({ target: { type: 'grievance', id: g.id }, ...input }), loopContext(now, { role: 'resident' }, policy, sequentialIds('e')), g);

describe('recordEvaluation', () => {
  it.each([5, 4, 3] as const)('a good rating (level %i) closes a resolved grievance without 整改', (level) => {
    const { grievance, evaluation, rectification } = rate(resolvedGrievance(), { level });
    expect(grievance!.status).toBe('closed');
    expect(grievance!.closedAt).toBe(FRIDAY_10AM);
    expect(grievance!.evaluationId).toBe(evaluation.id);
    expect(rectification).toBeUndefined();
    expect(evaluation.rectificationId).toBeUndefined();
    const entry = grievance!.timeline.at(-1)!;
    expect(entry).toMatchObject({ action: 'evaluate', from: 'resolved', to: 'closed', actor: { role: 'system' } });
  });

  it('labels the timeline entry with the level name', () => {
    expect(rate(resolvedGrievance(), { level: 4 }).grievance!.timeline.at(-1)!.note).toContain('满意');
    expect(rate(resolvedGrievance(), { level: 1 }).grievance!.timeline.at(-1)!.note).toContain('非常不满意');
  });

  it.each([1, 2] as const)('level %i under the default policy opens a rectification (整改) due in 5 working days', (level) => {
    const { grievance, evaluation, rectification } = rate(resolvedGrievance(), { level });
    expect(grievance!.status).toBe('rectifying');
    expect(grievance!.rectificationId).toBe(rectification!.id);
    expect(evaluation.rectificationId).toBe(rectification!.id);
    expect(rectification).toMatchObject({ status: 'open', level, evaluationId: evaluation.id, grievanceId: grievance!.id, disposal: 'fix-by-deadline', actions: [] });
    // Friday → Mon 23, Tue 24, Wed 25, Thu 26, Fri 27: the weekend does not count.
    expect(rectification!.dueAt).toBe('2026-11-27T15:59:59.999Z');
  });

  it('counts the 整改 deadline across the 国庆 holidays and the 10-10 make-up Saturday', () => {
    // Tue 09-29 → Wed 09-30 (1), [10-01..07 off], Thu 10-08 (2), Fri 10-09 (3), Sat 10-10 调休 (4), Mon 10-12 (5).
    const { rectification } = rate(resolvedGrievance(BEFORE_NATIONAL_DAY), { level: 2, reasons: ['not-solved'] }, BEFORE_NATIONAL_DAY);
    expect(rectification!.dueAt).toBe('2026-10-12T15:59:59.999Z');
  });

  it('takes the number of days from the policy', () => {
    const policy = definePolicy({ jurisdiction: '兰州市七里河区', rectifyWorkingDays: 10 });
    const { rectification } = rate(resolvedGrievance(), { level: 1 }, FRIDAY_10AM, policy);
    // Mon 11-23 … Fri 11-27 (5), Mon 11-30 … Fri 12-04 (10).
    expect(rectification!.dueAt).toBe('2026-12-04T15:59:59.999Z');
  });

  describe('a policy where only 非常不满意 always forces 整改', () => {
    const policy = definePolicy({ jurisdiction: 'strict-reasons', rectificationLevels: [1] });

    it('still rectifies a level-2 rating whose reason requires it', () => {
      const { grievance, rectification } = rate(resolvedGrievance(), { level: 2, reasons: ['not-solved'] }, FRIDAY_10AM, policy);
      expect(grievance!.status).toBe('rectifying');
      expect(rectification).toBeDefined();
    });

    it('closes a level-2 rating whose only reason is disagreement with the rules', () => {
      const { grievance, rectification, evaluation } = rate(resolvedGrievance(), { level: 2, reasons: ['policy-disagree'] }, FRIDAY_10AM, policy);
      expect(grievance!.status).toBe('closed');
      expect(grievance!.timeline.at(-1)!.action).toBe('evaluate');
      expect(rectification).toBeUndefined();
      expect(evaluation.level).toBe(2);
    });

    it('closes a level-2 rating with no reason at all', () => {
      expect(rate(resolvedGrievance(), { level: 2 }, FRIDAY_10AM, policy).grievance!.status).toBe('closed');
    });

    it('always rectifies level 1', () => {
      expect(rate(resolvedGrievance(), { level: 1, reasons: ['policy-disagree'] }, FRIDAY_10AM, policy).rectification).toBeDefined();
    });
  });

  it.each(['submitted', 'in_progress', 'closed', 'rectifying'] as const)('refuses to rate a %s grievance with IllegalTransitionError', (status) => {
    const g = { ...submittedGrievance(), status };
    expect(() => rate(g, { level: 5 })).toThrow(IllegalTransitionError);
  });

  it('refuses a second rating of the same matter with ConflictError (一事一评)', () => {
    const first = rate(resolvedGrievance(), { level: 4 });
    expect(() => rate(first.grievance!, { level: 1 })).toThrow(ConflictError);
    const bad = rate(resolvedGrievance(), { level: 1 });
    expect(() => rate(bad.grievance!, { level: 5 })).toThrow(ConflictError);
  });

  it('keeps the rater only for real-name ratings', () => {
    const anon = rate(resolvedGrievance(), { level: 4, rater: { name: '王建国', phone: '13912345678' } });
    expect(anon.evaluation.rater).toBeUndefined();
    const named = rate(resolvedGrievance(), { level: 4, realName: true, rater: { name: '王建国', phone: '13912345678' } });
    expect(named.evaluation.rater).toEqual({ name: '王建国', phone: '13912345678' });
  });

  it('copies the service and org unit of the grievance onto the evaluation, for the metrics', () => {
    const { evaluation } = rate(resolvedGrievance(), { level: 4 });
    expect(evaluation).toMatchObject({ serviceCode: 'environment.street-light', orgUnitId: 'ou-xingfu', mode: 'per-matter', indicatorSet: '2024.1' });
  });

  it('rates a service (no grievance) and still opens a rectification for a bad rating', () => {
    const out = recordEvaluation(
      evaluationInput.parse({ target: { type: 'service', id: 'environment.street-light' }, level: 1, reasons: ['bad-attitude'] }),
      loopContext(FRIDAY_10AM, { role: 'resident' }),
    );
    expect(out.grievance).toBeUndefined();
    expect(out.rectification).toMatchObject({ status: 'open', grievanceId: undefined });
  });
});

describe('applyRectification: 整改 → 回访 → closed', () => {
  const RECTIFY_AT = '2026-11-25T02:00:00.000Z'; // Wednesday
  const REVISIT_AT = '2026-11-26T06:00:00.000Z';

  function rectifying(): { grievance: Grievance; rectification: Rectification } {
    const out = rate(resolvedGrievance(), { level: 2, reasons: ['not-solved'] });
    return { grievance: out.grievance!, rectification: out.rectification! };
  }
  const staffCtx = (now: string) => ({ ...loopContext(now, staffActor, defaultPolicy, sequentialIds('r')), actor: staffActor });

  it('walks rectify → revisit and closes the grievance', () => {
    const start = rectifying();
    const fixed = applyRectification(start.rectification, { action: 'rectify', note: '已更换灯具并加装感应开关', disposal: 'fix-now' }, staffCtx(RECTIFY_AT), start.grievance);
    expect(fixed.rectification).toMatchObject({ status: 'rectified', disposal: 'fix-now', updatedAt: RECTIFY_AT });
    expect(fixed.rectification.actions).toEqual([{ at: RECTIFY_AT, actor: staffActor, note: '已更换灯具并加装感应开关' }]);
    // Wed 11-25 + 2 working days → Fri 11-27.
    expect(fixed.rectification.revisitDueAt).toBe('2026-11-27T15:59:59.999Z');
    expect(fixed.grievance!.status).toBe('revisiting');

    const done = applyRectification(fixed.rectification, { action: 'revisit', method: 'phone', outcome: '电话回访，居民表示灯已修好', newLevel: 4 }, staffCtx(REVISIT_AT), fixed.grievance);
    expect(done.rectification.status).toBe('closed');
    expect(done.rectification.revisit).toEqual({ method: 'phone', at: REVISIT_AT, actor: staffActor, outcome: '电话回访，居民表示灯已修好', newLevel: 4 });
    expect(done.grievance!.status).toBe('closed');
    expect(done.grievance!.closedAt).toBe(REVISIT_AT);
    expect(done.grievance!.timeline.at(-1)!.note).toContain('满意');
    expect(done.grievance!.timeline.map((e) => e.action)).toEqual(['submit', 'accept', 'assign', 'start', 'resolve', 'evaluate_bad', 'rectify', 'revisit']);
  });

  it('keeps the disposal chosen at rating time when the fix does not change it', () => {
    const start = rectifying();
    expect(applyRectification(start.rectification, { action: 'rectify', note: '已修复' }, staffCtx(RECTIFY_AT)).rectification.disposal).toBe('fix-by-deadline');
  });

  it('counts the 回访 deadline across a holiday', () => {
    const r = rate(resolvedGrievance(), { level: 1 }).rectification!;
    // Wed 09-30 + 2 working days → Thu 10-08, Fri 10-09.
    expect(applyRectification(r, { action: 'rectify', note: '已修复' }, staffCtx('2026-09-30T02:00:00.000Z')).rectification.revisitDueAt).toBe('2026-10-09T15:59:59.999Z');
  });

  it('refuses a revisit before the rectification', () => {
    const start = rectifying();
    expect(() => applyRectification(start.rectification, { action: 'revisit', method: 'sms', outcome: '已回访' }, staffCtx(REVISIT_AT), start.grievance)).toThrow(IllegalTransitionError);
  });

  it('refuses to rectify twice', () => {
    const start = rectifying();
    const fixed = applyRectification(start.rectification, { action: 'rectify', note: '已修复' }, staffCtx(RECTIFY_AT), start.grievance);
    expect(() => applyRectification(fixed.rectification, { action: 'rectify', note: '再修一次' }, staffCtx(RECTIFY_AT), fixed.grievance)).toThrow(IllegalTransitionError);
  });

  it('refuses a second revisit of a closed rectification', () => {
    const start = rectifying();
    const fixed = applyRectification(start.rectification, { action: 'rectify', note: '已修复' }, staffCtx(RECTIFY_AT));
    const done = applyRectification(fixed.rectification, { action: 'revisit', method: 'visit', outcome: '上门回访' }, staffCtx(REVISIT_AT));
    expect(() => applyRectification(done.rectification, { action: 'revisit', method: 'visit', outcome: '再次回访' }, staffCtx(REVISIT_AT))).toThrow(IllegalTransitionError);
  });

  it('never mutates the rectification it is given', () => {
    const start = rectifying();
    const before = structuredClone(start.rectification);
    applyRectification(start.rectification, { action: 'rectify', note: '已修复' }, staffCtx(RECTIFY_AT), start.grievance);
    expect(start.rectification).toEqual(before);
  });

  it('only staff may record the fix on the grievance', () => {
    const start = rectifying();
    expect(() =>
      applyRectification(start.rectification, { action: 'rectify', note: '我自己修好了' }, { ...staffCtx(RECTIFY_AT), actor: { role: 'resident' } }, start.grievance),
    ).toThrow(AuthError);
  });
});

describe('evaluationInput', () => {
  const target = { type: 'grievance', id: 'g-1' } as const;

  it('has no default level: a missing level is an error at "level"', () => {
    const err = (() => {
      try {
        parseInput(evaluationInput, { target, reasons: [] }, 'evaluation');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.path)).toEqual(['level']);
    expect(evaluationInput.safeParse({ target }).success).toBe(false);
  });

  it.each([0, 6, 2.5, '5'])('rejects level %s', (level) => {
    expect(evaluationInput.safeParse({ target, level }).success).toBe(false);
  });

  it('rejects reasons that belong to another level', () => {
    const r = evaluationInput.safeParse({ target, level: 2, reasons: ['not-solved', 'fast'] });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toHaveLength(1);
    expect(r.error!.issues[0]).toMatchObject({ path: ['reasons'], message: expect.stringContaining('fast') });
    expect(() => parseInput(evaluationInput, { target, level: 2, reasons: ['fast'] }, 'evaluation', 'en')).toThrow(/does not fit this level: fast/);
    expect(evaluationInput.safeParse({ target, level: 5, reasons: ['not-solved'] }).success).toBe(false);
    expect(evaluationInput.safeParse({ target, level: 3, reasons: ['waited-long'] }).success).toBe(true);
    expect(evaluationInput.safeParse({ target, level: 3, reasons: ['fast'] }).success).toBe(false);
  });

  it('rejects an unknown reason code', () => {
    expect(evaluationInput.safeParse({ target, level: 1, reasons: ['made-up'] }).success).toBe(false);
  });

  it('fills the documented defaults', () => {
    expect(evaluationInput.parse({ target, level: 4 })).toMatchObject({ mode: 'per-matter', reasons: [], indicators: [], contactConsent: false, realName: false, channel: 'web' });
  });

  it('keeps the chosen reasons and the trimmed comment on the evaluation', () => {
    const { evaluation } = rate(resolvedGrievance(), { level: 2, reasons: ['too-slow', 'bad-attitude'], comment: '  拖了两周  ' });
    expect(evaluation.reasons).toEqual(['too-slow', 'bad-attitude']);
    expect(evaluation.comment).toBe('拖了两周');
  });
});

describe('a grievance rated after a dispute was dismissed', () => {
  it('cannot be rated once closed', () => {
    let g = resolvedGrievance();
    const ctx = { actor: { role: 'resident' as const }, now: FRIDAY_10AM, newId: sequentialIds('d') };
    g = apply(g, { action: 'dispute', note: '没修好' }, ctx);
    g = apply(g, { action: 'dismiss_dispute', note: '经核实已修复' }, { ...ctx, actor: staffActor });
    expect(() => rate(g, { level: 2 })).toThrow(IllegalTransitionError);
  });
});
