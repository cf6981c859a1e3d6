import { LinliError, type ErrorCode } from '@linli/sdk';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  requestId?: string;
  [extra: string]: unknown;
}

/** Connection-level database failures: the request may succeed shortly, so 503 + Retry-After. */
function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (/^(08|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code));
}

/**
 * Turns anything thrown into the protocol's JSON error body. LinliErrors keep their code, status and
 * extra fields; zod never reaches here (inputs are parsed with `parseInput`); anything unexpected is
 * logged with the request id and answered with a bare 500 that reveals nothing.
 */
export function errorResponse(err: unknown, c: Context): Response {
  const requestId = c.get('requestId') as string | undefined;
  let status: number;
  let body: ErrorBody;
  if (LinliError.is(err)) {
    status = err.status ?? 500;
    body = { ...err.toJSON(), requestId };
    // Extra fields the SDK's toJSON leaves out but errorFromJSON reads.
    const extra = err as unknown as { retryAfterSeconds?: number; capability?: string };
    if (err.code === 'rate_limited' && extra.retryAfterSeconds !== undefined) {
      body.retryAfterSeconds = extra.retryAfterSeconds;
      c.header('Retry-After', String(extra.retryAfterSeconds));
    }
    if (err.code === 'unsupported' && extra.capability) body.capability = extra.capability;
    if (err.code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer');
  } else if (err instanceof HTTPException) {
    status = err.status;
    body = { code: status === 404 ? 'not_found' : status >= 500 ? 'server' : 'validation', message: err.message || 'Bad request.', requestId };
  } else if (isUnavailable(err)) {
    console.error(`[linli] ${requestId ?? '-'} database unavailable:`, (err as Error).message);
    status = 503;
    body = { code: 'server', message: 'The service is temporarily unavailable; please try again shortly.', requestId };
    c.header('Retry-After', '5');
  } else {
    console.error(`[linli] ${requestId ?? '-'} unexpected error:`, err);
    status = 500;
    body = { code: 'server', message: 'Internal server error.', requestId };
  }
  return c.json(body, status as ContentfulStatusCode);
}
