import { describe, expect, it } from 'vitest';
import { ERROR_CODES, READING_REJECTIONS } from './errors.js';

// The codes are part of the contract (problem `type` URNs): renaming one breaks clients.
describe('error codes', () => {
  it('are pinned', () => {
    expect(Object.fromEntries(Object.entries(ERROR_CODES).map(([k, v]) => [k, v.status]))).toEqual({
      bad_request: 400, invalid_json: 400, validation_failed: 400, batch_rejected: 400, unauthorized: 401,
      forbidden: 403, not_found: 404, method_not_allowed: 405, conflict: 409, payload_too_large: 413,
      unsupported_media_type: 415, rate_limited: 429, internal: 500, unavailable: 503,
    });
    expect(Object.keys(READING_REJECTIONS)).toEqual([
      'not_an_object', 'missing_sensor', 'unknown_sensor', 'sensor_disabled', 'missing_value', 'not_numeric',
      'not_finite', 'out_of_range', 'bad_time', 'future_time', 'too_old',
    ]);
  });
});
