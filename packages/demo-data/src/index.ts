import { createDemoData } from './dataset.js';
import type { DemoDataset } from './types.js';

export { createDemoData } from './dataset.js';
export { makeServiceCatalogue } from './catalogue.js';
export { DEMO_NOW } from './time.js';
export type { DemoDataset, DemoDataOptions, StaffMember } from './types.js';

/**
 * The default dataset, anchored at 2026-11-20 09:00 Beijing time. Built once, on first import;
 * marked pure so bundles that only use `makeServiceCatalogue` leave it out.
 */
export const demoData: DemoDataset = /* @__PURE__ */ createDemoData();
