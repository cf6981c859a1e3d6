import * as z from 'zod/mini';
import { parseInput } from '../i18n/validation.js';
import { evaluationLevel, type EvaluationLevel } from '../schemas/evaluation.js';
import { addWorkingDays, chinaCalendar, weekdayCalendar, type WorkCalendar } from './working-days.js';

/**
 * A jurisdiction's rules. Local rules differ (1 day to verify a bad rating, 5–15 working days to
 * rectify, 100% 回访 of real-name bad ratings), so none of this is a constant in code.
 */
export const policySchema = z.object({
  jurisdiction: z.string().check(z.minLength(1)),
  calendar: z._default(z.enum(['cn', 'weekdays']), 'cn'),
  /** Fixed UTC offset of local time, in minutes (China: +480). */
  utcOffsetMinutes: z._default(z.number().check(z.int(), z.gte(-720), z.lte(840)), 480),
  acceptWorkingDays: z._default(z.number().check(z.int(), z.gte(0), z.lte(30)), 1),
  resolveWorkingDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(120)), 5),
  /** 核实: time to verify a bad rating before rectification starts. */
  verifyWorkingDays: z._default(z.number().check(z.int(), z.gte(0), z.lte(10)), 1),
  rectifyWorkingDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(60)), 5),
  revisitWorkingDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(30)), 2),
  /** After 办结, how long the resident may rate before the case closes as 未评价. */
  evaluationWindowWorkingDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(60)), 5),
  /** Levels that always force 整改. */
  rectificationLevels: z._default(z.array(evaluationLevel), [1, 2]),
  /** `real-name-bad`: 回访 every real-name bad rating (the national rule); `all-bad` includes anonymous ones. */
  revisitScope: z._default(z.enum(['real-name-bad', 'all-bad']), 'real-name-bad'),
});
export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

export const defaultPolicy: Policy = policySchema.parse({ jurisdiction: 'default' });

export function definePolicy(input: PolicyInput): Policy {
  return parseInput(policySchema, input, 'policy');
}

export function calendarOf(policy: Policy): WorkCalendar {
  return policy.calendar === 'cn' ? chinaCalendar : weekdayCalendar;
}

export type Deadline = 'accept' | 'resolve' | 'verify' | 'rectify' | 'revisit' | 'evaluationWindow';

/** The deadline for a step, counted in working days from `start` under the policy. */
export function deadline(policy: Policy, step: Deadline, start: string | Date, overrideDays?: number): string {
  const days = overrideDays ?? policy[`${step}WorkingDays`];
  return addWorkingDays(start, days, calendarOf(policy), policy.utcOffsetMinutes);
}

/** Does this bad rating have to be rectified? Level rule from policy, or any reason that demands it. */
export function requiresRectification(policy: Policy, level: EvaluationLevel, reasonsRequiring: boolean): boolean {
  if (policy.rectificationLevels.includes(level)) return true;
  return level <= 2 && reasonsRequiring;
}
