import { describe, expect, it } from 'vitest';
import { expectLinliError, type ContractHarness } from '../harness.js';

/** The service catalogue: listing, cursor pagination, search and lookup by code. */
export function servicesContract(h: ContractHarness) {
  describe('services', () => {
    it('lists valid services with working cursor pagination', async () => {
      const first = await h.resident.services.list({ limit: 3 });
      expect(first.items.length).toBeGreaterThan(0);
      expect(first.items.length).toBeLessThanOrEqual(3);
      const all = await first.toArray(2000);
      const codes = all.map((s) => s.code);
      expect(new Set(codes).size).toBe(codes.length);
      if (first.hasNextPage()) expect(all.length).toBeGreaterThan(3);
    });

    it('finds a service by a word of its name and gets it by code', async () => {
      const s = h.requestable;
      const word = [...s.name['zh-CN']].slice(0, 2).join('');
      const page = await h.resident.services.list({ q: word, limit: 500 });
      expect(page.items.map((x) => x.code)).toContain(s.code);
      const again = await h.resident.services.get(s.code);
      expect(again.code).toBe(s.code);
      expect(again.name['zh-CN']).toBe(s.name['zh-CN']);
    });

    it('says not_found for an unknown code', async () => {
      await expectLinliError(h.resident.services.get('no-such-service-xyz'), 'not_found');
    });
  });
}
