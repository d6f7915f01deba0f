import type { UnitGraph } from './partition.js';

/*
 * A plan being improved: each unit's territory, the territories' loads, and the constraints
 * every move must keep besides balance and contiguity: locked units stay, at most so much weight
 * leaves its starting territory (the disruption cap), and secondary measures stay within their
 * own, wider bands.
 */

export interface SecondaryMeasure {
  /** The measure per unit (pipeline, account count, workload). */
  readonly weights: readonly number[];
  /** Its band: each territory within its mean x (1 +/- tolerance), usually wider than the primary's. */
  readonly tolerance: number;
  /** What each territory carries of it outside the units (locked accounts). */
  readonly baseLoads?: readonly number[];
}

export interface PlanConstraints {
  /** Units that stay in a territory: unit -> territory. */
  readonly locked?: ReadonlyMap<number, number>;
  /** Where each unit starts (today's territories): moved weight is counted from it. */
  readonly home?: readonly number[];
  /** At most this much primary weight may end outside its home territory. */
  readonly maxMovedWeight?: number;
  readonly secondary?: readonly SecondaryMeasure[];
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

export class PlanState {
  readonly loads: number[];
  readonly sizes: number[];
  readonly mean: number;
  /** Per secondary measure, each territory's load, and the measure's mean. */
  readonly secondaryLoads: number[][];
  readonly secondaryMeans: number[];
  /** Primary weight outside its home territory. */
  moved = 0;

  constructor(
    private readonly graph: UnitGraph,
    readonly assignment: number[],
    territories: number,
    baseLoads: readonly number[] | undefined,
    private readonly constraints: PlanConstraints,
  ) {
    const zeros = (base?: readonly number[]) => Array.from({ length: territories }, (_, t) => base?.[t] ?? 0);
    this.loads = zeros(baseLoads);
    this.sizes = zeros();
    const secondary = constraints.secondary ?? [];
    this.secondaryLoads = secondary.map((s) => zeros(s.baseLoads));
    assignment.forEach((t, u) => {
      this.loads[t] = (this.loads[t] as number) + (graph.weights[u] as number);
      this.sizes[t] = (this.sizes[t] as number) + 1;
      secondary.forEach((s, k) => { (this.secondaryLoads[k] as number[])[t] = ((this.secondaryLoads[k] as number[])[t] as number) + (s.weights[u] as number); });
      if (constraints.home && constraints.home[u] !== t) this.moved += graph.weights[u] as number;
    });
    this.mean = sum(this.loads) / territories;
    this.secondaryMeans = this.secondaryLoads.map((l) => sum(l) / territories);
  }

  /** Whether the unit carries none of any secondary measure. */
  isEmpty(u: number): boolean {
    return (this.constraints.secondary ?? []).every((s) => (s.weights[u] as number) === 0);
  }

  isLocked(u: number): boolean {
    return this.constraints.locked?.has(u) ?? false;
  }

  /** How far a secondary load lies outside its band (0 inside). */
  private excess(k: number, load: number): number {
    const mean = this.secondaryMeans[k] as number;
    return Math.max(0, Math.abs(load - mean) - (this.constraints.secondary?.[k]?.tolerance ?? 0) * mean);
  }

  /**
   * Whether moving `units` from `from` to `to` keeps the constraints: no locked unit, the moved
   * weight under its cap (or falling), and no secondary load pushed further outside its band.
   * Balance and contiguity are the caller's.
   */
  allows(units: readonly number[], from: number, to: number, keepSecondary = true): boolean {
    if (units.some((u) => this.isLocked(u))) return false;
    const { home, maxMovedWeight, secondary } = this.constraints;
    if (home && maxMovedWeight !== undefined) {
      const delta = this.movedDelta(units, to);
      if (delta > 0 && this.moved + delta > maxMovedWeight + 1e-9 * Math.max(1, this.mean)) return false;
    }
    return !keepSecondary || (secondary ?? []).every((s, k) => {
      let w = 0;
      for (const u of units) w += s.weights[u] as number;
      if (w === 0) return true;
      const loads = this.secondaryLoads[k] as number[];
      const slack = 1e-9 * Math.max(1, this.secondaryMeans[k] as number);
      return this.excess(k, (loads[from] as number) - w) <= this.excess(k, loads[from] as number) + slack
        && this.excess(k, (loads[to] as number) + w) <= this.excess(k, loads[to] as number) + slack;
    });
  }

  /** How much moving `units` lowers the secondary loads' total excess over their bands, each relative to its mean. */
  secondaryGain(units: readonly number[], from: number, to: number): number {
    let gain = 0;
    (this.constraints.secondary ?? []).forEach((s, k) => {
      let w = 0;
      for (const u of units) w += s.weights[u] as number;
      const mean = this.secondaryMeans[k] as number;
      if (w === 0 || mean === 0) return;
      const loads = this.secondaryLoads[k] as number[];
      const before = this.excess(k, loads[from] as number) + this.excess(k, loads[to] as number);
      gain += (before - this.excess(k, (loads[from] as number) - w) - this.excess(k, (loads[to] as number) + w)) / mean;
    });
    return gain;
  }

  /** The secondary loads' total excess over their bands, each relative to its mean (0: every band met). */
  secondaryExcess(): number {
    return this.secondaryLoads.reduce((s, loads, k) => {
      const mean = this.secondaryMeans[k] as number;
      return mean === 0 ? s : s + loads.reduce((e, l) => e + this.excess(k, l), 0) / mean;
    }, 0);
  }

  private movedDelta(units: readonly number[], to: number): number {
    const home = this.constraints.home;
    if (!home) return 0;
    let delta = 0;
    for (const u of units) {
      const w = this.graph.weights[u] as number;
      const wasAway = home[u] !== this.assignment[u];
      const willBeAway = home[u] !== to;
      delta += (willBeAway ? w : 0) - (wasAway ? w : 0);
    }
    return delta;
  }

  apply(units: readonly number[], from: number, to: number): void {
    this.moved += this.movedDelta(units, to);
    const secondary = this.constraints.secondary ?? [];
    for (const u of units) {
      const w = this.graph.weights[u] as number;
      this.assignment[u] = to;
      this.loads[from] = (this.loads[from] as number) - w;
      this.loads[to] = (this.loads[to] as number) + w;
      this.sizes[from] = (this.sizes[from] as number) - 1;
      this.sizes[to] = (this.sizes[to] as number) + 1;
      secondary.forEach((s, k) => {
        const loads = this.secondaryLoads[k] as number[];
        loads[from] = (loads[from] as number) - (s.weights[u] as number);
        loads[to] = (loads[to] as number) + (s.weights[u] as number);
      });
    }
  }

  /** Each secondary measure's max |load - mean| / mean. */
  secondaryDeviations(): number[] {
    return this.secondaryLoads.map((loads, k) => {
      const mean = this.secondaryMeans[k] as number;
      return mean === 0 ? 0 : Math.max(...loads.map((l) => Math.abs(l - mean))) / mean;
    });
  }
}
