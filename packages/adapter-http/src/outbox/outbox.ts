import {
  LinliError,
  evaluation,
  grievanceReceipt,
  parseResponse,
  type Evaluation,
  type GrievanceReceipt,
  type Outbox,
  type OutboxEvent,
  type OutboxItem,
} from '@linli/sdk';
import { withLock } from './lock.js';
import type { OutboxStore, StoredOutboxItem } from './store.js';

export type OutboxKind = OutboxItem['kind'];
export type DeliveryResult = GrievanceReceipt | Evaluation;

export interface OutboxBackoff {
  /** Wait before the first automatic retry; doubles per attempt (with jitter). Default 5 s. */
  initialMs: number;
  /** Longest wait between automatic retries. Default 5 min. */
  maxMs: number;
}

/** The SDK's `Outbox`, plus what an app needs to show and settle submissions the server refused. */
export interface HttpOutbox extends Outbox {
  pending(): Promise<StoredOutboxItem[]>;
  /** Items the server refused for good (4xx); kept, with `lastError`, until discarded or retried. */
  failed(): Promise<StoredOutboxItem[]>;
  /** Forgets an item (after the app has shown the resident their text, for instance). */
  discard(id: string): Promise<void>;
  /** Moves a failed item back to pending and flushes. */
  retry(id: string): Promise<void>;
  /** Stops timers and listeners; pending items stay in the store for the next start. */
  close(): void;
}

export interface OutboxEngineOptions {
  store: OutboxStore;
  /** Lock name: one per backend. */
  name: string;
  /** Sends one item with its own idempotency key; resolves with the raw response body. */
  deliver: (item: StoredOutboxItem, signal: AbortSignal) => Promise<unknown>;
  autoFlush: boolean;
  backoff: OutboxBackoff;
}

export interface OutboxEngine {
  outbox: HttpOutbox;
  /** Saves a submission that could not be delivered (or updates the one already saved under its key). */
  enqueue(submission: Pick<StoredOutboxItem, 'kind' | 'payload' | 'idempotencyKey' | 'locale'>, error: Error): Promise<StoredOutboxItem>;
  /** A direct submission with this key succeeded: its queued copy, if any, is delivered. */
  settle(kind: OutboxKind, idempotencyKey: string, result: unknown): void;
}

/** Failures that say nothing about the submission itself: keep it and try again later. */
export function isTransient(error: unknown): boolean {
  if (!LinliError.is(error)) return true;
  return ['network', 'timeout', 'server', 'rate_limited', 'aborted'].includes(error.code) || error.status === 408;
}

/** What a submit saves for later: the request may not have reached the server, or the server could not finish it. */
export function shouldQueue(error: unknown): boolean {
  return LinliError.is(error) && (error.code === 'network' || error.code === 'timeout' || error.code === 'server');
}

const validate = (kind: OutboxKind, raw: unknown): DeliveryResult =>
  kind === 'grievance' ? parseResponse(grievanceReceipt, raw, 'grievance receipt') : parseResponse(evaluation, raw, 'evaluation');

const noop = () => undefined;
const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

export function createOutboxEngine(options: OutboxEngineOptions): OutboxEngine {
  const { store, deliver, backoff } = options;
  const lockName = `linli-outbox:${options.name}`;
  const listeners = new Set<(event: OutboxEvent) => void>();
  const controller = new AbortController();
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let rerun = false;

  const emit = (event: OutboxEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A broken listener must not stop delivery of the next item.
      }
    }
  };

  const schedule = (attempts: number) => {
    if (!options.autoFlush || closed) return;
    if (timer) clearTimeout(timer);
    const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, attempts - 1));
    timer = setTimeout(() => {
      timer = undefined;
      flush().catch(noop);
    }, ceiling / 2 + Math.random() * (ceiling / 2));
    (timer as { unref?: () => void }).unref?.();
  };

  const fail = async (item: StoredOutboxItem, error: Error) => {
    const failed: StoredOutboxItem = { ...item, state: 'failed', attempts: item.attempts + 1, lastError: error.message };
    await store.put(failed);
    emit({ type: 'failed', item: failed, error });
  };

  /** Sends pending items oldest first, under the lock. Stops at the first transient failure: the network is gone. */
  async function drain(): Promise<StoredOutboxItem | undefined> {
    const items = (await store.list()).filter((i) => i.state === 'pending');
    for (const item of items) {
      if (closed) return item;
      let raw: unknown;
      try {
        raw = await deliver(item, controller.signal);
      } catch (e) {
        if (closed) return item;
        const error = asError(e);
        if (isTransient(error)) {
          const waiting = { ...item, attempts: item.attempts + 1, lastError: error.message };
          await store.put(waiting);
          return waiting;
        }
        await fail(item, error);
        continue;
      }
      let result: DeliveryResult;
      try {
        result = validate(item.kind, raw);
      } catch (e) {
        await fail(item, asError(e));
        continue;
      }
      await store.remove(item.id);
      emit({ type: 'delivered', item, result });
    }
    return undefined;
  }

  function flush(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      rerun = true;
      return running;
    }
    running = (async () => {
      try {
        let waiting: StoredOutboxItem | undefined;
        do {
          rerun = false;
          waiting = await withLock(lockName, drain);
        } while (rerun && !waiting && !closed);
        // On success a timer set meanwhile (by a new failure) is left to run: its item may not have been listed.
        if (waiting) schedule(waiting.attempts);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  const onOnline = () => {
    flush().catch(noop);
  };
  const events = globalThis as { addEventListener?: (type: string, fn: () => void) => void; removeEventListener?: (type: string, fn: () => void) => void };
  if (options.autoFlush) {
    events.addEventListener?.('online', onOnline);
    // Items left by an earlier page (reload, closed tab) go out as soon as this one starts.
    const start = setTimeout(onOnline, 0);
    (start as { unref?: () => void }).unref?.();
  }

  const byState = async (state: StoredOutboxItem['state']) => (await store.list()).filter((i) => i.state === state);

  const outbox: HttpOutbox = {
    pending: () => byState('pending'),
    failed: () => byState('failed'),
    flush,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    discard: (id) => withLock(lockName, () => store.remove(id)),
    async retry(id) {
      await withLock(lockName, async () => {
        const item = (await store.list()).find((i) => i.id === id);
        if (item?.state === 'failed') await store.put({ ...item, state: 'pending' });
      });
      await flush();
    },
    close() {
      if (closed) return;
      closed = true;
      controller.abort();
      if (timer) clearTimeout(timer);
      events.removeEventListener?.('online', onOnline);
      void (running ?? Promise.resolve()).catch(noop).finally(() => store.close?.());
    },
  };

  return {
    outbox,
    async enqueue({ kind, payload, idempotencyKey, locale }, error) {
      const existing = (await store.list()).find((i) => i.kind === kind && i.idempotencyKey === idempotencyKey);
      if (existing) {
        const again = { ...existing, state: 'pending' as const, attempts: existing.attempts + 1, lastError: error.message };
        await store.put(again);
        schedule(again.attempts);
        return again;
      }
      const now = Date.now();
      const item: StoredOutboxItem = {
        id: globalThis.crypto.randomUUID(),
        kind,
        idempotencyKey,
        createdAt: new Date(now).toISOString(),
        seq: now,
        attempts: 1,
        lastError: error.message,
        payload,
        state: 'pending',
        ...(locale ? { locale } : {}),
      };
      await store.put(item);
      emit({ type: 'queued', item });
      schedule(item.attempts);
      return item;
    },
    settle(kind, idempotencyKey, raw) {
      // Fire and forget: the caller already has its answer; this only retires a stale queued copy.
      void withLock(lockName, async () => {
        const items = (await store.list()).filter((i) => i.kind === kind && i.idempotencyKey === idempotencyKey);
        for (const item of items) {
          await store.remove(item.id);
          try {
            emit({ type: 'delivered', item, result: validate(kind, raw) });
          } catch {
            // The direct caller got the validation error already.
          }
        }
      }).catch(noop);
    },
  };
}
