import * as z from 'zod';
import { entityBase, id, pageQuery, timestamp } from './common.js';
import { evaluationModes, evaluationTargetTypes, reasonsForLevel } from './evaluation-scale.js';
export * from './evaluation-scale.js';
import { channels } from './grievance.js';

export const evaluationLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
  error: 'linli:level-choice',
});

export const evaluationTarget = z.object({ type: z.enum(evaluationTargetTypes), id });
export type EvaluationTarget = z.infer<typeof evaluationTarget>;

export const evaluation = z.object({
  ...entityBase,
  target: evaluationTarget,
  mode: z.enum(evaluationModes),
  level: evaluationLevel,
  indicatorSet: z.string(),
  indicators: z.array(z.string().max(40)).max(20),
  reasons: z.array(z.string().max(40)).max(20),
  comment: z.string().max(500).optional(),
  contactConsent: z.boolean(),
  realName: z.boolean(),
  /** PII: present only in staff views. */
  rater: z.object({ name: z.string().max(40).optional(), phone: z.string().max(20).optional() }).optional(),
  channel: z.enum(channels),
  serviceCode: z.string().optional(),
  orgUnitId: id.optional(),
  rectificationId: id.optional(),
  appeal: z
    .object({ reason: z.string().max(1000), at: timestamp, status: z.enum(['pending', 'upheld', 'rejected']) })
    .optional(),
});
export type Evaluation = z.infer<typeof evaluation>;

export const evaluationInput = z
  .object({
    target: evaluationTarget,
    mode: z.enum(evaluationModes).default('per-matter'),
    level: evaluationLevel,
    indicators: z.array(z.string().max(40)).max(20).default([]),
    reasons: z.array(z.string().max(40)).max(20).default([]),
    comment: z.string().trim().max(500).optional(),
    contactConsent: z.boolean().default(false),
    realName: z.boolean().default(false),
    rater: z.object({ name: z.string().trim().max(40).optional(), phone: z.string().regex(/^\+?[0-9 -]{5,20}$/).optional() }).optional(),
    channel: z.enum(channels).default('web'),
    /** For a grievance target: proof that the rater is the reporter (查询码). */
    accessCode: z.string().max(40).optional(),
  })
  .superRefine((v, ctx) => {
    const allowed = new Set(reasonsForLevel(v.level).map((r) => r.code));
    for (const r of v.reasons) {
      if (!allowed.has(r)) ctx.addIssue({ code: 'custom', path: ['reasons'], message: `linli:reason-level|${r}` });
    }
  });
export type EvaluationInput = z.input<typeof evaluationInput>;

export const evaluationQuery = z.object({
  targetType: z.enum(evaluationTargetTypes).optional(),
  targetId: id.optional(),
  serviceCode: z.string().optional(),
  orgUnitId: id.optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
  ...pageQuery,
});
export type EvaluationQuery = z.input<typeof evaluationQuery>;

export const summaryQuery = z.object({
  orgUnitId: id.optional(),
  serviceCode: z.string().optional(),
  targetType: z.enum(evaluationTargetTypes).optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
});
export type SummaryQuery = z.input<typeof summaryQuery>;

/** 好差评 metrics, computed from data (never hand-entered). Rates are 0..1, or null when undefined (0/0). */
export const evaluationSummary = z.object({
  count: z.number().int().min(0),
  levels: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int(), 5: z.number().int() }),
  averageLevel: z.number().nullable(),
  goodRate: z.number().nullable(),
  badRate: z.number().nullable(),
  resolvedGrievances: z.number().int().min(0),
  evaluatedGrievances: z.number().int().min(0),
  /** 主动评价率 */
  evaluatedRate: z.number().nullable(),
  /** 未评价率 */
  unevaluatedRate: z.number().nullable(),
  badNeedingRectification: z.number().int().min(0),
  /** 差评整改率 */
  rectificationRate: z.number().nullable(),
  /** 回访率 */
  revisitRate: z.number().nullable(),
  /** Share of resolved grievances resolved by `expectedAt`. */
  onTimeRate: z.number().nullable(),
});
export type EvaluationSummary = z.infer<typeof evaluationSummary>;
