import { contractClock, contractSeed, runAdapterContractTests } from '@linli/sdk/testing';
import { createMemoryStore, memoryAdapter } from '../src/index.js';

runAdapterContractTests('memory (minimal seed)', async () => {
  const store = createMemoryStore({ seed: contractSeed });
  const now = contractClock;
  return { staff: memoryAdapter({ store, now, actor: { role: 'staff', id: 'staff-1', name: '李网格' } }), anonymous: memoryAdapter({ store, now }) };
});
