import * as z from 'zod/mini';
import { entityBase, id, localizedText, pageQuery } from './common.js';

/**
 * Common administrative levels. Levels are data: a place may skip 街道 or sit under a 镇,
 * so any lowercase slug is accepted and these are only the usual ones.
 */
export const commonOrgUnitLevels = ['city', 'district', 'street', 'town', 'community', 'village', 'grid', 'building'] as const;

export const orgUnitStats = z.object({
  households: z.optional(z.number().check(z.int(), z.gte(0))),
  population: z.optional(z.number().check(z.int(), z.gte(0))),
  areaKm2: z.optional(z.number().check(z.gte(0))),
  partyMembers: z.optional(z.number().check(z.int(), z.gte(0))),
  staff: z.optional(z.number().check(z.int(), z.gte(0))),
});

export const orgUnitOffice = z.object({
  address: localizedText,
  phone: z.string().check(z.minLength(3), z.maxLength(40)),
  hours: localizedText,
  onDuty: z.optional(z.object({ name: z.string().check(z.minLength(1)), phone: z.string().check(z.minLength(3), z.maxLength(40)) })),
});

export const orgUnit = z.object({
  ...entityBase,
  level: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'linli:level-slug')),
  /** How this place names its level (社区, 居委会, 网格 …). */
  levelName: localizedText,
  name: localizedText,
  parentId: z.nullable(id),
  stats: z._default(orgUnitStats, {}),
  office: z.optional(orgUnitOffice),
});
export type OrgUnit = z.infer<typeof orgUnit>;

export const orgUnitQuery = z.object({
  parentId: z.optional(id),
  level: z.optional(z.string()),
  ...pageQuery,
});
export type OrgUnitQuery = z.input<typeof orgUnitQuery>;
