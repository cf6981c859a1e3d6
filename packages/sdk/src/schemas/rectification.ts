import * as z from 'zod/mini';
import { entityBase, id, pageQuery, timestamp } from './common.js';
import { actor } from './grievance.js';
import { evaluationLevel } from './evaluation.js';

/** How a bad rating is disposed of: 立行立改 / 限期整改 / 解释说明 / 申诉复核. */
export const disposals = ['fix-now', 'fix-by-deadline', 'explain', 'appeal'] as const;
export const rectificationStatuses = ['open', 'rectified', 'closed'] as const;
export const revisitMethods = ['phone', 'sms', 'visit', 'web'] as const;

export const rectification = z.object({
  ...entityBase,
  evaluationId: id,
  grievanceId: z.optional(id),
  level: evaluationLevel,
  disposal: z.enum(disposals),
  dueAt: timestamp,
  status: z.enum(rectificationStatuses),
  actions: z.array(z.object({ at: timestamp, actor, note: z.string().check(z.minLength(1), z.maxLength(2000)) })),
  revisitDueAt: z.optional(timestamp),
  revisit: z.optional(
    z.object({
      method: z.enum(revisitMethods),
      at: timestamp,
      actor,
      outcome: z.string().check(z.minLength(1), z.maxLength(2000)),
      newLevel: z.optional(evaluationLevel),
    }),
  ),
});
export type Rectification = z.infer<typeof rectification>;

/** Staff commands on a rectification: record the fix (整改), then the call-back (回访). */
export const rectificationCommand = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('rectify'),
    note: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
    disposal: z.optional(z.enum(disposals)),
  }),
  z.object({
    action: z.literal('revisit'),
    method: z.enum(revisitMethods),
    outcome: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
    newLevel: z.optional(evaluationLevel),
  }),
]);
export type RectificationCommand = z.input<typeof rectificationCommand>;

export const rectificationQuery = z.object({
  status: z.optional(z.enum(rectificationStatuses)),
  grievanceId: z.optional(id),
  ...pageQuery,
});
export type RectificationQuery = z.input<typeof rectificationQuery>;
