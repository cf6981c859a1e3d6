import * as z from 'zod/mini';
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
  indicators: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)),
  reasons: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)),
  comment: z.optional(z.string().check(z.maxLength(500))),
  contactConsent: z.boolean(),
  realName: z.boolean(),
  /** PII: present only in staff views. */
  rater: z.optional(z.object({ name: z.optional(z.string().check(z.maxLength(40))), phone: z.optional(z.string().check(z.maxLength(20))) })),
  channel: z.enum(channels),
  serviceCode: z.optional(z.string()),
  orgUnitId: z.optional(id),
  rectificationId: z.optional(id),
  appeal: z.optional(z.object({ reason: z.string().check(z.maxLength(1000)), at: timestamp, status: z.enum(['pending', 'upheld', 'rejected']) })),
});
export type Evaluation = z.infer<typeof evaluation>;

export const evaluationInput = z
  .object({
    target: evaluationTarget,
    mode: z._default(z.enum(evaluationModes), 'per-matter'),
    level: evaluationLevel,
    indicators: z._default(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)), []),
    reasons: z._default(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)), []),
    comment: z.optional(z.string().check(z.trim(), z.maxLength(500))),
    contactConsent: z._default(z.boolean(), false),
    realName: z._default(z.boolean(), false),
    rater: z.optional(
      z.object({
        name: z.optional(z.string().check(z.trim(), z.maxLength(40))),
        phone: z.optional(z.string().check(z.regex(/^\+?[0-9 -]{5,20}$/))),
      }),
    ),
    channel: z._default(z.enum(channels), 'web'),
    /** For a grievance target: proof that the rater is the reporter (查询码). */
    accessCode: z.optional(z.string().check(z.maxLength(40))),
  })
  .check(
    z.superRefine((v, ctx) => {
      const allowed = new Set(reasonsForLevel(v.level).map((r) => r.code));
      for (const r of v.reasons) {
        if (!allowed.has(r)) ctx.addIssue({ code: 'custom', path: ['reasons'], message: `linli:reason-level|${r}` });
      }
    }),
  );
export type EvaluationInput = z.input<typeof evaluationInput>;

export const evaluationQuery = z.object({
  targetType: z.optional(z.enum(evaluationTargetTypes)),
  targetId: z.optional(id),
  serviceCode: z.optional(z.string()),
  orgUnitId: z.optional(id),
  from: z.optional(timestamp),
  to: z.optional(timestamp),
  ...pageQuery,
});
export type EvaluationQuery = z.input<typeof evaluationQuery>;

export const summaryQuery = z.object({
  orgUnitId: z.optional(id),
  serviceCode: z.optional(z.string()),
  targetType: z.optional(z.enum(evaluationTargetTypes)),
  from: z.optional(timestamp),
  to: z.optional(timestamp),
});
export type SummaryQuery = z.input<typeof summaryQuery>;

const int = () => z.number().check(z.int());
const count = () => z.number().check(z.int(), z.gte(0));

/** 好差评 metrics, computed from data (never hand-entered). Rates are 0..1, or null when undefined (0/0). */
export const evaluationSummary = z.object({
  count: count(),
  levels: z.object({ 1: int(), 2: int(), 3: int(), 4: int(), 5: int() }),
  averageLevel: z.nullable(z.number()),
  goodRate: z.nullable(z.number()),
  badRate: z.nullable(z.number()),
  resolvedGrievances: count(),
  evaluatedGrievances: count(),
  /** 主动评价率 */
  evaluatedRate: z.nullable(z.number()),
  /** 未评价率 */
  unevaluatedRate: z.nullable(z.number()),
  badNeedingRectification: count(),
  /** 差评整改率 */
  rectificationRate: z.nullable(z.number()),
  /** 回访率 */
  revisitRate: z.nullable(z.number()),
  /** Share of resolved grievances resolved by `expectedAt`. */
  onTimeRate: z.nullable(z.number()),
});
export type EvaluationSummary = z.infer<typeof evaluationSummary>;
