import { runAdapterContractTests } from '@linli/sdk/testing';
import { createMemoryStore, memoryAdapter } from '../src/index.js';
import { miniNotices, miniOrgUnits, miniServices } from './fixtures.js';

runAdapterContractTests('memory (minimal seed)', async () => {
  const store = createMemoryStore({ seed: { services: miniServices, orgUnits: miniOrgUnits, notices: miniNotices } });
  return { staff: memoryAdapter({ store, actor: { role: 'staff', id: 'staff-1', name: '李网格' } }), anonymous: memoryAdapter({ store }) };
});
