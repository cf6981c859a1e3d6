export { httpAdapter, type HttpAdapter, type HttpAdapterOptions, type OutboxOptions } from './http-adapter.js';
export { linliCapabilities } from './capabilities.js';
export { createIndexedDbOutboxStore, type IndexedDbOutboxStoreOptions } from './outbox/indexeddb-store.js';
export { createMemoryOutboxStore, type OutboxStore, type OutboxItemState, type StoredOutboxItem } from './outbox/store.js';
export type { HttpOutbox, OutboxBackoff } from './outbox/outbox.js';
export type { TokenSource } from './transport/transport.js';
export { toSearchParams } from './transport/query.js';
