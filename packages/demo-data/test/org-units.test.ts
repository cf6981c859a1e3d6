import { describe, expect, it } from 'vitest';
import { demoData } from '../src/index.js';

const d = demoData;
const byId = new Map(d.orgUnits.map((o) => [o.id, o]));
const parentLevel: Record<string, string | null> = { district: null, street: 'district', community: 'street', grid: 'community', building: 'grid' };

describe('org units', () => {
  it('form a district → street → community → grid → building tree', () => {
    for (const o of d.orgUnits) {
      const expected = parentLevel[o.level];
      expect(expected, o.level).not.toBeUndefined();
      if (expected === null) expect(o.parentId).toBeNull();
      else expect(byId.get(o.parentId!)?.level, o.id).toBe(expected);
      expect(o.levelName['zh-CN']).toBeTruthy();
      expect(o.levelName.en).toBeTruthy();
      expect(o.name.en).toBeTruthy();
    }
  });

  it('give communities realistic stats and a staffed office', () => {
    for (const c of d.orgUnits.filter((o) => o.level === 'community')) {
      expect(c.stats.households).toBeGreaterThanOrEqual(1500);
      expect(c.stats.households).toBeLessThanOrEqual(3500);
      expect(c.stats.population! / c.stats.households!).toBeGreaterThan(2);
      expect(c.stats.staff).toBeGreaterThanOrEqual(7);
      expect(c.stats.staff).toBeLessThanOrEqual(16);
      expect(c.stats.partyMembers).toBeGreaterThan(0);
      expect(c.stats.areaKm2).toBeGreaterThan(0);
      expect(c.office?.onDuty?.phone).toMatch(/^1\d{10}$/);
    }
  });

  it('add up: grids to their community, communities to their street', () => {
    for (const c of d.orgUnits.filter((o) => o.level === 'community')) {
      const grids = d.orgUnits.filter((o) => o.parentId === c.id);
      expect(grids.reduce((n, g) => n + g.stats.households!, 0)).toBe(c.stats.households);
    }
    for (const s of d.orgUnits.filter((o) => o.level === 'street')) {
      const kids = d.orgUnits.filter((o) => o.parentId === s.id);
      expect(kids.reduce((n, c) => n + c.stats.population!, 0)).toBe(s.stats.population);
    }
  });

  it('staff belong to existing units; residents and households too', () => {
    for (const s of d.staff) expect(byId.has(s.orgUnitId), s.id).toBe(true);
    const households = new Set(d.households.map((h) => h.id));
    for (const r of d.residents) {
      expect(byId.get(r.orgUnitId)?.level).toBe('community');
      if (r.householdId) expect(households).toContain(r.householdId);
    }
    for (const h of d.households) expect(byId.get(h.orgUnitId)?.level).toBe('community');
  });

  it('tag residents for targeted services', () => {
    const tags = new Set(d.residents.flatMap((r) => r.tags));
    for (const tag of ['独居老人', '低保户', '残疾人', '优抚对象']) expect(tags).toContain(tag);
    expect(new Set(d.residents.map((r) => r.name)).size).toBe(d.residents.length);
  });
});
