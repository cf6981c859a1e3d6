import { indicatorSets, reasonsForLevel, type EvaluationLevel } from '@linli/sdk';
import { describe, expect, it } from 'vitest';
import { levelCounts } from '../src/evaluations.js';
import { demoData } from '../src/index.js';

const d = demoData;

describe('好差评 ratings', () => {
  it('follow the documented level distribution', () => {
    const share = (l: number) => d.evaluations.filter((e) => e.level === l).length / d.evaluations.length;
    expect(share(5)).toBeGreaterThanOrEqual(0.6);
    expect(share(5)).toBeLessThanOrEqual(0.7);
    expect(share(4)).toBeGreaterThanOrEqual(0.18);
    expect(share(4)).toBeLessThanOrEqual(0.25);
    expect(share(3)).toBeGreaterThanOrEqual(0.06);
    expect(share(3)).toBeLessThanOrEqual(0.08);
    expect(share(2)).toBeGreaterThanOrEqual(0.02);
    expect(share(2)).toBeLessThanOrEqual(0.04);
    expect(share(1)).toBeGreaterThanOrEqual(0.01);
    expect(share(1)).toBeLessThanOrEqual(0.02);
  });

  it('deal exact counts that stay in range for any plausible total', () => {
    for (const n of [300, 539, 1000, 5000]) {
      const c = levelCounts(n);
      expect(c[5] + c[4] + c[3] + c[2] + c[1]).toBe(n);
      expect(c[5] / n).toBeGreaterThanOrEqual(0.6);
      expect(c[1] / n).toBeGreaterThanOrEqual(0.01);
    }
  });

  it('use only reasons and indicators that fit the level', () => {
    const indicators = new Set(indicatorSets['2024.1']!.indicators.map((i) => i.code));
    for (const e of d.evaluations) {
      const allowed = new Set(reasonsForLevel(e.level as EvaluationLevel).map((r) => r.code));
      for (const r of e.reasons) expect(allowed, `${e.id} ${r}`).toContain(r);
      for (const i of e.indicators) expect(indicators).toContain(i);
      if (e.level <= 2) expect(e.reasons.length, e.id).toBeGreaterThan(0);
    }
  });

  it('mix per-matter grievance ratings with per-visit service, window and staff ratings', () => {
    const types = new Set(d.evaluations.map((e) => e.target.type));
    for (const t of ['grievance', 'service', 'window', 'staff', 'org-unit']) expect(types).toContain(t);
    const byMode = (m: string) => d.evaluations.filter((e) => e.mode === m).length;
    expect(byMode('per-matter')).toBeGreaterThan(80);
    expect(byMode('per-visit')).toBeGreaterThan(300);
    const serviceIds = new Set(d.services.map((s) => s.id));
    for (const e of d.evaluations.filter((x) => x.target.type === 'service')) {
      expect(serviceIds).toContain(e.target.id);
      expect(e.serviceCode).toBe(d.services.find((s) => s.id === e.target.id)!.code);
    }
  });

  it('carry rater details only for real-name ratings; some consent to contact', () => {
    const real = d.evaluations.filter((e) => e.realName);
    expect(real.length).toBeGreaterThan(50);
    for (const e of real) expect(e.rater?.name).toBeTruthy();
    for (const e of d.evaluations.filter((x) => !x.realName)) {
      expect(e.rater).toBeUndefined();
      expect(e.contactConsent).toBe(false);
    }
    expect(real.filter((e) => e.contactConsent).length).toBeGreaterThan(20);
  });

  it('include an upheld appeal against a mistaken bad rating', () => {
    const appealed = d.evaluations.filter((e) => e.appeal);
    expect(appealed.length).toBeGreaterThan(0);
    const r = d.rectifications.find((x) => x.id === appealed[0]!.rectificationId)!;
    expect(r.disposal).toBe('appeal');
  });
});
