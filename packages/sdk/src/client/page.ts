import type { PageData } from '../schemas/common.js';

/** One page of results that also iterates over every later page: `for await (const s of page)`. */
export class Page<T> implements AsyncIterable<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
  readonly total?: number;

  constructor(
    data: PageData<T>,
    private readonly fetchPage: (cursor: string) => Promise<Page<T>>,
  ) {
    this.items = data.items;
    this.nextCursor = data.nextCursor;
    this.total = data.total;
  }

  hasNextPage(): boolean {
    return this.nextCursor !== null;
  }

  async nextPage(): Promise<Page<T> | null> {
    return this.nextCursor === null ? null : this.fetchPage(this.nextCursor);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T> | null = this;
    while (page) {
      yield* page.items;
      page = await page.nextPage();
    }
  }

  /** Collects every item of every page (bounded by `max`, default 10 000). */
  async toArray(max = 10_000): Promise<T[]> {
    const all: T[] = [];
    for await (const item of this) {
      all.push(item);
      if (all.length >= max) break;
    }
    return all;
  }
}
