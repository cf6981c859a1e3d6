/** The contract suite's small seed, shared by every adapter's contract test. */
export { miniNotices as notices, miniOrgUnits as orgUnits, miniServices as services } from '@linli/sdk/testing';
