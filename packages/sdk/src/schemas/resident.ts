import * as z from 'zod/mini';
import { entityBase, id, pageQuery } from './common.js';

/** Staff-only registry. Everything here is PII and never leaves a public endpoint. */
export const household = z.object({
  ...entityBase,
  orgUnitId: id,
  address: z.string().check(z.minLength(1), z.maxLength(200)),
  members: z.number().check(z.int(), z.gte(1)),
  tags: z._default(z.array(z.string().check(z.maxLength(40))), []),
});
export type Household = z.infer<typeof household>;

export const resident = z.object({
  ...entityBase,
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  phone: z.optional(z.string().check(z.maxLength(20))),
  householdId: z.optional(id),
  orgUnitId: id,
  tags: z._default(z.array(z.string().check(z.maxLength(40))), []),
});
export type Resident = z.infer<typeof resident>;

export const residentQuery = z.object({
  orgUnitId: z.optional(id),
  tag: z.optional(z.string()),
  q: z.optional(z.string().check(z.maxLength(40))),
  ...pageQuery,
});
export type ResidentQuery = z.input<typeof residentQuery>;

/** 138****1234: keeps the first three and last four digits. */
export function maskPhone(phone: string | undefined | null): string | undefined {
  if (!phone) return undefined;
  // +86 / 0086 is the country code, not part of the number.
  const digits = phone.replace(/\D/g, '').replace(/^(0086|86)(?=1\d{10}$)/, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***, Alice → A****. */
export function maskName(name: string | undefined | null): string | undefined {
  if (!name) return undefined;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
