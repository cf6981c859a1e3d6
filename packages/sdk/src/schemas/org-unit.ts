import * as z from 'zod';
import { entityBase, id, localizedText, pageQuery } from './common.js';

/**
 * Common administrative levels. Levels are data: a place may skip 街道 or sit under a 镇,
 * so any lowercase slug is accepted and these are only the usual ones.
 */
export const commonOrgUnitLevels = ['city', 'district', 'street', 'town', 'community', 'village', 'grid', 'building'] as const;

export const orgUnitStats = z.object({
  households: z.number().int().min(0).optional(),
  population: z.number().int().min(0).optional(),
  areaKm2: z.number().min(0).optional(),
  partyMembers: z.number().int().min(0).optional(),
  staff: z.number().int().min(0).optional(),
});

export const orgUnitOffice = z.object({
  address: localizedText,
  phone: z.string().min(3).max(40),
  hours: localizedText,
  onDuty: z.object({ name: z.string().min(1), phone: z.string().min(3).max(40) }).optional(),
});

export const orgUnit = z.object({
  ...entityBase,
  level: z.string().regex(/^[a-z][a-z0-9-]*$/, 'linli:level-slug'),
  /** How this place names its level (社区, 居委会, 网格 …). */
  levelName: localizedText,
  name: localizedText,
  parentId: id.nullable(),
  stats: orgUnitStats.default({}),
  office: orgUnitOffice.optional(),
});
export type OrgUnit = z.infer<typeof orgUnit>;

export const orgUnitQuery = z.object({
  parentId: id.optional(),
  level: z.string().optional(),
  ...pageQuery,
});
export type OrgUnitQuery = z.input<typeof orgUnitQuery>;
