import { DomainError, type RecordMeta } from '@attain/core';
import type { EntityRepo } from '@attain/store';

/**
 * Input from the wire (or a CSV row) into record field values: money arrives as strings of
 * minor units and becomes bigint; everything else keeps its type. Unknown fields were
 * already refused by the contract's strict schemas.
 */
export function fromWire<T extends RecordMeta>(repo: EntityRepo<T>, input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const kind = repo.kindOf(field);
    if (kind === 'bigint' && value !== null) {
      try {
        out[field] = BigInt(value as string);
      } catch {
        throw new DomainError('validation_failed', `${field}: not an integer`, [{ field, message: 'must be an integer number of minor units' }]);
      }
    } else out[field] = value;
  }
  return out;
}

/** A record on the wire: bigints as decimal strings, everything else unchanged. */
export function toWire<T extends object>(record: T): { [K in keyof T]: T[K] extends bigint ? string : T[K] extends bigint | null ? string | null : T[K] } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[key] = typeof value === 'bigint' ? value.toString() : value;
  return out as never;
}
