import { DomainError } from '../errors.js';

/** Runs `fn`, which must throw a DomainError; returns its code and first issue's field (for tests). */
export function issueOf(fn: () => unknown): { code: string; field: string | undefined } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.issues[0]?.field };
    throw e;
  }
  throw new Error('expected a DomainError');
}
