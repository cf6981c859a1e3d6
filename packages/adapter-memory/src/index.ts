export { memoryAdapter, memoryCapabilities, type MemoryAdapterOptions } from './memory-adapter.js';
export { createMemoryStore, localStoragePersistence, type MemorySeed, type MemoryState, type MemoryStore, type Persistence } from './store.js';
