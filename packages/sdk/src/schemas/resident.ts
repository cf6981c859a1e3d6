import * as z from 'zod';
import { entityBase, id, pageQuery } from './common.js';

/** Staff-only registry. Everything here is PII and never leaves a public endpoint. */
export const household = z.object({
  ...entityBase,
  orgUnitId: id,
  address: z.string().min(1).max(200),
  members: z.number().int().min(1),
  tags: z.array(z.string().max(40)).default([]),
});
export type Household = z.infer<typeof household>;

export const resident = z.object({
  ...entityBase,
  name: z.string().min(1).max(40),
  phone: z.string().max(20).optional(),
  householdId: id.optional(),
  orgUnitId: id,
  tags: z.array(z.string().max(40)).default([]),
});
export type Resident = z.infer<typeof resident>;

export const residentQuery = z.object({ orgUnitId: id.optional(), tag: z.string().optional(), q: z.string().max(40).optional(), ...pageQuery });
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
