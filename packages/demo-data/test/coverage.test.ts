import { attributeDatatypes, channels, grievanceStatuses, noticeCategories, serviceGroups, targetGroups } from '@linli/sdk';
import { describe, expect, it } from 'vitest';
import { attributeProblems } from '../src/attributes.js';
import { demoData } from '../src/index.js';

const d = demoData;

describe('counts', () => {
  it('meets the minimums', () => {
    expect(d.orgUnits.filter((o) => o.level === 'district')).toHaveLength(1);
    expect(d.orgUnits.filter((o) => o.level === 'street').length).toBeGreaterThanOrEqual(2);
    expect(d.orgUnits.filter((o) => o.level === 'community').length).toBeGreaterThanOrEqual(5);
    expect(d.orgUnits.filter((o) => o.level === 'grid').length).toBeGreaterThan(0);
    expect(d.orgUnits.filter((o) => o.level === 'building').length).toBeGreaterThan(0);
    expect(d.services.length).toBeGreaterThanOrEqual(60);
    expect(d.notices.length).toBeGreaterThanOrEqual(30);
    expect(d.grievances.length).toBeGreaterThanOrEqual(200);
    expect(d.evaluations.length).toBeGreaterThanOrEqual(500);
    expect(d.residents.length).toBeGreaterThanOrEqual(35);
    expect(d.households.length).toBeGreaterThanOrEqual(18);
    expect(d.staff.filter((s) => s.role === 'staff').length).toBeGreaterThanOrEqual(8);
    expect(d.staff.filter((s) => s.role === 'admin')).toHaveLength(1);
  });
});

describe('coverage of the enums', () => {
  it('every grievance status is represented', () => {
    const seen = new Set(d.grievances.map((g) => g.status));
    for (const s of grievanceStatuses) expect(seen, s).toContain(s);
  });

  it('every notice category is represented', () => {
    const seen = new Set(d.notices.map((n) => n.category));
    for (const c of noticeCategories) expect(seen, c).toContain(c);
  });

  it('every service group is represented', () => {
    const seen = new Set(d.services.map((s) => s.group));
    for (const g of serviceGroups) expect(seen, g).toContain(g);
  });

  it('every target group and every channel appears', () => {
    const targets = new Set(d.services.flatMap((s) => s.targetGroups));
    for (const t of targetGroups) expect(targets, t).toContain(t);
    const used = new Set(d.grievances.map((g) => g.channel));
    for (const c of channels) expect(used, c).toContain(c);
  });

  it('every attribute datatype and several showIf conditions appear', () => {
    const defs = d.services.flatMap((s) => s.definition);
    const types = new Set(defs.map((a) => a.datatype));
    for (const t of attributeDatatypes) expect(types, t).toContain(t);
    const conditional = defs.filter((a) => a.showIf);
    expect(conditional.length).toBeGreaterThanOrEqual(5);
    expect(new Set(conditional.map((a) => typeof a.showIf!.equals))).toEqual(new Set(['boolean', 'string']));
    // The canonical example: disability_level shows only once has_disability is true.
    const lowIncome = d.services.find((s) => s.code === 'assistance.dibao')!;
    expect(lowIncome.definition.find((a) => a.code === 'disability_level')?.showIf).toEqual({ attribute: 'has_disability', equals: true });
  });

  it('showIf always points at an earlier attribute of the same form', () => {
    for (const s of d.services) {
      s.definition.forEach((a, i) => {
        if (!a.showIf) return;
        const target = s.definition.findIndex((b) => b.code === a.showIf!.attribute);
        expect(target, `${s.code}.${a.code}`).toBeGreaterThanOrEqual(0);
        expect(target).toBeLessThan(i);
      });
    }
  });
});

describe('services', () => {
  it('have complete 办事指南 and lowercase slug codes', () => {
    for (const s of d.services) {
      expect(s.code).toMatch(/^[a-z-]+\.[a-z0-9-]+$/);
      expect(s.code.startsWith(`${s.group}.`), s.code).toBe(true);
      expect(s.name.en, s.code).toBeTruthy();
      const g = s.guide;
      expect(g.legalBasis.length, s.code).toBeGreaterThan(0);
      expect(g.conditions.length, s.code).toBeGreaterThan(0);
      expect(g.steps.length, s.code).toBeGreaterThan(0);
      expect(g.fees['zh-CN']).toBeTruthy();
      expect(g.where['zh-CN']).toBeTruthy();
      expect(g.hours['zh-CN']).toBeTruthy();
      expect(g.complaintRoute['zh-CN']).toBeTruthy();
      expect(s.keywords.length, s.code).toBeGreaterThan(0);
      if (s.requestable) expect(s.definition.length, s.code).toBeGreaterThan(0);
      else expect(s.definition).toEqual([]);
    }
    expect(d.services.filter((s) => s.requestable).length / d.services.length).toBeGreaterThan(0.75);
  });

  it('say who really issues a certificate', () => {
    const hukou = d.services.find((s) => s.code === 'certificates.hukou')!;
    expect(hukou.guide.issuedBy?.['zh-CN']).toContain('派出所');
    const certs = d.services.filter((s) => s.group === 'certificates');
    expect(certs.every((s) => s.guide.issuedBy)).toBe(true);
    expect(certs.filter((s) => s.guide.issuedBy!['zh-CN'].includes('社区') && /不|无权/.test(s.guide.issuedBy!['zh-CN'])).length).toBeGreaterThanOrEqual(4);
  });

  it('materials state copies and whether originals are needed', () => {
    const materials = d.services.flatMap((s) => s.guide.materials);
    expect(materials.filter((m) => m.copies !== undefined).length).toBeGreaterThan(50);
    expect(materials.some((m) => m.originalRequired === true)).toBe(true);
    expect(materials.some((m) => m.originalRequired === false)).toBe(true);
  });
});

describe('grievances', () => {
  it('carry attributes that fit their service form', () => {
    const byCode = new Map(d.services.map((s) => [s.code, s]));
    for (const g of d.grievances) {
      const s = byCode.get(g.serviceCode);
      expect(s, g.serviceCode).toBeDefined();
      expect(s!.requestable).toBe(true);
      expect(attributeProblems(s!.definition, g.attributes), g.id).toEqual([]);
    }
  });

  it('are located mostly by place, some by address, a few by point', () => {
    const kinds = d.grievances.map((g) => g.location.kind);
    const share = (k: string) => kinds.filter((x) => x === k).length / kinds.length;
    expect(share('place')).toBeGreaterThan(0.6);
    expect(share('address')).toBeGreaterThan(0.05);
    expect(share('point')).toBeGreaterThan(0);
    const ids = new Set(d.orgUnits.map((o) => o.id));
    for (const g of d.grievances) {
      expect(ids).toContain(g.orgUnitId);
      if (g.location.kind === 'place') {
        if (g.location.gridId) expect(ids).toContain(g.location.gridId);
        if (g.location.buildingId) expect(ids).toContain(g.location.buildingId);
      }
    }
  });

  it('have anonymous and named reporters; only named ones consent to a call-back', () => {
    const anon = d.grievances.filter((g) => g.reporter.anonymous);
    expect(anon.length).toBeGreaterThan(20);
    expect(d.grievances.length - anon.length).toBeGreaterThan(100);
    expect(anon.every((g) => !g.contactConsent)).toBe(true);
  });

  it('have deterministic, unique tracking and access codes in the SDK alphabet', () => {
    const tracking = d.grievances.map((g) => g.trackingCode);
    expect(new Set(tracking).size).toBe(tracking.length);
    for (const g of d.grievances) {
      expect(g.trackingCode).toMatch(/^MQ-\d{6}-[2-9A-HJKMNP-Z]{4}$/);
      expect(g.trackingCode.slice(3, 9)).toBe(g.createdAt.slice(2, 10).replace(/-/g, ''));
      expect(d.accessCodes[g.id]).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    }
    expect(Object.keys(d.accessCodes)).toHaveLength(d.grievances.length);
  });
});
