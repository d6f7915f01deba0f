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

/** Time-ordered ids (48-bit millisecond time + 80 random bits, Crockford base 32), like ULIDs. */
export function timeOrderedId(prefix: string, epochMs: number): string {
  let time = '';
  let t = epochMs;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join('');
  return `${prefix}_${time}${random}`;
}

export function createAppContext(database: Database, clock: () => Date = () => new Date()): AppContext {
  return {
    database,
    now: () => clock().toISOString(),
    newId: (prefix) => timeOrderedId(prefix, clock().getTime()),
  };
}
