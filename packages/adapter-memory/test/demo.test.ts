import { createClient } from '@linli/sdk';
import { describe, expect, it } from 'vitest';
import { demoAdapter } from '../src/demo.js';

// Days far apart and awkward for a working-day calendar: Spring Festival, National Day, a leap day,
// years the holiday dataset does not cover yet.
const days = ['2027-02-08T02:00:00Z', '2026-10-03T12:00:00Z', '2028-02-29T23:30:00Z', '2031-07-15T06:00:00Z', '2024-01-01T00:00:00Z'];

describe('the memory demo (adapter="memory") on any day', () => {
  for (const day of days) {
    it(`has something to rate, to read and to rectify on ${day.slice(0, 10)}`, async () => {
      const now = () => new Date(day);
      const staff = createClient({ adapter: demoAdapter({ now, actor: { role: 'staff', id: 's', name: '测试' } }) });
      const resident = createClient({ adapter: demoAdapter({ now }) });

      const resolved = await staff.grievances.list({ status: ['resolved'], limit: 500 }).then((p) => p.toArray());
      expect(resolved.filter((g) => !g.evaluationId).length, 'resolved cases awaiting a rating').toBeGreaterThan(0);

      const notices = await resident.notices.list({ limit: 100 }).then((p) => p.toArray());
      const t = now().getTime();
      expect(notices.some((n) => n.publicity && Date.parse(n.publicity.from) <= t && t < Date.parse(n.publicity.to)), 'an open 公示 window').toBe(true);

      const open = await staff.rectifications.list({ status: 'open', limit: 500 }).then((p) => p.toArray());
      expect(open.some((r) => Date.parse(r.dueAt) > t), 'an open rectification not yet due').toBe(true);
    });
  }

  it('reads its clock through the client', () => {
    const client = createClient({ adapter: demoAdapter({ now: () => new Date(days[0]!) }) });
    expect(client.now().toISOString()).toBe(new Date(days[0]!).toISOString());
  });
});
