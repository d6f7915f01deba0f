/**
 * Every failure a user can cause has one of these codes. The contract package maps each
 * to an HTTP status and a message with an exhaustive switch.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'rate_limited'
  | 'idempotency_mismatch'
  | 'import_failed'
  | 'internal';

/** One offending field: a path into the input and what is wrong with it. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
  /** Line number in an uploaded file, when the input was a file. */
  readonly line?: number;
}

/** A failure with a code and, for bad input, the fields that caused it. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];
  constructor(code: ErrorCode, message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
  }
}

export const notFound = (entity: string): DomainError => new DomainError('not_found', `${entity} not found`);

export const invalid = (field: string, message: string): DomainError =>
  new DomainError('validation_failed', `${field}: ${message}`, [{ field, message }]);
