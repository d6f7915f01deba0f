import type { ErrorCode } from '@attain/core';
import { z } from 'zod';

export type { ErrorCode } from '@attain/core';

/** The one error body of the API: `{ error: { code, message, details? } }`. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string(), line: z.number().int().optional(), column: z.number().int().optional() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** HTTP status of each error code; the switch is exhaustive, so a new code must be placed. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'import_failed':
      return 422;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'idempotency_mismatch':
      return 409;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
    case 'csrf_failed':
      return 403;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
  }
}

/** The sentence a user reads for each code when the server has nothing more specific. */
export function userMessageOf(code: ErrorCode): string {
  switch (code) {
    case 'validation_failed':
      return 'Some fields are not valid.';
    case 'import_failed':
      return 'The file has rows that cannot be imported; nothing was imported.';
    case 'not_found':
      return 'Not found.';
    case 'conflict':
      return 'The record changed meanwhile; reload and try again.';
    case 'idempotency_mismatch':
      return 'This Idempotency-Key was already used for a different request.';
    case 'unauthenticated':
      return 'Please sign in.';
    case 'forbidden':
      return 'You are not allowed to do this.';
    case 'csrf_failed':
      return 'The request is missing its CSRF token.';
    case 'rate_limited':
      return 'Too many attempts; try again later.';
    case 'internal':
      return 'Something went wrong on our side.';
  }
}
