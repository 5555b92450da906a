import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode, FieldError } from '../domain/index.js';
import { ERROR_CODES, LifelineError, PROBLEM_BASE } from '../domain/index.js';

/** An RFC 9457 problem document. `errors` names each offending field and why. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ErrorCode;
  errors?: readonly FieldError[];
  [extension: string]: unknown;
}

export function problem(code: ErrorCode, detail: string, errors?: readonly FieldError[], extra: Record<string, unknown> = {}): Problem {
  const { status, title } = ERROR_CODES[code];
  return { type: PROBLEM_BASE + code, title, status, detail, code, ...(errors && errors.length ? { errors } : {}), ...extra };
}

export function sendProblem(reply: FastifyReply, p: Problem, request?: FastifyRequest): FastifyReply {
  if (request) p.instance = request.url.split('?')[0];
  return reply.code(p.status).type('application/problem+json').send(p);
}

/** Turn any thrown error into a problem: ours by code, Fastify's by its code, anything else as 500. */
export function toProblem(error: unknown): Problem {
  if (error instanceof LifelineError) return problem(error.code, error.message, error.errors, { ...error.extra });
  const e = error as FastifyError & { validation?: { instancePath?: string; params?: Record<string, unknown>; message?: string }[]; validationContext?: string };
  if (e.validation) {
    const where = e.validationContext ?? 'body';
    const errors = e.validation.map((v) => {
      const missing = v.params?.missingProperty as string | undefined;
      const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      const field = [where === 'querystring' ? '' : '', path, missing].filter(Boolean).join('.') || where;
      return { field, code: 'invalid', reason: v.message ?? 'invalid' };
    });
    return problem('validation_failed', `${where}: ${errors.map((x) => `${x.field} ${x.reason}`).join('; ')}`, errors);
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('payload_too_large', `the body is larger than the limit of ${e.message.match(/\d+/)?.[0] ?? 'the server'} bytes`, [{ field: 'body', code: 'too_large', reason: 'body too large' }]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('unsupported_media_type', 'use application/json or application/x-ndjson', [{ field: 'content-type', code: 'unsupported', reason: e.message }]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('invalid_json', 'the body is empty', [{ field: 'body', code: 'empty', reason: 'empty body' }]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem('bad_request', 'Content-Length does not match the body', [{ field: 'content-length', code: 'invalid', reason: e.message }]);
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return problem(e.statusCode === 404 ? 'not_found' : e.statusCode === 413 ? 'payload_too_large' : 'bad_request', e.message);
  }
  return problem('internal', 'the server failed to handle the request; it is logged');
}
