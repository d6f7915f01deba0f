import { randomBytes } from 'node:crypto';
import type { Database } from '@attain/store';

/**
 * What every use case gets besides its input: the database, the clock and the id source.
 * Core never reads the clock or makes ids; they enter here, so tests can fix them.
 */
export interface AppContext {
  readonly database: Database;
  /** The current instant as an ISO string. */
  now(): string;
  /** A new unique id with a readable prefix, e.g. "acc_01JD...". */
  newId(prefix: string): string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The last id's time and random digits: ids made in the same millisecond count up from it. */
let last = { epochMs: -1, digits: [] as number[] };

/** The random digits plus one, base 32 (80 bits: they never run out). */
function nextDigits(digits: readonly number[]): number[] {
  const out = [...digits];
  for (let i = out.length - 1; i >= 0; i--) {
    out[i] = ((out[i] as number) + 1) % 32;
    if (out[i] !== 0) break;
  }
  return out;
}

/**
 * Time-ordered ids (48-bit millisecond time + 80 random bits, Crockford base 32), like ULIDs, and
 * monotonic as ULIDs can be: within one millisecond (or if the clock steps back) each id is the
 * previous one plus one, so rows ordered by time then id keep the order they were made in (two
 * messages of a dispute written in the same millisecond came out in either order).
 */
export function timeOrderedId(prefix: string, epochMs: number): string {
  last = epochMs <= last.epochMs ? { epochMs: last.epochMs, digits: nextDigits(last.digits) } : { epochMs, digits: [...randomBytes(16)].map((b) => b % 32) };
  let time = '';
  let t = last.epochMs;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return `${prefix}_${time}${last.digits.map((d) => CROCKFORD[d]).join('')}`;
}

export function createAppContext(database: Database, clock: () => Date = () => new Date()): AppContext {
  return {
    database,
    now: () => clock().toISOString(),
    newId: (prefix) => timeOrderedId(prefix, clock().getTime()),
  };
}
