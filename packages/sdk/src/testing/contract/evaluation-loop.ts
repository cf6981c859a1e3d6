import { describe, expect, it } from 'vitest';
import { expectLinliError, type ContractHarness } from '../harness.js';

/** The 好差评 loop: rate once, a good rating closes; a bad one opens 整改, then 回访 closes. */
export function evaluationLoopContract(h: ContractHarness) {
  describe('好差评 loop (rate → 整改 → 回访)', () => {
    const resolvedCase = async () => {
      const receipt = await h.submit();
      for (const cmd of [
        { action: 'accept', note: '已受理' },
        { action: 'assign', note: '派单', assignee: { id: 'staff-1', name: '李网格' } },
        { action: 'start', note: '处理中' },
        { action: 'resolve', note: '已处理完毕' },
      ] as const) {
        await h.staff.grievances.transition(receipt.id, cmd);
      }
      return receipt;
    };

    it('rates a resolved case once; a good rating closes it', async () => {
      if (!h.fixture.anonymous.capabilities.evaluations) return;
      const early = await h.submit();
      await expectLinliError(
        h.resident.evaluations.submit({ target: { type: 'grievance', id: early.id }, level: 5, accessCode: early.accessCode }),
        'illegal_transition',
      );
      const r = await resolvedCase();
      await expectLinliError(h.resident.evaluations.submit({ target: { type: 'grievance', id: r.id }, level: 5, accessCode: 'WRONG123' }), 'not_found', 'forbidden', 'unauthorized');
      const key = `eval-${Math.random().toString(36).slice(2)}`;
      const e = await h.resident.evaluations.submit({ target: { type: 'grievance', id: r.id }, level: 5, reasons: ['fast'], accessCode: r.accessCode }, { idempotencyKey: key });
      const again = await h.resident.evaluations.submit({ target: { type: 'grievance', id: r.id }, level: 5, reasons: ['fast'], accessCode: r.accessCode }, { idempotencyKey: key });
      expect(again.id).toBe(e.id);
      expect(e.level).toBe(5);
      await expectLinliError(h.resident.evaluations.submit({ target: { type: 'grievance', id: r.id }, level: 4, accessCode: r.accessCode }), 'conflict');
      const tracked = await h.resident.grievances.track(r.trackingCode, r.accessCode);
      expect(tracked.status).toBe('closed');
    });

    it('a bad rating opens a rectification with a due date; rectify and revisit close the case', async () => {
      if (!h.fixture.anonymous.capabilities.evaluations) return;
      const before = await h.staff.evaluations.summary();
      const r = await resolvedCase();
      const e = await h.resident.evaluations.submit({
        target: { type: 'grievance', id: r.id },
        level: 2,
        reasons: ['not-solved'],
        comment: '灯还是不亮',
        accessCode: r.accessCode,
      });
      expect(e.rectificationId).toBeTruthy();
      const g = await h.staff.grievances.get(r.id);
      expect(g.status).toBe('rectifying');
      const rect = await h.staff.rectifications.get(e.rectificationId!);
      expect(rect.status).toBe('open');
      expect(Date.parse(rect.dueAt)).toBeGreaterThan(Date.parse(e.createdAt));
      await expectLinliError(h.staff.rectifications.act(rect.id, { action: 'revisit', method: 'phone', outcome: '满意' }), 'illegal_transition');
      const fixed = await h.staff.rectifications.act(rect.id, { action: 'rectify', note: '更换了整条线路' });
      expect(fixed.status).toBe('rectified');
      expect((await h.staff.grievances.get(r.id)).status).toBe('revisiting');
      const done = await h.staff.rectifications.act(rect.id, { action: 'revisit', method: 'phone', outcome: '居民表示满意', newLevel: 4 });
      expect(done.status).toBe('closed');
      expect((await h.staff.grievances.get(r.id)).status).toBe('closed');
      const after = await h.staff.evaluations.summary();
      expect(after.count).toBe(before.count + 1);
      expect(after.levels[2]).toBe(before.levels[2] + 1);
      expect(after.badNeedingRectification).toBe(before.badNeedingRectification + 1);
    });
  });
}
