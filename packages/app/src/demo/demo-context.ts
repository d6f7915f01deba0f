import type { Database } from '@attain/store';
import type { AppContext } from '../context.js';

/**
 * Deterministic ids: `${prefix}_${seed}_${counter}`, one counter per prefix, padded so that
 * text order is creation order. Ids are unique per (org_id, id), and a database holds at most
 * one demo organisation (the demo logins are unique), so a seed-derived id never clashes.
 */
export class DemoIds {
  private readonly counters = new Map<string, number>();

  constructor(private readonly seed: number) {}

  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}_${this.seed}_${String(n).padStart(8, '0')}`;
  }

  /** How many ids of a prefix were issued (for counts and checks). */
  issued(prefix: string): number {
    return this.counters.get(prefix) ?? 0;
  }
}

/** The generated timeline's "now": whatever instant the generator is writing at. */
export class DemoClock {
  instant: string;

  constructor(instant: string) {
    this.instant = instant;
  }
}

/**
 * An app context whose clock and ids come from the generator, so that the records the real
 * use cases write (organisation, pipeline, people, teams, reporting lines) are the same for
 * the same seed and as-of date.
 */
export function demoContext(database: Database, clock: DemoClock, ids: DemoIds): AppContext {
  return { database, now: () => clock.instant, newId: (prefix) => ids.next(prefix) };
}
