/**
 * The one table of error codes. Each becomes an RFC 9457 problem (`type` = PROBLEM_BASE + code)
 * with its HTTP status and title; `test` pins the table so codes are never renamed.
 */
export const PROBLEM_BASE = 'urn:lifeline:problem:';

export const ERROR_CODES = {
  bad_request: { status: 400, title: 'The request is malformed' },
  invalid_json: { status: 400, title: 'The body is not valid JSON' },
  validation_failed: { status: 400, title: 'A field is invalid' },
  batch_rejected: { status: 400, title: 'Every item of the batch was rejected' },
  unauthorized: { status: 401, title: 'A valid bearer token is required' },
  forbidden: { status: 403, title: 'Your role does not allow this' },
  not_found: { status: 404, title: 'No such resource' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'The resource is in a state that does not allow this' },
  payload_too_large: { status: 413, title: 'The body is larger than the limit' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'The service is not ready or is shutting down' },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** Why one reading (or one item of a batch) was refused. */
export const READING_REJECTIONS = {
  not_an_object: 'the item is not an object with sensor, ts and value',
  missing_sensor: 'sensor is missing',
  unknown_sensor: 'no sensor is registered with this id',
  sensor_disabled: 'the sensor is disabled',
  missing_value: 'value is missing',
  not_numeric: 'value is not a number',
  not_finite: 'value is not finite',
  out_of_range: "value is outside the quantity's physical range",
  bad_time: 'ts is not a valid time',
  future_time: 'ts is more than 5 minutes in the future',
  too_old: 'ts is older than the retention period',
} as const;
export type ReadingRejection = keyof typeof READING_REJECTIONS;

/** One field-level problem: `field` names the item and field (e.g. `[3].value`), `reason` says why. */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly reason: string;
}

/** An error the core raises for the API to turn into problem+json. */
export class LifelineError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly errors: readonly FieldError[] = [], readonly extra: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = 'LifelineError';
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function validationError(field: string, reason: string, code = 'invalid'): LifelineError {
  return new LifelineError('validation_failed', `${field}: ${reason}`, [{ field, code, reason }]);
}
