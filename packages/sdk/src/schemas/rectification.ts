import * as z from 'zod';
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
  grievanceId: id.optional(),
  level: evaluationLevel,
  disposal: z.enum(disposals),
  dueAt: timestamp,
  status: z.enum(rectificationStatuses),
  actions: z.array(z.object({ at: timestamp, actor, note: z.string().min(1).max(2000) })),
  revisitDueAt: timestamp.optional(),
  revisit: z
    .object({
      method: z.enum(revisitMethods),
      at: timestamp,
      actor,
      outcome: z.string().min(1).max(2000),
      newLevel: evaluationLevel.optional(),
    })
    .optional(),
});
export type Rectification = z.infer<typeof rectification>;

/** Staff commands on a rectification: record the fix (整改), then the call-back (回访). */
export const rectificationCommand = z.discriminatedUnion('action', [
  z.object({ action: z.literal('rectify'), note: z.string().trim().min(1).max(2000), disposal: z.enum(disposals).optional() }),
  z.object({
    action: z.literal('revisit'),
    method: z.enum(revisitMethods),
    outcome: z.string().trim().min(1).max(2000),
    newLevel: evaluationLevel.optional(),
  }),
]);
export type RectificationCommand = z.input<typeof rectificationCommand>;

export const rectificationQuery = z.object({
  status: z.enum(rectificationStatuses).optional(),
  grievanceId: id.optional(),
  ...pageQuery,
});
export type RectificationQuery = z.input<typeof rectificationQuery>;
