import type * as z from 'zod/mini';
import type { Capability, LinliAdapter, RequestContext } from '../adapter/adapter.js';
import { AbortedError, UnsupportedError } from '../errors/errors.js';
import { parseInput, parseResponse } from '../i18n/validation.js';
import { id as idSchema, pageData, type Locale, type PageData } from '../schemas/common.js';
import { Page } from './page.js';

/** Options accepted by every call. */
export type RequestOptions = RequestContext;

/**
 * What every resource of the client is built from: the adapter, per-call context with defaults,
 * input validation in the caller's locale, capability checks and validated pages.
 */
export interface ClientKit {
  adapter: LinliAdapter;
  locale(): Locale;
  /** The per-call context: client defaults, then `defaults`, then what the caller gave. */
  ctx(o?: RequestOptions, defaults?: RequestOptions): RequestContext;
  input<S extends z.core.$ZodType>(schema: S, data: unknown, what: string): z.output<S>;
  /** An id or code argument, validated. */
  code(value: string, what: string): string;
  /** The adapter method behind a capability, or `UnsupportedError`. */
  need<K extends keyof LinliAdapter>(capability: Capability, method: K): NonNullable<LinliAdapter[K]>;
  /** A list call whose every page is validated against `item` and iterates over later pages. */
  pager<Q extends object, T extends z.core.$ZodType>(
    item: T,
    what: string,
    fetch: (query: Q, c: RequestContext) => Promise<PageData<unknown>>,
  ): (query: Q, o?: RequestOptions) => Promise<Page<z.output<T>>>;
  /** Validates what the adapter returned. */
  output<S extends z.core.$ZodType>(schema: S, data: unknown, what: string): z.output<S>;
}

export interface KitOptions {
  adapter: LinliAdapter;
  locale: () => Locale;
  timeout?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

export function createKit(options: KitOptions): ClientKit {
  const { adapter } = options;
  const kit: ClientKit = {
    adapter,
    locale: options.locale,
    ctx(o = {}, defaults = {}) {
      if (o.signal?.aborted) throw new AbortedError();
      // `{ timeout: undefined }` must not erase a default, so only defined options override.
      const given = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as RequestOptions;
      return {
        timeout: options.timeout ?? 30_000,
        maxRetries: options.maxRetries ?? 2,
        locale: options.locale(),
        ...defaults,
        ...given,
        headers: { ...options.headers, ...o.headers },
      };
    },
    input: (schema, data, what) => parseInput(schema, data, what, options.locale()),
    output: (schema, data, what) => parseResponse(schema, data, what),
    code: (value, what) => parseInput(idSchema, value, what, options.locale()),
    need(capability, method) {
      const fn = adapter[method];
      if (!adapter.capabilities[capability] || typeof fn !== 'function') {
        throw new UnsupportedError(`The ${adapter.name} backend does not support ${capability}.`, capability);
      }
      return (fn as (...a: unknown[]) => unknown).bind(adapter) as NonNullable<LinliAdapter[typeof method]>;
    },
    pager(item, what, fetch) {
      const schema = pageData(item);
      const load = async (query: Parameters<typeof fetch>[0], o?: RequestOptions): Promise<Page<z.output<typeof item>>> => {
        const data = parseResponse(schema, await fetch(query, kit.ctx(o)), `${what} page`) as PageData<z.output<typeof item>>;
        return new Page(data, (cursor) => load({ ...query, cursor }, o));
      };
      return load;
    },
  };
  return kit;
}

/** A fresh idempotency key; reused by the adapter across retries of one call. */
export const newKey = () => globalThis.crypto.randomUUID();
