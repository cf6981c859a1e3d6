import ky, { isHTTPError, type KyInstance } from 'ky';
import { AbortedError, type RequestContext } from '@linli/sdk';
import { notJson, retryAfterSeconds, toLinliError } from './errors.js';
import { toSearchParams } from './query.js';

/** Statuses worth another attempt: the request may not have been processed, or the server asked us to wait. */
export const retryStatusCodes = [408, 429, 500, 502, 503, 504];
/** Statuses whose `Retry-After` is honoured instead of our own backoff. */
const retryAfterStatusCodes = [429, 503];
const maxSafeTimeout = 2_147_483_647;

export type TokenSource = () => string | undefined | Promise<string | undefined>;

export interface TransportOptions {
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  timeout: number;
  maxRetries: number;
  headers?: Record<string, string>;
  getToken?: TokenSource;
  /** Longest `Retry-After` we wait for; a longer one ends the call with its typed error (and `retryAfterSeconds`). */
  maxRetryAfterMs: number;
  /** Upper bound of the exponential backoff between attempts. */
  backoffLimitMs: number;
}

export interface Call {
  method: 'GET' | 'POST';
  /** Relative to `baseUrl`, no leading slash, segments already encoded. */
  path: string;
  query?: object;
  body?: unknown;
  /** A read sent as POST (tracking keeps the access code out of URLs): safe to repeat without a key. */
  safe?: boolean;
  /** Names the call in error messages. */
  what: string;
}

export type Send = <T>(call: Call, ctx: RequestContext) => Promise<T>;

/** Either signal aborts the result; the first reason wins. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true, signal: controller.signal });
  }
  return controller.signal;
}

/**
 * One function that performs a protocol call with ky: retries only where repeating is harmless (GET, safe
 * reads, POSTs that carry an idempotency key reused on every attempt), `Retry-After` honoured, one deadline
 * for the whole call, and every failure mapped to the SDK's error tree.
 */
export function createTransport(options: TransportOptions): Send {
  const api: KyInstance = ky.create({
    prefixUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    throwHttpErrors: true,
  });

  return async function send<T>(call: Call, ctx: RequestContext): Promise<T> {
    if (ctx.signal?.aborted) throw new AbortedError(undefined, { cause: ctx.signal.reason });
    const timeoutMs = Math.min(ctx.timeout ?? options.timeout, maxSafeTimeout);
    const key = ctx.idempotencyKey;
    const repeatable = call.method === 'GET' || call.safe === true || key !== undefined;
    const limit = repeatable ? Math.max(0, ctx.maxRetries ?? options.maxRetries) : 0;

    const headers = new Headers({ accept: 'application/json' });
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    if (ctx.locale) headers.set('accept-language', ctx.locale);
    if (key !== undefined) headers.set('idempotency-key', key);
    for (const [name, value] of Object.entries(ctx.headers ?? {})) headers.set(name, value);
    const callerSetAuthorization = headers.has('authorization');

    const deadline = new AbortController();
    const started = Date.now();
    const timer = setTimeout(() => deadline.abort(new DOMException('The call ran out of time.', 'TimeoutError')), timeoutMs);
    const signal = ctx.signal ? anySignal([ctx.signal, deadline.signal]) : deadline.signal;
    const query = call.query ? toSearchParams(call.query) : undefined;

    try {
      const response = await api(call.path, {
        method: call.method,
        headers,
        signal,
        timeout: timeoutMs,
        ...(call.body === undefined ? {} : { json: call.body }),
        ...(query && query.toString() !== '' ? { searchParams: query } : {}),
        retry: {
          limit,
          methods: repeatable ? [call.method.toLowerCase()] : [],
          statusCodes: retryStatusCodes,
          afterStatusCodes: retryAfterStatusCodes,
          maxRetryAfter: options.maxRetryAfterMs,
          backoffLimit: options.backoffLimitMs,
          jitter: true,
          shouldRetry: ({ error }) => {
            if (signal.aborted) return false;
            if (isHTTPError(error) && retryAfterStatusCodes.includes(error.response.status)) {
              const after = retryAfterSeconds(error.response.headers);
              // A wait we cannot afford ends the call now, with the server's hint, rather than at the deadline.
              if (after !== undefined) {
                const waitMs = after * 1000;
                if (waitMs > options.maxRetryAfterMs || Date.now() + waitMs >= started + timeoutMs) return false;
              }
            }
            return undefined;
          },
        },
        hooks: {
          beforeRequest: [
            async (request) => {
              if (callerSetAuthorization || !options.getToken) return;
              const token = await options.getToken();
              if (token) request.headers.set('authorization', `Bearer ${token}`);
              else request.headers.delete('authorization');
            },
          ],
        },
      });
      const text = await response.text();
      if (!text) return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch (error) {
        throw notJson(call.what, error);
      }
    } catch (error) {
      throw await toLinliError(error, { callerSignal: ctx.signal, deadline: deadline.signal, timeoutMs, what: call.what });
    } finally {
      clearTimeout(timer);
    }
  };
}
