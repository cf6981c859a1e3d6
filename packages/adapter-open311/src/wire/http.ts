import {
  AbortedError,
  AuthError,
  ConflictError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  ValidationError,
  type LinliError,
  type RequestContext,
} from '@linli/sdk';
import { itemsOf, MalformedError, parseBody, str, type Format } from './parse.js';

export interface HttpOptions {
  fetch: typeof globalThis.fetch;
  /** Milliseconds for a whole call, retries included; with a per-call timeout, the stricter wins. */
  timeout?: number;
  /** With a per-call maxRetries, the smaller wins. */
  maxRetries?: number;
  /** First retry delay; doubles on each attempt. */
  retryDelayMs: number;
  headers: Record<string, string>;
}

export interface HttpCall {
  method: 'GET' | 'POST';
  url: string;
  format: Format;
  body?: URLSearchParams;
  headers?: Record<string, string>;
}

/** An Open311 error item: `{ code, description }`, `description` being meant for the user. */
export interface Open311ErrorItem {
  code: string;
  description: string;
}

const accept: Record<Format, string> = { json: 'application/json', xml: 'text/xml, application/xml;q=0.9' };
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/** Reads the spec's error list from a body in either format; anything else yields no items. */
export function errorItems(text: string): Open311ErrorItem[] {
  try {
    // Errors come in whatever format the server manages, not always the one asked for.
    const doc = parseBody(text, text.trimStart().startsWith('<') ? 'xml' : 'json');
    return itemsOf(doc, 'errors', 'error')
      .map((e) => ({ code: str(e.code) ?? '', description: str(e.description) ?? str(e.message) ?? '' }))
      .filter((e) => e.description || e.code);
  } catch {
    return [];
  }
}

/** HTTP status + the spec's error list → the SDK's error tree. */
export function errorFor(status: number, items: Open311ErrorItem[], retryAfter?: number): LinliError {
  const message = items.map((e) => e.description).filter(Boolean).join('; ') || `The Open311 endpoint answered HTTP ${status}.`;
  const opts = { status };
  if (status === 404) return new NotFoundError(message, opts);
  if (status === 401) return new AuthError('unauthorized', message, opts);
  if (status === 403) return new AuthError('forbidden', message, opts);
  if (status === 409) return new ConflictError(message, opts);
  if (status === 429) return new RateLimitedError(message, retryAfter, opts);
  if (status >= 400 && status < 500) {
    return new ValidationError(
      message,
      items.map((e) => ({ path: '', message: e.description, code: e.code || String(status) })),
      opts,
    );
  }
  return new ServerError(message, opts);
}

function retryAfterSeconds(res: Response): number | undefined {
  const h = res.headers.get('retry-after');
  if (!h) return undefined;
  const secs = Number(h);
  if (Number.isFinite(secs)) return Math.max(0, secs);
  const at = Date.parse(h);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export interface HttpResult {
  status: number;
  text: string;
}

/**
 * One call with a deadline for the whole call, the caller's abort signal, and retries with
 * exponential backoff (honouring `Retry-After`) for GETs only: a POST creates a request, and
 * Open311 has no idempotency key to make a retried POST safe.
 */
export async function send(call: HttpCall, ctx: RequestContext, http: HttpOptions): Promise<HttpResult> {
  const strictest = (a: number | undefined, b: number | undefined, fallback: number) => {
    const given = [a, b].filter((n): n is number => typeof n === 'number');
    return given.length ? Math.min(...given) : fallback;
  };
  const timeout = strictest(ctx.timeout, http.timeout, 30_000);
  const retries = call.method === 'GET' ? strictest(ctx.maxRetries, http.maxRetries, 2) : 0;
  const controller = new AbortController();
  const timedOut = new Error('timeout');
  const timer = setTimeout(() => controller.abort(timedOut), timeout);
  const onAbort = () => controller.abort(ctx.signal?.reason);
  if (ctx.signal?.aborted) {
    clearTimeout(timer);
    throw new AbortedError();
  }
  ctx.signal?.addEventListener('abort', onAbort, { once: true });

  const fail = (err: unknown): LinliError => {
    if (ctx.signal?.aborted) return new AbortedError(undefined, { cause: err });
    if (controller.signal.aborted) return new TimeoutError(`The Open311 endpoint did not answer within ${timeout} ms.`, { cause: err });
    return new NetworkError(`Could not reach the Open311 endpoint (${call.url.split('?')[0]}).`, { cause: err });
  };

  try {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await http.fetch(call.url, {
          method: call.method,
          headers: {
            accept: accept[call.format],
            ...(call.body ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {}),
            ...http.headers,
            ...ctx.headers,
            ...call.headers,
          },
          body: call.body?.toString(),
          signal: controller.signal,
        });
      } catch (err) {
        const error = fail(err);
        if (error.code !== 'network' || attempt >= retries) throw error;
        await sleep(http.retryDelayMs * 2 ** attempt, controller.signal).catch((e: unknown) => {
          throw fail(e);
        });
        continue;
      }
      let text: string;
      try {
        text = await res.text();
      } catch (err) {
        throw fail(err);
      }
      if (res.ok) return { status: res.status, text };
      const wait = retryAfterSeconds(res);
      if (attempt < retries && RETRYABLE.has(res.status)) {
        await sleep(wait !== undefined ? wait * 1000 : http.retryDelayMs * 2 ** attempt, controller.signal).catch((e: unknown) => {
          throw fail(e);
        });
        continue;
      }
      throw errorFor(res.status, errorItems(text), wait);
    }
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener('abort', onAbort);
  }
}

/** A 2xx body that is not what was asked for (HTML error pages, truncated XML) is the endpoint's fault. */
export function parseOk(text: string, format: Format, what: string): unknown {
  try {
    return parseBody(text, format);
  } catch (err) {
    if (err instanceof MalformedError) throw new ServerError(`The Open311 endpoint sent a malformed ${what}: ${err.message}`, { cause: err });
    throw err;
  }
}
