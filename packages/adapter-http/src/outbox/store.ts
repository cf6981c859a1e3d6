import type { Locale, OutboxItem } from '@linli/sdk';

/**
 * `pending`: waiting to be sent (offline, server unreachable, server error).
 * `failed`: the server refused it for good (a 4xx other than 408/429); kept so the resident's text is never
 * silently lost, until the app shows it and calls `discard()` or `retry()`.
 */
export type OutboxItemState = 'pending' | 'failed';

export interface StoredOutboxItem extends OutboxItem {
  state: OutboxItemState;
  /** Milliseconds since the epoch; with `id` it orders items first-in, first-out. */
  seq: number;
  /** The resident's locale, so a later delivery gets its error messages in the same language. */
  locale?: Locale;
}

/** Where the outbox keeps its items. IndexedDB in browsers; memory in Node and tests; anything else you write. */
export interface OutboxStore {
  /** Every item, oldest first. */
  list(): Promise<StoredOutboxItem[]>;
  /** Inserts or replaces by `id`. Must be durable when it resolves: the caller throws "saved" right after. */
  put(item: StoredOutboxItem): Promise<void>;
  remove(id: string): Promise<void>;
  close?(): void;
}

export const byAge = (a: StoredOutboxItem, b: StoredOutboxItem) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** An outbox store that lives as long as the process: for Node services and tests. Share one to simulate reloads. */
export function createMemoryOutboxStore(initial: StoredOutboxItem[] = []): OutboxStore {
  const items = new Map(initial.map((i) => [i.id, structuredClone(i)]));
  return {
    async list() {
      return [...items.values()].map((i) => structuredClone(i)).sort(byAge);
    },
    async put(item) {
      items.set(item.id, structuredClone(item));
    },
    async remove(id) {
      items.delete(id);
    },
  };
}
