import { describe, expect, it } from 'vitest';
import { expectLinliError, type ContractHarness } from '../harness.js';

/** The 民情流水线 as staff drive it: credentials, legal and illegal moves, append-only timeline, staff lists. */
export function staffWorkflowContract(h: ContractHarness) {
  describe('staff workflow (民情流水线)', () => {
    it('refuses staff actions without staff credentials', async () => {
      const receipt = await h.submit();
      await expectLinliError(h.resident.grievances.transition(receipt.id, { action: 'accept', note: '已受理' }), 'unauthorized', 'forbidden', 'unsupported');
      await expectLinliError(h.resident.grievances.list(), 'unauthorized', 'forbidden', 'unsupported');
    });

    it('walks intake → handling, keeps the timeline append-only and refuses illegal moves', async () => {
      const receipt = await h.submit();
      await expectLinliError(h.staff.grievances.transition(receipt.id, { action: 'resolve', note: '已办结' }), 'illegal_transition');
      const accepted = await h.staff.grievances.transition(receipt.id, { action: 'accept', note: '已受理' });
      expect(accepted.status).toBe('accepted');
      await expectLinliError(h.staff.grievances.transition(receipt.id, { action: 'assign', note: '派单' }), 'validation');
      const assigned = await h.staff.grievances.transition(receipt.id, { action: 'assign', note: '派给网格员', assignee: { id: 'staff-1', name: '李网格' } });
      const started = await h.staff.grievances.transition(receipt.id, { action: 'start', note: '上门查看' });
      const resolved = await h.staff.grievances.transition(receipt.id, { action: 'resolve', note: '已更换灯泡' });
      expect(resolved.status).toBe('resolved');
      expect(resolved.resolution).toBe('已更换灯泡');
      expect(resolved.timeline.slice(0, started.timeline.length)).toEqual(started.timeline);
      expect(started.timeline.slice(0, assigned.timeline.length)).toEqual(assigned.timeline);
      expect(resolved.timeline.map((e) => e.to)).toEqual(['submitted', 'accepted', 'assigned', 'in_progress', 'resolved']);
      const full = await h.staff.grievances.get(receipt.id);
      expect(full.reporter).toMatchObject({ anonymous: false, name: '王建国' });
      const tracked = await h.resident.grievances.track(receipt.trackingCode, receipt.accessCode);
      expect(tracked.status).toBe('resolved');
      await expectLinliError(h.staff.grievances.transition('no-such-grievance', { action: 'accept', note: 'x' }), 'not_found');
    });

    it('filters and paginates the staff list', async () => {
      const page = await h.staff.grievances.list({ status: ['submitted'], limit: 2 });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((g) => g.status === 'submitted')).toBe(true);
      const all = await page.toArray(100_000);
      expect(new Set(all.map((g) => g.id)).size).toBe(all.length);
    });
  });
}
