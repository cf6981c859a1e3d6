import { demoData } from '@linli/demo-data';
import type { SeedData } from './db/seed.js';

/** The `@linli/demo-data` community, loaded into an empty database on first start. */
export const demoSeed: SeedData = demoData;
/** Who the demo staff token (LINLI_DEMO_STAFF_TOKEN) acts as. */
export const demoStaffName = demoData.staff.find((s) => s.role === 'staff')?.name ?? '演示工作人员';
