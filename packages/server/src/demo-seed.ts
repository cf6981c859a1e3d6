import { createDemoData, demoData } from '@linli/demo-data';
import type { SeedData } from './db/seed.js';

/**
 * The `@linli/demo-data` community, loaded into an empty database on first start. It is dated to the
 * day the database is created, so its open 公示 windows and deadlines are current in a live demo.
 */
export const demoSeed = (now = new Date()): SeedData => createDemoData({ now: now.toISOString() });
/** Who the demo staff token (LINLI_DEMO_STAFF_TOKEN) acts as. */
export const demoStaffName = demoData.staff.find((s) => s.role === 'staff')?.name ?? '演示工作人员';
