import { contractSeed } from '@linli/sdk/testing';
import type { SeedData } from '../src/index.js';

/** A tiny catalogue for the HTTP and backend tests: the contract suite's seed, small enough to assert exact totals. */
export const testSeed: SeedData = contractSeed;
