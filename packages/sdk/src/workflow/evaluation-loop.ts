import { ConflictError, IllegalTransitionError } from '../errors/errors.js';
import { deadline, requiresRectification, type Policy } from '../policy/policy.js';
import { currentIndicatorSetVersion, evaluationInput, evaluationLevelLabels, isBadLevel, reasonsForLevel, type Evaluation } from '../schemas/evaluation.js';
import type { Actor, Grievance } from '../schemas/grievance.js';
import type { Rectification, RectificationCommand } from '../schemas/rectification.js';
import { apply, type ApplyContext } from './grievance-workflow.js';
import type * as z from 'zod/mini';

type ParsedEvaluationInput = z.output<typeof evaluationInput>;

export interface LoopContext extends ApplyContext {
  policy: Policy;
}

export interface EvaluationOutcome {
  evaluation: Evaluation;
  /** The rated grievance after the rating moved it on (closed, or into 整改). */
  grievance?: Grievance;
  rectification?: Rectification;
}

/**
 * Records a 好差评 rating (rate → 整改 → 回访, step one). For a grievance: only once it is resolved,
 * only once per matter; a bad rating opens a rectification when the policy or a reason demands it.
 */
export function recordEvaluation(input: ParsedEvaluationInput, ctx: LoopContext, grievance?: Grievance): EvaluationOutcome {
  if (grievance) {
    if (grievance.evaluationId) throw new ConflictError('This matter has already been rated; each matter is rated once (一事一评).');
    if (grievance.status !== 'resolved') {
      throw new IllegalTransitionError(`Only a resolved grievance can be rated; this one is ${grievance.status}.`, grievance.status, 'evaluate');
    }
  }
  const reasons = reasonsForLevel(input.level).filter((r) => input.reasons.includes(r.code));
  const mustRectify = isBadLevel(input.level) && requiresRectification(ctx.policy, input.level, reasons.some((r) => r.requiresRectification));
  const evaluation: Evaluation = {
    id: ctx.newId(),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    target: input.target,
    mode: input.mode,
    level: input.level,
    indicatorSet: currentIndicatorSetVersion,
    indicators: input.indicators,
    reasons: input.reasons,
    comment: input.comment || undefined,
    contactConsent: input.contactConsent,
    realName: input.realName,
    rater: input.realName ? input.rater : undefined,
    channel: input.channel,
    serviceCode: grievance?.serviceCode,
    orgUnitId: grievance?.orgUnitId,
  };
  let rectification: Rectification | undefined;
  if (mustRectify) {
    rectification = {
      id: ctx.newId(),
      createdAt: ctx.now,
      updatedAt: ctx.now,
      evaluationId: evaluation.id,
      grievanceId: grievance?.id,
      level: input.level,
      disposal: 'fix-by-deadline',
      dueAt: deadline(ctx.policy, 'rectify', ctx.now),
      status: 'open',
      actions: [],
    };
    evaluation.rectificationId = rectification.id;
  }
  let nextGrievance: Grievance | undefined;
  if (grievance) {
    const label = evaluationLevelLabels[input.level]['zh-CN'];
    nextGrievance = apply(
      grievance,
      { action: mustRectify ? 'evaluate_bad' : 'evaluate', note: mustRectify ? `评价：${label}，进入整改` : `评价：${label}` },
      { ...ctx, actor: { role: 'system' } },
    );
    nextGrievance = { ...nextGrievance, evaluationId: evaluation.id, rectificationId: rectification?.id };
  }
  return { evaluation, grievance: nextGrievance, rectification };
}

export interface RectificationOutcome {
  rectification: Rectification;
  grievance?: Grievance;
}

/** Staff record the fix (整改), then the call-back (回访) that closes the loop. */
export function applyRectification(
  r: Rectification,
  command: RectificationCommand,
  ctx: LoopContext & { actor: Actor },
  grievance?: Grievance,
): RectificationOutcome {
  if (command.action === 'rectify') {
    if (r.status !== 'open') throw new IllegalTransitionError(`This rectification is already ${r.status}.`, r.status, 'rectify');
    const next: Rectification = {
      ...r,
      status: 'rectified',
      disposal: command.disposal ?? r.disposal,
      updatedAt: ctx.now,
      actions: [...r.actions, { at: ctx.now, actor: ctx.actor, note: command.note }],
      revisitDueAt: deadline(ctx.policy, 'revisit', ctx.now),
    };
    const g = grievance ? apply(grievance, { action: 'rectify', note: command.note }, ctx) : undefined;
    return { rectification: next, grievance: g };
  }
  if (r.status !== 'rectified') {
    throw new IllegalTransitionError(`A revisit follows the rectification; this one is ${r.status}.`, r.status, 'revisit');
  }
  const next: Rectification = {
    ...r,
    status: 'closed',
    updatedAt: ctx.now,
    revisit: { method: command.method, at: ctx.now, actor: ctx.actor, outcome: command.outcome, newLevel: command.newLevel },
  };
  const label = command.newLevel ? `（回访评价：${evaluationLevelLabels[command.newLevel]['zh-CN']}）` : '';
  const g = grievance ? apply(grievance, { action: 'revisit', note: `${command.outcome}${label}` }, ctx) : undefined;
  return { rectification: next, grievance: g };
}
