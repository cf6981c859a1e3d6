import { service } from '@linli/sdk';
import { describe, expect, it } from 'vitest';
import { demoData, makeServiceCatalogue } from '../src/index.js';

describe('makeServiceCatalogue', () => {
  it('returns 10 000 valid services with unique codes and ids', () => {
    const list = makeServiceCatalogue(10_000);
    expect(list).toHaveLength(10_000);
    expect(new Set(list.map((s) => s.code)).size).toBe(10_000);
    expect(new Set(list.map((s) => s.id)).size).toBe(10_000);
    for (const s of list) {
      const r = service.safeParse(s);
      if (!r.success) throw new Error(`${s.code}: ${r.error.message}`);
    }
  });

  it('starts with the real catalogue and then varies it', () => {
    const list = makeServiceCatalogue(500);
    expect(list.slice(0, demoData.services.length)).toEqual(demoData.services);
    const variants = list.slice(demoData.services.length);
    expect(new Set(variants.map((s) => s.orgUnitId)).size).toBeGreaterThan(3);
    expect(new Set(variants.map((s) => s.name['zh-CN'])).size).toBe(variants.length);
  });

  it('is deterministic per seed', () => {
    expect(makeServiceCatalogue(300)).toEqual(makeServiceCatalogue(300));
    expect(makeServiceCatalogue(300, 7)).not.toEqual(makeServiceCatalogue(300, 8));
  });

  it('builds 100 000 services well under 2 s', () => {
    makeServiceCatalogue(1000); // warm-up
    const start = performance.now();
    const list = makeServiceCatalogue(100_000);
    const ms = performance.now() - start;
    expect(list).toHaveLength(100_000);
    expect(new Set(list.map((s) => s.code)).size).toBe(100_000);
    expect(ms).toBeLessThan(2000);
  });

  it('handles the edge cases', () => {
    expect(makeServiceCatalogue(0)).toEqual([]);
    expect(() => makeServiceCatalogue(-1)).toThrow(RangeError);
  });
});
