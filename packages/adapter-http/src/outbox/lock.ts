interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** Queues per name inside this JavaScript realm (one tab, one Node process). */
const localQueues = new Map<string, Promise<unknown>>();

function localLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  const previous = localQueues.get(name) ?? Promise.resolve();
  const result = previous.then(run, run);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  localQueues.set(name, tail);
  void tail.then(() => {
    if (localQueues.get(name) === tail) localQueues.delete(name);
  });
  return result;
}

const webLocks = (): LockManagerLike | undefined =>
  (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;

/**
 * Runs `run` while holding the named lock: the Web Locks API across every tab of the origin where the
 * browser has it, else a queue inside this realm. Two flushes therefore never send the same item at once.
 */
export function withLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  const locks = webLocks();
  return locks ? locks.request(name, run) : localLock(name, run);
}
