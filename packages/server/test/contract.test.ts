import { demoData } from '@linli/demo-data';
import { runAdapterContractTests } from '@linli/sdk/testing';
import { createSqlBackend } from '../src/index.js';
import { databaseKinds, seededDb } from './databases.js';

// The whole adapter contract, on the same SQL the server runs, seeded with the demo community.
for (const kind of databaseKinds) {
  runAdapterContractTests(`sql backend on ${kind} (demo data)`, async () => {
    const { db, teardown } = await seededDb(kind, demoData);
    const backendFor = createSqlBackend(db, { policy: demoData.policy, now: () => new Date(demoData.now) });
    return { staff: backendFor({ role: 'staff', id: 'st-02', name: '张伟' }), anonymous: backendFor(), teardown };
  });
}
