import { evaluation, grievance, household, notice, orgUnit, policySchema, rectification, resident, service } from '@linli/sdk';
import { describe, expect, it } from 'vitest';
import { demoData } from '../src/index.js';

/** Every entity must parse with the SDK schema, and parsing must not need to add anything. */
const cases = [
  ['orgUnits', orgUnit],
  ['services', service],
  ['notices', notice],
  ['grievances', grievance],
  ['evaluations', evaluation],
  ['rectifications', rectification],
  ['residents', resident],
  ['households', household],
] as const;

describe('every entity parses with its SDK schema', () => {
  for (const [key, schema] of cases) {
    it(key, () => {
      const list = demoData[key] as unknown[];
      expect(list.length).toBeGreaterThan(0);
      for (const item of list) {
        const result = schema.safeParse(item);
        if (!result.success) throw new Error(`${key} ${(item as { id: string }).id}: ${result.error.message}`);
        // Defaults are already explicit in the data.
        expect(result.data).toEqual(item);
      }
    });
  }

  it('policy', () => {
    expect(policySchema.parse(demoData.policy)).toEqual(demoData.policy);
    expect(demoData.policy.jurisdiction).toBe('七里河区');
  });

  it('ids are unique within each collection', () => {
    for (const [key] of cases) {
      const ids = (demoData[key] as { id: string }[]).map((x) => x.id);
      expect(new Set(ids).size, key).toBe(ids.length);
    }
    const timelineIds = demoData.grievances.flatMap((g) => g.timeline.map((e) => e.id));
    expect(new Set(timelineIds).size).toBe(timelineIds.length);
  });
});
