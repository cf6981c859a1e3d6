import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { byAge, type OutboxStore, type StoredOutboxItem } from './store.js';

interface OutboxDb extends DBSchema {
  items: { key: string; value: StoredOutboxItem };
}

export interface IndexedDbOutboxStoreOptions {
  /** Database name; the adapter uses one per backend so two endpoints on one site never mix submissions. */
  name?: string;
}

export const defaultOutboxName = 'linli-outbox';

/** The browser outbox store: survives reloads, closed tabs and restarts; shared by every tab of the origin. */
export function createIndexedDbOutboxStore(options: IndexedDbOutboxStoreOptions = {}): OutboxStore {
  const name = options.name ?? defaultOutboxName;
  let db: Promise<IDBPDatabase<OutboxDb>> | undefined;
  const open = () => {
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(new Error('IndexedDB is not available here; use createMemoryOutboxStore().'));
    }
    db ??= openDB<OutboxDb>(name, 1, {
      upgrade(database) {
        database.createObjectStore('items', { keyPath: 'id' });
      },
      blocking() {
        // Another tab wants a newer version: step aside rather than block it; the next call reopens.
        void db?.then((d) => d.close());
        db = undefined;
      },
      terminated() {
        db = undefined;
      },
    });
    db.catch(() => {
      db = undefined;
    });
    return db;
  };
  // A put must be on disk before the adapter tells the resident "saved".
  const write = async (run: (store: { put(v: StoredOutboxItem): Promise<unknown>; delete(k: string): Promise<unknown> }) => Promise<unknown>) => {
    const tx = (await open()).transaction('items', 'readwrite', { durability: 'strict' });
    await Promise.all([run(tx.store), tx.done]);
  };

  return {
    async list() {
      return (await (await open()).getAll('items')).sort(byAge);
    },
    put: (item) => write((s) => s.put(item)),
    remove: (id) => write((s) => s.delete(id)),
    close() {
      void db?.then((d) => d.close(), () => undefined);
      db = undefined;
    },
  };
}
