import { describe, expect, it } from 'vitest';
import { expectLinliError, type ContractHarness } from '../harness.js';

/** Published notices (pinned first, by category) and the org-unit tree. */
export function noticesAndOrgUnitsContract(h: ContractHarness) {
  describe('notices and org units', () => {
    it('lists published notices, pinned first, filtered by category', async () => {
      if (!h.fixture.anonymous.capabilities.notices) return;
      const page = await h.resident.notices.list({ limit: 100 });
      expect(page.items.length).toBeGreaterThan(0);
      const pinned = page.items.map((n) => n.pinned);
      expect(pinned.indexOf(false) === -1 || pinned.lastIndexOf(true) < pinned.indexOf(false)).toBe(true);
      const category = page.items[0]!.category;
      const filtered = await h.resident.notices.list({ category, limit: 100 });
      expect(filtered.items.every((n) => n.category === category)).toBe(true);
      expect((await h.resident.notices.get(page.items[0]!.id)).id).toBe(page.items[0]!.id);
      await expectLinliError(h.resident.notices.get('no-such-notice'), 'not_found');
    });

    it('lists org units and their children', async () => {
      if (!h.fixture.anonymous.capabilities.orgUnits) return;
      const roots = await h.resident.orgUnits.list({ limit: 500 });
      expect(roots.items.length).toBeGreaterThan(0);
      const parent = roots.items.find((u) => roots.items.some((c) => c.parentId === u.id));
      if (parent) {
        const children = await h.resident.orgUnits.list({ parentId: parent.id, limit: 500 });
        expect(children.items.length).toBeGreaterThan(0);
        expect(children.items.every((c) => c.parentId === parent.id)).toBe(true);
      }
    });
  });
}
