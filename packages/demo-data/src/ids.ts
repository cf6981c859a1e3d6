import { seqId } from './text.js';

/** Sequential, readable ids: g-0001, e-0001, r-0001, t-000001. */
export class IdFactory {
  private timelineCount = 0;

  timeline = (): string => seqId('t', ++this.timelineCount, 6);
}

/**
 * An `ApplyContext.newId` that hands out a fixed list of ids in order. The SDK's `recordEvaluation`
 * asks for the evaluation id, then the rectification id (if any), then the timeline entry id; a
 * queue lets each of them be the one we planned, instead of a random UUID.
 */
export function idQueue(ids: readonly string[]): () => string {
  let i = 0;
  return () => {
    const id = ids[i++];
    if (!id) throw new Error(`id queue exhausted after ${ids.join(', ')}`);
    return id;
  };
}

/** Read access to ids decided up front (a Map satisfies it). */
export interface IdLookup<K> {
  get(key: K): string | undefined;
}
