import { DomainError } from '@attain/core';
import type { z } from 'zod';

/** A zod failure as the API's validation error, naming each offending field by its path. */
export function validationError(error: z.ZodError): DomainError {
  const issues = error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return { field: [...path, issue.keys.join(', ')].join('.'), message: 'unknown field' };
    // A bad filter name: blame the filters, not a "field" named after the (long) bad name.
    if (issue.code === 'invalid_key') return { field: path.slice(0, -1).join('.'), message: `has an invalid name: ${issue.issues[0]?.message ?? issue.message}` };
    return { field: path.join('.') || 'body', message: issue.message };
  });
  return new DomainError('validation_failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}

/** The input as the schema reads it, or the validation error naming each bad field (for use cases callers other than the API reach). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
