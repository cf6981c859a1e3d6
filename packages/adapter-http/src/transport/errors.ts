import { isHTTPError, isTimeoutError } from 'ky';
import {
  AbortedError,
  LinliError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  errorFromJSON,
} from '@linli/sdk';

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Rebuilds the typed SDK error from an HTTP error response: the JSON body when there is one, else the status. */
export async function errorFromResponse(response: Response): Promise<LinliError> {
  const status = response.status;
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const json = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const error = errorFromJSON(json ? { requestId, ...json } : { message: defaultMessage(status, response.statusText), requestId }, status);
  if (error instanceof RateLimitedError && error.retryAfterSeconds === undefined) {
    const after = retryAfterSeconds(response.headers);
    if (after !== undefined) return new RateLimitedError(error.message, after, { status, requestId: error.requestId });
  }
  return error;
}

const defaultMessage = (status: number, statusText: string) =>
  `The server answered ${status}${statusText ? ` ${statusText}` : ''} without an error body.`;

export interface FailureContext {
  /** The caller's own signal: when it fired, the call was aborted on purpose. */
  callerSignal?: AbortSignal;
  /** Fired when the whole call ran out of time (retries included). */
  deadline: AbortSignal;
  timeoutMs: number;
  what: string;
}

/** Maps whatever ky/fetch threw to the SDK error tree; ky's and fetch's own errors never reach callers. */
export async function toLinliError(error: unknown, f: FailureContext): Promise<LinliError> {
  if (LinliError.is(error)) return error;
  if (f.callerSignal?.aborted) return new AbortedError(undefined, { cause: f.callerSignal.reason });
  if (f.deadline.aborted || isTimeoutError(error)) {
    return new TimeoutError(`${f.what} took longer than ${f.timeoutMs} ms.`, { cause: error });
  }
  if (isHTTPError(error)) return errorFromResponse(error.response);
  return new NetworkError(`Could not reach the server for ${f.what}.`, { cause: error });
}

/** A body that is not JSON on a 2xx (a captive portal's login page, a proxy's error page). */
export const notJson = (what: string, cause: unknown) =>
  new ServerError(`The server's answer to ${what} is not JSON.`, { cause });
