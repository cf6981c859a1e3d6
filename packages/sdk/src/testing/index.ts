import { afterAll, beforeAll, describe } from 'vitest';
import { capabilitiesContract } from './contract/capabilities.js';
import { evaluationLoopContract } from './contract/evaluation-loop.js';
import { intakeContract } from './contract/intake.js';
import { noticesAndOrgUnitsContract } from './contract/notices-org-units.js';
import { servicesContract } from './contract/services.js';
import { staffWorkflowContract } from './contract/staff-workflow.js';
import { createHarness, type ContractFixture, type ContractOptions } from './harness.js';

/** The parts of the contract that need staff credentials; Open311 endpoints have none. */
const staffParts = [staffWorkflowContract, evaluationLoopContract];
/** The parts every backend runs. */
const publicParts = [capabilitiesContract, servicesContract, noticesAndOrgUnitsContract, intakeContract];

/**
 * The behaviour every Linli backend must show (validation, idempotency, workflow legality, tracking
 * with the right and wrong access code, pagination, capabilities). Every adapter package runs it
 * against itself: `runAdapterContractTests('memory', async () => ({ staff, anonymous }))`.
 * Each part lives in `contract/` and takes the shared harness.
 */
export function runAdapterContractTests(name: string, setup: () => Promise<ContractFixture>, options: ContractOptions = {}) {
  describe(`adapter contract: ${name}`, () => {
    const h = createHarness(options);
    let fixture: ContractFixture | undefined;
    beforeAll(async () => {
      fixture = await setup();
      await h.setUp(fixture);
    });
    afterAll(async () => {
      await fixture?.teardown?.();
    });
    for (const part of publicParts) part(h);
    if (h.runStaff) for (const part of staffParts) part(h);
  });
}

export { expectLinliError, validAttributes, type ContractFixture, type ContractHarness, type ContractOptions } from './harness.js';
export { contractClock, contractNow, contractSeed, miniNotices, miniOrgUnits, miniServices } from './fixtures.js';
