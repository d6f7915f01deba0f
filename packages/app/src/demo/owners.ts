import type { OwnerTimeline } from './opportunities.js';
import type { OrgPlan } from './org-chart.js';

/** How long a new holder of a territory ramps: deals she opens then are won less often. */
const RAMP_DAYS = 90;
export const RAMP_WIN_FACTOR = 0.7;

/**
 * Who owns the records of a position's territory on each day: its holder, or while the seat is
 * vacant, whoever holds the seat above it. Built as a short list of change days.
 */
export class PositionOwners implements OwnerTimeline {
  private readonly days: number[] = [];
  private readonly owners: string[] = [];
  /** Day the owner started in this very seat, or null when covering from above. */
  private readonly starts: (number | null)[] = [];

  /** `fromDay`: the first day records can exist (the org's setup day). */
  constructor(plan: OrgPlan, position: number, fromDay: number) {
    const candidates = new Set<number>();
    for (let p: number | null = position; p !== null; p = plan.positions[p]?.parent ?? null) {
      for (const h of plan.positions[p]?.holders ?? []) {
        candidates.add(h.from);
        if (h.to !== null) candidates.add(h.to + 1);
      }
    }
    const sorted = [...candidates].filter((d) => d > fromDay).sort((a, b) => a - b);
    const own = plan.positions[position]?.holders ?? [];
    for (const day of [Number.NEGATIVE_INFINITY, ...sorted]) {
      const probe = Number.isFinite(day) ? day : fromDay;
      const owner = plan.personId(plan.holderAt(position, probe));
      if (this.owners[this.owners.length - 1] === owner) continue;
      const holder = own.find((h) => h.from <= probe && (h.to === null || probe <= h.to));
      this.days.push(day);
      this.owners.push(owner);
      this.starts.push(holder ? holder.from : null);
    }
  }

  private indexAt(day: number): number {
    let i = 0;
    while (i + 1 < this.days.length && (this.days[i + 1] as number) <= day) i++;
    return i;
  }

  ownerAt(day: number): string {
    return this.owners[this.indexAt(day)] as string;
  }

  changes(from: number, to: number): readonly number[] {
    return this.days.filter((d) => d > from && d <= to);
  }

  /** 0.7 while the seat's holder is in her first 90 days or the seat is covered from above, else 1. */
  winFactor(day: number): number {
    const start = this.starts[this.indexAt(day)];
    if (start === null || start === undefined) return RAMP_WIN_FACTOR;
    return day - start < RAMP_DAYS ? RAMP_WIN_FACTOR : 1;
  }
}
