import { DomainError } from '@attain/core';
import { httpStatusOf, userMessageOf, type ErrorBody } from '@attain/contract';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** The error body of a zod failure: every offending field by its path. */
export function validationBody(error: ZodError, where: string): ErrorBody {
  const details = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') return { field: issue.keys.join(', '), message: `unknown ${where} field${issue.keys.length > 1 ? 's' : ''}` };
    return { field: path || where, message: issue.message };
  });
  const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
  return { error: { code: 'validation_failed', message: summary || userMessageOf('validation_failed'), details } };
}

/** Maps anything thrown by a handler to the API's one error shape. Unknown errors are logged, not shown. */
export function errorResponse(c: Context, error: unknown): Response {
  if (error instanceof DomainError) {
    const status = httpStatusOf(error.code) as ContentfulStatusCode;
    const details = error.issues.length ? error.issues.map((i) => ({ field: i.field, message: i.message, ...(i.line ? { line: i.line } : {}), ...(typeof (i as { column?: unknown }).column === 'number' ? { column: (i as { column?: number }).column } : {}) })) : undefined;
    if (error.code === 'rate_limited') {
      const retry = error.issues.find((i) => i.field === 'retryAfterSeconds')?.message;
      if (retry) c.header('Retry-After', retry);
      return c.json({ error: { code: error.code, message: error.message } }, status);
    }
    return c.json({ error: { code: error.code, message: error.message, ...(details ? { details } : {}) } }, status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own 4xx (a body that is not JSON): shaped like every other bad input.
    return c.json({ error: { code: 'validation_failed', message: error.message, details: [{ field: 'body', message: error.message }] } }, 422);
  }
  if (error instanceof SyntaxError) {
    return c.json({ error: { code: 'validation_failed', message: 'The request body is not valid JSON.', details: [{ field: 'body', message: error.message }] } }, 422);
  }
  // Last walls: the database refusing what a race or an unforeseen input let through.
  const dbCode = (error as { code?: unknown }).code;
  if (dbCode === 'SQLITE_CONSTRAINT_UNIQUE' || dbCode === 'SQLITE_CONSTRAINT_PRIMARYKEY' || dbCode === '23505') {
    return c.json({ error: { code: 'conflict', message: 'This record clashes with another one (a duplicate key); reload and try again.' } }, 409);
  }
  if (dbCode === 'SQLITE_CONSTRAINT_FOREIGNKEY' || dbCode === '23503' || dbCode === '22003' || dbCode === '22P02' || dbCode === 'SQLITE_TOOBIG') {
    return c.json({ error: { code: 'validation_failed', message: 'A value is out of range or refers to nothing.' } }, 422);
  }
  console.error('unexpected error', error);
  return c.json({ error: { code: 'internal', message: userMessageOf('internal') } }, 500);
}
