import { expect } from 'vitest';
import type { LinliAdapter } from '../adapter/adapter.js';
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

/**
 * What every part of the contract suite shares: the backend under test as a resident and as staff,
 * a requestable service, and a way to file a realistic grievance. Filled in `beforeAll`.
 */
export interface ContractHarness {
  readonly fixture: ContractFixture;
  readonly staff: LinliClient;
  readonly resident: LinliClient;
  readonly requestable: Service;
  readonly runStaff: boolean;
  submit(overrides?: Partial<GrievanceInput>, idempotencyKey?: string): Promise<GrievanceReceipt>;
}

export function createHarness(options: ContractOptions): ContractHarness & { setUp(fixture: ContractFixture): Promise<void> } {
  let fixture: ContractFixture | undefined;
  let staff: LinliClient | undefined;
  let resident: LinliClient | undefined;
  let requestable: Service | undefined;
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the contract harness is used before its setUp ran');
    return v;
  };
  const h = {
    get fixture() {
      return ready(fixture);
    },
    get staff() {
      return ready(staff);
    },
    get resident() {
      return ready(resident);
    },
    get requestable() {
      return ready(requestable);
    },
    runStaff: options.staff ?? true,
    submit: async (overrides: Partial<GrievanceInput> = {}, idempotencyKey?: string): Promise<GrievanceReceipt> =>
      h.resident.grievances.submit(
        {
          serviceCode: h.requestable.code,
          description: '小区3号楼楼道灯坏了一个星期，晚上老人上下楼很危险。',
          location: { kind: 'address', text: '幸福路12号3号楼2单元' },
          attributes: validAttributes(h.requestable),
          reporter: { anonymous: false, name: '王建国', phone: '13912345678' },
          contactConsent: true,
          ...overrides,
        },
        idempotencyKey ? { idempotencyKey } : {},
      ),
    async setUp(f: ContractFixture) {
      fixture = f;
      staff = createClient({ adapter: f.staff });
      resident = createClient({ adapter: f.anonymous });
      const page = await resident.services.list({ requestable: true, limit: 50 });
      requestable = page.items[0];
      if (!requestable) throw new Error('the backend under test needs at least one requestable service');
    },
  };
  return h;
}

/** Awaits a call that must fail with a `LinliError` of one of the given codes, and returns it. */
export async function expectLinliError(promise: Promise<unknown>, ...codes: string[]): Promise<LinliError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected a LinliError (${codes.join(' | ')}), but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(LinliError.is(err), `not a LinliError: ${String(err)}`).toBe(true);
  expect(codes).toContain((err as LinliError).code);
  return err as LinliError;
}

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
