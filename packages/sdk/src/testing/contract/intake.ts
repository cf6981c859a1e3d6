import { describe, expect, it } from 'vitest';
import type { GrievanceInput } from '../../schemas/grievance.js';
import { expectLinliError, type ContractHarness } from '../harness.js';

/** Grievance intake and tracking: validation, receipts, idempotency, tracking with the right and wrong access code, abort. */
export function intakeContract(h: ContractHarness) {
  describe('grievance intake and tracking', () => {
    it('rejects bad input with field-level issues before anything is stored', async () => {
      const err = await expectLinliError(
        h.resident.grievances.submit({ serviceCode: h.requestable.code, description: '短', location: { kind: 'address', text: '' } } as GrievanceInput),
        'validation',
      );
      const paths = (err as unknown as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths).toContain('description');
    });

    it('the backend itself validates, even when the client is bypassed', async () => {
      await expectLinliError(
        h.fixture.anonymous.submitGrievance({ serviceCode: h.requestable.code, description: '', location: { kind: 'nowhere' } } as never, {}),
        'validation',
      );
      await expectLinliError(
        h.fixture.anonymous.submitGrievance(
          { serviceCode: 'no-such-service-xyz', description: '这是一个不存在的服务的诉求', location: { kind: 'address', text: '幸福路1号' }, attributes: {}, media: [], channel: 'web', reporter: { anonymous: true }, contactConsent: false },
          {},
        ),
        'validation',
        'not_found',
      );
    });

    it('returns a receipt with a tracking code and an access code', async () => {
      const receipt = await h.submit();
      expect(receipt.trackingCode).toMatch(/\S{4,}/);
      expect(receipt.accessCode).toMatch(/\S{4,}/);
      expect(receipt.status).toBe('submitted');
    });

    it('stores a submission once per idempotency key', async () => {
      const key = `contract-${Math.random().toString(36).slice(2)}`;
      const [a, b] = await Promise.all([h.submit({}, key), h.submit({}, key)]);
      const c = await h.submit({}, key);
      expect(b.id).toBe(a.id);
      expect(c.id).toBe(a.id);
      expect(c.trackingCode).toBe(a.trackingCode);
      if (h.runStaff) {
        const all = await h.staff.grievances.list({ limit: 500 }).then((p) => p.toArray(100_000));
        expect(all.filter((g) => g.trackingCode === a.trackingCode)).toHaveLength(1);
      }
    });

    it('tracks with the right access code and reveals nothing with a wrong one', async () => {
      const receipt = await h.submit();
      const g = await h.resident.grievances.track(receipt.trackingCode, receipt.accessCode);
      expect(g.id).toBe(receipt.id);
      expect(g.status).toBe('submitted');
      expect(g.reporter).toEqual({ anonymous: false });
      expect(JSON.stringify(g)).not.toContain('13912345678');
      expect(JSON.stringify(g)).not.toContain('王建国');
      const wrong = await expectLinliError(h.resident.grievances.track(receipt.trackingCode, 'WRONG123'), 'not_found');
      expect(wrong.message).not.toContain(receipt.id);
      await expectLinliError(h.resident.grievances.track('MQ-000000-NONE', receipt.accessCode), 'not_found');
    });

    it('honours an aborted signal', async () => {
      const ac = new AbortController();
      ac.abort();
      await expectLinliError(h.resident.services.list({}, { signal: ac.signal }), 'aborted');
    });
  });
}
