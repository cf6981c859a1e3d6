import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Capability, LinliAdapter } from '../adapter/adapter.js';
import { createClient, type LinliClient } from '../client/client.js';
import { LinliError } from '../errors/errors.js';
import type { GrievanceInput, GrievanceReceipt } from '../schemas/grievance.js';
import type { Service } from '../schemas/service.js';

/** Two views of one backend: a staff member (bearer token / staff actor) and an anonymous resident. */
export interface ContractFixture {
  staff: LinliAdapter;
  anonymous: LinliAdapter;
  teardown?: () => Promise<void>;
}

export interface ContractOptions {
  /** Run the staff half (transitions, rectifications). Open311 endpoints have no staff API. */
  staff?: boolean;
}

const expectLinliError = async (promise: Promise<unknown>, ...codes: string[]) => {
  const err = await promise.then(
    () => {
      throw new Error(`expected a LinliError (${codes.join(' | ')}), but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(LinliError.is(err), `not a LinliError: ${String(err)}`).toBe(true);
  expect(codes).toContain((err as LinliError).code);
  return err as LinliError;
};

/** Fills a service's required dynamic attributes with valid values, honouring `showIf`. */
export function validAttributes(service: Service): Record<string, string | number | boolean | string[]> {
  const out: Record<string, string | number | boolean | string[]> = {};
  const defs = [...service.definition].sort((a, b) => a.order - b.order);
  for (const d of defs) {
    if (d.datatype === 'note' || !d.required) continue;
    if (d.showIf) {
      const v = out[d.showIf.attribute];
      const want = d.showIf.equals;
      const shown = Array.isArray(want) ? want.includes(String(v)) : v === want;
      if (!shown) continue;
    }
    const first = d.values?.[0]?.key ?? 'x';
    out[d.code] =
      d.datatype === 'number' ? 1
      : d.datatype === 'boolean' ? false
      : d.datatype === 'datetime' ? '2026-11-18T10:00:00+08:00'
      : d.datatype === 'multivaluelist' ? [first]
      : d.datatype === 'singlevaluelist' ? first
      : '合同测试';
  }
  return out;
}

/**
 * The behaviour every Linli backend must show (validation, idempotency, workflow legality, tracking
 * with the right and wrong access code, pagination, capabilities). Every adapter package runs it
 * against itself: `runAdapterContractTests('memory', async () => ({ staff, anonymous }))`.
 */
export function runAdapterContractTests(name: string, setup: () => Promise<ContractFixture>, options: ContractOptions = {}) {
  describe(`adapter contract: ${name}`, () => {
    let fixture: ContractFixture;
    let staff: LinliClient;
    let resident: LinliClient;
    let requestable: Service;
    const runStaff = options.staff ?? true;

    const submit = async (overrides: Partial<GrievanceInput> = {}, idempotencyKey?: string): Promise<GrievanceReceipt> =>
      resident.grievances.submit(
        {
          serviceCode: requestable.code,
          description: '小区3号楼楼道灯坏了一个星期，晚上老人上下楼很危险。',
          location: { kind: 'address', text: '幸福路12号3号楼2单元' },
          attributes: validAttributes(requestable),
          reporter: { anonymous: false, name: '王建国', phone: '13912345678' },
          contactConsent: true,
          ...overrides,
        },
        idempotencyKey ? { idempotencyKey } : {},
      );

    beforeAll(async () => {
      fixture = await setup();
      staff = createClient({ adapter: fixture.staff });
      resident = createClient({ adapter: fixture.anonymous });
      const page = await resident.services.list({ requestable: true, limit: 50 });
      const found = page.items[0];
      if (!found) throw new Error('the backend under test needs at least one requestable service');
      requestable = found;
    });
    afterAll(async () => {
      await fixture?.teardown?.();
    });

    describe('capabilities', () => {
      it('declares every capability as a boolean', () => {
        const caps = fixture.anonymous.capabilities;
        for (const key of ['services', 'grievanceSubmit', 'grievanceTrack', 'residentActions', 'staff', 'media', 'evaluations', 'summary', 'notices', 'orgUnits', 'residents'] as Capability[]) {
          expect(typeof caps[key], key).toBe('boolean');
        }
        expect(caps.services && caps.grievanceSubmit && caps.grievanceTrack).toBe(true);
      });

      it('refuses what it does not support with UnsupportedError', async () => {
        const caps = fixture.anonymous.capabilities;
        const calls: [Capability, () => Promise<unknown>][] = [
          ['evaluations', () => resident.evaluations.list()],
          ['summary', () => resident.evaluations.summary()],
          ['notices', () => resident.notices.list()],
          ['orgUnits', () => resident.orgUnits.list()],
          ['residents', () => resident.residents.list()],
        ];
        for (const [cap, call] of calls) {
          if (caps[cap]) continue;
          await expectLinliError(call(), 'unsupported');
        }
      });
    });

    describe('services', () => {
      it('lists valid services with working cursor pagination', async () => {
        const first = await resident.services.list({ limit: 3 });
        expect(first.items.length).toBeGreaterThan(0);
        expect(first.items.length).toBeLessThanOrEqual(3);
        const all = await first.toArray(2000);
        const codes = all.map((s) => s.code);
        expect(new Set(codes).size).toBe(codes.length);
        if (first.hasNextPage()) expect(all.length).toBeGreaterThan(3);
      });

      it('finds a service by a word of its name and gets it by code', async () => {
        const s = requestable;
        const word = [...s.name['zh-CN']].slice(0, 2).join('');
        const page = await resident.services.list({ q: word, limit: 500 });
        expect(page.items.map((x) => x.code)).toContain(s.code);
        const again = await resident.services.get(s.code);
        expect(again.code).toBe(s.code);
        expect(again.name['zh-CN']).toBe(s.name['zh-CN']);
      });

      it('says not_found for an unknown code', async () => {
        await expectLinliError(resident.services.get('no-such-service-xyz'), 'not_found');
      });
    });

    describe('notices and org units', () => {
      it('lists published notices, pinned first, filtered by category', async () => {
        if (!fixture.anonymous.capabilities.notices) return;
        const page = await resident.notices.list({ limit: 100 });
        expect(page.items.length).toBeGreaterThan(0);
        const pinned = page.items.map((n) => n.pinned);
        expect(pinned.indexOf(false) === -1 || pinned.lastIndexOf(true) < pinned.indexOf(false)).toBe(true);
        const category = page.items[0]!.category;
        const filtered = await resident.notices.list({ category, limit: 100 });
        expect(filtered.items.every((n) => n.category === category)).toBe(true);
        expect((await resident.notices.get(page.items[0]!.id)).id).toBe(page.items[0]!.id);
        await expectLinliError(resident.notices.get('no-such-notice'), 'not_found');
      });

      it('lists org units and their children', async () => {
        if (!fixture.anonymous.capabilities.orgUnits) return;
        const roots = await resident.orgUnits.list({ limit: 500 });
        expect(roots.items.length).toBeGreaterThan(0);
        const parent = roots.items.find((u) => roots.items.some((c) => c.parentId === u.id));
        if (parent) {
          const children = await resident.orgUnits.list({ parentId: parent.id, limit: 500 });
          expect(children.items.length).toBeGreaterThan(0);
          expect(children.items.every((c) => c.parentId === parent.id)).toBe(true);
        }
      });
    });

    describe('grievance intake and tracking', () => {
      it('rejects bad input with field-level issues before anything is stored', async () => {
        const err = await expectLinliError(
          resident.grievances.submit({ serviceCode: requestable.code, description: '短', location: { kind: 'address', text: '' } } as GrievanceInput),
          'validation',
        );
        const paths = (err as unknown as { issues: { path: string }[] }).issues.map((i) => i.path);
        expect(paths).toContain('description');
      });

      it('the backend itself validates, even when the client is bypassed', async () => {
        await expectLinliError(
          fixture.anonymous.submitGrievance({ serviceCode: requestable.code, description: '', location: { kind: 'nowhere' } } as never, {}),
          'validation',
        );
        await expectLinliError(
          fixture.anonymous.submitGrievance(
            { serviceCode: 'no-such-service-xyz', description: '这是一个不存在的服务的诉求', location: { kind: 'address', text: '幸福路1号' }, attributes: {}, media: [], channel: 'web', reporter: { anonymous: true }, contactConsent: false },
            {},
          ),
          'validation',
          'not_found',
        );
      });

      it('returns a receipt with a tracking code and an access code', async () => {
        const receipt = await submit();
        expect(receipt.trackingCode).toMatch(/\S{4,}/);
        expect(receipt.accessCode).toMatch(/\S{4,}/);
        expect(receipt.status).toBe('submitted');
      });

      it('stores a submission once per idempotency key', async () => {
        const key = `contract-${Math.random().toString(36).slice(2)}`;
        const [a, b] = await Promise.all([submit({}, key), submit({}, key)]);
        const c = await submit({}, key);
        expect(b.id).toBe(a.id);
        expect(c.id).toBe(a.id);
        expect(c.trackingCode).toBe(a.trackingCode);
        if (runStaff) {
          const all = await staff.grievances.list({ limit: 500 }).then((p) => p.toArray(100_000));
          expect(all.filter((g) => g.trackingCode === a.trackingCode)).toHaveLength(1);
        }
      });

      it('tracks with the right access code and reveals nothing with a wrong one', async () => {
        const receipt = await submit();
        const g = await resident.grievances.track(receipt.trackingCode, receipt.accessCode);
        expect(g.id).toBe(receipt.id);
        expect(g.status).toBe('submitted');
        expect(g.reporter).toEqual({ anonymous: false });
        expect(JSON.stringify(g)).not.toContain('13912345678');
        expect(JSON.stringify(g)).not.toContain('王建国');
        const wrong = await expectLinliError(resident.grievances.track(receipt.trackingCode, 'WRONG123'), 'not_found');
        expect(wrong.message).not.toContain(receipt.id);
        await expectLinliError(resident.grievances.track('MQ-000000-NONE', receipt.accessCode), 'not_found');
      });

      it('honours an aborted signal', async () => {
        const ac = new AbortController();
        ac.abort();
        await expectLinliError(resident.services.list({}, { signal: ac.signal }), 'aborted');
      });
    });

    if (!runStaff) return;

    describe('staff workflow (民情流水线)', () => {
      it('refuses staff actions without staff credentials', async () => {
        const receipt = await submit();
        await expectLinliError(resident.grievances.transition(receipt.id, { action: 'accept', note: '已受理' }), 'unauthorized', 'forbidden', 'unsupported');
        await expectLinliError(resident.grievances.list(), 'unauthorized', 'forbidden', 'unsupported');
      });

      it('walks intake → handling, keeps the timeline append-only and refuses illegal moves', async () => {
        const receipt = await submit();
        await expectLinliError(staff.grievances.transition(receipt.id, { action: 'resolve', note: '已办结' }), 'illegal_transition');
        const accepted = await staff.grievances.transition(receipt.id, { action: 'accept', note: '已受理' });
        expect(accepted.status).toBe('accepted');
        await expectLinliError(staff.grievances.transition(receipt.id, { action: 'assign', note: '派单' }), 'validation');
        const assigned = await staff.grievances.transition(receipt.id, { action: 'assign', note: '派给网格员', assignee: { id: 'staff-1', name: '李网格' } });
        const started = await staff.grievances.transition(receipt.id, { action: 'start', note: '上门查看' });
        const resolved = await staff.grievances.transition(receipt.id, { action: 'resolve', note: '已更换灯泡' });
        expect(resolved.status).toBe('resolved');
        expect(resolved.resolution).toBe('已更换灯泡');
        expect(resolved.timeline.slice(0, started.timeline.length)).toEqual(started.timeline);
        expect(started.timeline.slice(0, assigned.timeline.length)).toEqual(assigned.timeline);
        expect(resolved.timeline.map((e) => e.to)).toEqual(['submitted', 'accepted', 'assigned', 'in_progress', 'resolved']);
        const full = await staff.grievances.get(receipt.id);
        expect(full.reporter).toMatchObject({ anonymous: false, name: '王建国' });
        const tracked = await resident.grievances.track(receipt.trackingCode, receipt.accessCode);
        expect(tracked.status).toBe('resolved');
        await expectLinliError(staff.grievances.transition('no-such-grievance', { action: 'accept', note: 'x' }), 'not_found');
      });

      it('filters and paginates the staff list', async () => {
        const page = await staff.grievances.list({ status: ['submitted'], limit: 2 });
        expect(page.items.length).toBeGreaterThan(0);
        expect(page.items.every((g) => g.status === 'submitted')).toBe(true);
        const all = await page.toArray(100_000);
        expect(new Set(all.map((g) => g.id)).size).toBe(all.length);
      });
    });

    describe('好差评 loop (rate → 整改 → 回访)', () => {
      const resolvedCase = async () => {
        const receipt = await submit();
        for (const cmd of [
          { action: 'accept', note: '已受理' },
          { action: 'assign', note: '派单', assignee: { id: 'staff-1', name: '李网格' } },
          { action: 'start', note: '处理中' },
          { action: 'resolve', note: '已处理完毕' },
        ] as const) {
          await staff.grievances.transition(receipt.id, cmd);
        }
        return receipt;
      };

      it('rates a resolved case once; a good rating closes it', async () => {
        if (!fixture.anonymous.capabilities.evaluations) return;
        const early = await submit();
        await expectLinliError(
          resident.evaluations.submit({ target: { type: 'grievance', id: early.id }, level: 5, accessCode: early.accessCode }),
          'illegal_transition',
        );
        const r = await resolvedCase();
        await expectLinliError(resident.evaluations.submit({ target: { type: 'grievance', id: r.id }, level: 5, accessCode: 'WRONG123' }), 'not_found', 'forbidden', 'unauthorized');
        const key = `eval-${Math.random().toString(36).slice(2)}`;
        const e = await resident.evaluations.submit({ target: { type: 'grievance', id: r.id }, level: 5, reasons: ['fast'], accessCode: r.accessCode }, { idempotencyKey: key });
        const again = await resident.evaluations.submit({ target: { type: 'grievance', id: r.id }, level: 5, reasons: ['fast'], accessCode: r.accessCode }, { idempotencyKey: key });
        expect(again.id).toBe(e.id);
        expect(e.level).toBe(5);
        await expectLinliError(resident.evaluations.submit({ target: { type: 'grievance', id: r.id }, level: 4, accessCode: r.accessCode }), 'conflict');
        const tracked = await resident.grievances.track(r.trackingCode, r.accessCode);
        expect(tracked.status).toBe('closed');
      });

      it('a bad rating opens a rectification with a due date; rectify and revisit close the case', async () => {
        if (!fixture.anonymous.capabilities.evaluations) return;
        const before = await staff.evaluations.summary();
        const r = await resolvedCase();
        const e = await resident.evaluations.submit({
          target: { type: 'grievance', id: r.id },
          level: 2,
          reasons: ['not-solved'],
          comment: '灯还是不亮',
          accessCode: r.accessCode,
        });
        expect(e.rectificationId).toBeTruthy();
        const g = await staff.grievances.get(r.id);
        expect(g.status).toBe('rectifying');
        const rect = await staff.rectifications.get(e.rectificationId!);
        expect(rect.status).toBe('open');
        expect(Date.parse(rect.dueAt)).toBeGreaterThan(Date.parse(e.createdAt));
        await expectLinliError(staff.rectifications.act(rect.id, { action: 'revisit', method: 'phone', outcome: '满意' }), 'illegal_transition');
        const fixed = await staff.rectifications.act(rect.id, { action: 'rectify', note: '更换了整条线路' });
        expect(fixed.status).toBe('rectified');
        expect((await staff.grievances.get(r.id)).status).toBe('revisiting');
        const done = await staff.rectifications.act(rect.id, { action: 'revisit', method: 'phone', outcome: '居民表示满意', newLevel: 4 });
        expect(done.status).toBe('closed');
        expect((await staff.grievances.get(r.id)).status).toBe('closed');
        const after = await staff.evaluations.summary();
        expect(after.count).toBe(before.count + 1);
        expect(after.levels[2]).toBe(before.levels[2] + 1);
        expect(after.badNeedingRectification).toBe(before.badNeedingRectification + 1);
      });
    });
  });
}

export { contractClock, contractNow, contractSeed, miniNotices, miniOrgUnits, miniServices } from './fixtures.js';
