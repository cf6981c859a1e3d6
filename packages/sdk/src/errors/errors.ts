import type * as z from 'zod/mini';

/** Brand shared by every copy of the SDK, so `LinliError.is()` works across duplicate installs. */
const BRAND = Symbol.for('linli.error');

export const errorCodes = [
  'validation',
  'not_found',
  'conflict',
  'illegal_transition',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'unsupported',
  'network',
  'timeout',
  'aborted',
  'server',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  /** Dotted path to the field, e.g. `location.text`. */
  path: string;
  message: string;
  code: string;
}

export interface LinliErrorOptions {
  cause?: unknown;
  status?: number;
  requestId?: string;
}

/** The root of every error the SDK throws. Check with `LinliError.is(err)`, not `instanceof`. */
export class LinliError extends Error {
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly status?: number;
  readonly requestId?: string;

  constructor(code: ErrorCode, message: string, options: LinliErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status;
    this.requestId = options.requestId;
  }

  static is(value: unknown): value is LinliError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** Plain JSON for the wire (the REST error body). */
  toJSON(): { code: ErrorCode; message: string; issues?: FieldIssue[]; [k: string]: unknown } {
    return { code: this.code, message: this.message };
  }
}

export class ValidationError extends LinliError {
  readonly issues: FieldIssue[];
  constructor(message: string, issues: FieldIssue[], options?: LinliErrorOptions) {
    super('validation', message, { status: 400, ...options });
    this.issues = issues;
  }
  override toJSON() {
    return { ...super.toJSON(), issues: this.issues };
  }
}
export class NotFoundError extends LinliError {
  constructor(message: string, options?: LinliErrorOptions) {
    super('not_found', message, { status: 404, ...options });
  }
}
export class ConflictError extends LinliError {
  constructor(message: string, options?: LinliErrorOptions) {
    super('conflict', message, { status: 409, ...options });
  }
}
export class IllegalTransitionError extends LinliError {
  constructor(
    message: string,
    readonly from: string,
    readonly action: string,
    options?: LinliErrorOptions,
  ) {
    super('illegal_transition', message, { status: 409, ...options });
  }
  override toJSON() {
    return { ...super.toJSON(), from: this.from, action: this.action };
  }
}
export class AuthError extends LinliError {
  constructor(code: 'unauthorized' | 'forbidden', message: string, options?: LinliErrorOptions) {
    super(code, message, { status: code === 'unauthorized' ? 401 : 403, ...options });
  }
}
export class RateLimitedError extends LinliError {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
    options?: LinliErrorOptions,
  ) {
    super('rate_limited', message, { status: 429, ...options });
  }
}
/** The backend cannot do this at all (e.g. evaluations on an Open311 endpoint). */
export class UnsupportedError extends LinliError {
  constructor(
    message: string,
    readonly capability: string,
    options?: LinliErrorOptions,
  ) {
    super('unsupported', message, { status: 501, ...options });
  }
}
export class NetworkError extends LinliError {
  /** Set when the submission was saved in the outbox and will be sent when the network returns. */
  readonly queuedAs?: string;
  constructor(message: string, options?: LinliErrorOptions & { queuedAs?: string }) {
    super('network', message, options);
    this.queuedAs = options?.queuedAs;
  }
}
export class TimeoutError extends LinliError {
  constructor(message: string, options?: LinliErrorOptions) {
    super('timeout', message, options);
  }
}
export class AbortedError extends LinliError {
  constructor(message = 'The request was aborted.', options?: LinliErrorOptions) {
    super('aborted', message, options);
  }
}
export class ServerError extends LinliError {
  constructor(message: string, options?: LinliErrorOptions) {
    super('server', message, { status: 500, ...options });
  }
}

/** Turns zod issues into our own field issues; a ZodError never reaches callers. */
export function toFieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
}

export function validationErrorFrom(error: z.core.$ZodError, what: string): ValidationError {
  const issues = toFieldIssues(error);
  const first = issues[0];
  const detail = first ? ` ${first.path ? `${first.path}: ` : ''}${first.message}` : '';
  return new ValidationError(`Invalid ${what}.${detail}`, issues);
}

/** Rebuilds a typed error from its JSON form (the REST error body). */
export function errorFromJSON(body: unknown, status?: number): LinliError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const message = typeof b.message === 'string' ? b.message : `Request failed${status ? ` with status ${status}` : ''}.`;
  const code = typeof b.code === 'string' ? b.code : '';
  const opts = { status, requestId: typeof b.requestId === 'string' ? b.requestId : undefined };
  switch (code) {
    case 'validation':
      return new ValidationError(message, Array.isArray(b.issues) ? (b.issues as FieldIssue[]) : [], opts);
    case 'not_found':
      return new NotFoundError(message, opts);
    case 'conflict':
      return new ConflictError(message, opts);
    case 'illegal_transition':
      return new IllegalTransitionError(message, String(b.from ?? ''), String(b.action ?? ''), opts);
    case 'unauthorized':
    case 'forbidden':
      return new AuthError(code, message, opts);
    case 'rate_limited':
      return new RateLimitedError(message, typeof b.retryAfterSeconds === 'number' ? b.retryAfterSeconds : undefined, opts);
    case 'unsupported':
      return new UnsupportedError(message, String(b.capability ?? ''), opts);
    case 'network':
      return new NetworkError(message, opts);
    case 'timeout':
      return new TimeoutError(message, opts);
    case 'aborted':
      return new AbortedError(message, opts);
  }
  if (status === 404) return new NotFoundError(message, opts);
  if (status === 401 || status === 403) return new AuthError(status === 401 ? 'unauthorized' : 'forbidden', message, opts);
  if (status === 409) return new ConflictError(message, opts);
  if (status === 429) return new RateLimitedError(message, undefined, opts);
  if (status !== undefined && status >= 400 && status < 500) return new ValidationError(message, [], opts);
  return new ServerError(message, opts);
}
