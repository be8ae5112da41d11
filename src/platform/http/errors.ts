// Typed errors with a stable code. One error handler (handler.ts) maps them to
// HTTP: JSON for /api, a Danish or English page for everything else.

export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'csrf_failed'
  | 'payload_too_large'
  | 'rate_limited'
  | 'service_unavailable'
  | 'internal';

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
};

/** One problem with one input field, for error summaries and JSON `details`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class KanalError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** English, for logs and API clients. Pages show the catalogue's text for the code. */
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.name = 'KanalError';
    this.status = statusOf[code];
  }
}

export const notFound = (what = 'The page or resource was not found.') => new KanalError('not_found', what);
export const forbidden = (why = 'You may not do this.') => new KanalError('forbidden', why);
export const unauthenticated = () => new KanalError('unauthenticated', 'Log in to continue.');
export const conflict = (why: string) => new KanalError('conflict', why);
export const badRequest = (why: string, details?: FieldProblem[]) => new KanalError('bad_request', why, details);
export const validationFailed = (details: FieldProblem[]) =>
  new KanalError('validation_failed', 'The input is not valid.', details);
