import { describe, expect, it } from 'vitest';
import type { Capability } from '../../adapter/adapter.js';
import { expectLinliError, type ContractHarness } from '../harness.js';

/** Capabilities are honest booleans, and what is not supported is refused with `UnsupportedError`. */
export function capabilitiesContract(h: ContractHarness) {
  describe('capabilities', () => {
    it('declares every capability as a boolean', () => {
      const caps = h.fixture.anonymous.capabilities;
      for (const key of ['services', 'grievanceSubmit', 'grievanceTrack', 'residentActions', 'staff', 'media', 'evaluations', 'summary', 'notices', 'orgUnits', 'residents'] as Capability[]) {
        expect(typeof caps[key], key).toBe('boolean');
      }
      expect(caps.services && caps.grievanceSubmit && caps.grievanceTrack).toBe(true);
    });

    it('refuses what it does not support with UnsupportedError', async () => {
      const caps = h.fixture.anonymous.capabilities;
      const calls: [Capability, () => Promise<unknown>][] = [
        ['evaluations', () => h.resident.evaluations.list()],
        ['summary', () => h.resident.evaluations.summary()],
        ['notices', () => h.resident.notices.list()],
        ['orgUnits', () => h.resident.orgUnits.list()],
        ['residents', () => h.resident.residents.list()],
      ];
      for (const [cap, call] of calls) {
        if (caps[cap]) continue;
        await expectLinliError(call(), 'unsupported');
      }
    });
  });
}
