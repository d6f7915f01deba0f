import { DomainError, loadBalance, partitionSteps, planMetrics, type LoadBalance, type PartitionProgress, type PlanMetrics, type SecondaryMeasure } from '@attain/core';
import type { TerritoryMeasure } from '@attain/contract';
import { SCALE } from './optimize-counties.js';
import type { PlacedAccount } from './territory-placement.js';
import { contiguousUsCounties } from './us-counties.js';

/*
 * Rebalancing today's territories instead of drawing new ones: each county starts in the
 * territory that holds most of its accounts today, and counties move between the model's own
 * territories until the primary measure is within its band, secondary measures within theirs,
 * with no more than the disruption cap changing territory, then as compact as the bands allow.
 * Accounts placed by hand or locked stay where they are and count towards their territory, and so
 * do accounts outside the counties (kept by a manual assignment).
 */

export interface RebalanceOptions {
  readonly measure: TerritoryMeasure;
  readonly tolerance: number;
  readonly seed: number;
  /** At most this share of the measure may change territory (0..1). */
  readonly maxDisruption?: number;
  readonly secondary: readonly { readonly measure: TerritoryMeasure; readonly tolerance: number }[];
}

export interface SecondaryFigure { readonly measure: TerritoryMeasure; readonly tolerance: number; readonly maxDeviation: number; readonly withinBand: boolean }

export interface RebalancePlan {
  /** Each leaf territory's counties (5-digit FIPS). */
  readonly countiesOf: readonly string[][];
  /** Accounts outside the counties that rules placed today: kept where they are by hand. */
  readonly keptByHand: readonly { readonly accountId: string; readonly territory: string }[];
  readonly balance: LoadBalance;
  readonly withinBand: boolean;
  readonly secondary: readonly SecondaryFigure[];
  /** Share of the measure in another territory than today, and how many accounts. */
  readonly movedShare: number;
  readonly movedAccounts: number;
  /** Accounts that stay where they are: by hand, locked, or outside the counties. */
  readonly held: number;
  /** Counties with accounts that move with them. */
  readonly countiesWithAccounts: number;
  readonly metrics: PlanMetrics;
}

export const measureOf = (p: PlacedAccount, measure: TerritoryMeasure): number =>
  measure === 'accounts' ? 1 : measure === 'pipeline' ? Number(p.pipelineMinor) : Number(p.potentialMinor);

/** In steps (core partitionSteps), for progress. */
export function* rebalancePlan(placed: readonly PlacedAccount[], leaves: readonly string[], o: RebalanceOptions): Generator<PartitionProgress, RebalancePlan> {
  const counties = contiguousUsCounties();
  const unitOf = new Map(counties.units.map((u, i) => [u.id, i]));
  const index = new Map(leaves.map((k, i) => [k, i]));
  const n = counties.units.length;
  const p = leaves.length;
  const measures = [o.measure, ...o.secondary.map((s) => s.measure)];
  const unitLoads = measures.map(() => Array.from({ length: n }, () => 0));
  const baseLoads = measures.map(() => Array.from({ length: p }, () => 0));
  const movable: { p: PlacedAccount; unit: number; today: number | undefined }[] = [];
  const keptByHand: { accountId: string; territory: string }[] = [];
  let heldCount = 0;
  for (const a of placed) {
    const today = a.after.territory === null ? undefined : index.get(a.after.territory);
    const unit = a.account.county === null ? undefined : unitOf.get(a.account.county);
    if ((a.source === 'rule' || a.source === 'none') && unit !== undefined) {
      movable.push({ p: a, unit, today });
      measures.forEach((m, k) => { (unitLoads[k] as number[])[unit] = ((unitLoads[k] as number[])[unit] as number) + measureOf(a, m); });
    } else if (today !== undefined) {
      heldCount += 1;
      measures.forEach((m, k) => { (baseLoads[k] as number[])[today] = ((baseLoads[k] as number[])[today] as number) + measureOf(a, m); });
      if (a.source === 'rule') keptByHand.push({ accountId: a.accountId, territory: leaves[today] as string });
    }
  }
  // Each county starts in the territory holding most of its measure today; a county none holds, in that of the nearest county held.
  const held = Array.from({ length: n }, () => new Map<number, number>());
  for (const m of movable) if (m.today !== undefined) held[m.unit]?.set(m.today, (held[m.unit]?.get(m.today) ?? 0) + measureOf(m.p, o.measure) + 1e-9);
  const home = held.map((h) => [...h].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0] ?? -1);
  let frontier = home.flatMap((t, u) => (t >= 0 ? [u] : []));
  if (frontier.length === 0) throw new DomainError('validation_failed', 'the model places no account in a US county today: there is nothing to rebalance; optimize from scratch', [{ field: 'from', message: 'nothing placed by county today' }]);
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const u of frontier) for (const j of counties.adjacency[u] ?? []) if (home[j] === -1) { home[j] = home[u] as number; next.push(j); }
    frontier = next;
  }
  const total = (unitLoads[0] as number[]).reduce((s, x) => s + x, 0) + (baseLoads[0] as number[]).reduce((s, x) => s + x, 0);
  // Accounts a county's rules split among territories today move whatever the plan: they count against the cap first.
  const movedAnyway = movable.reduce((s, m) => s + (m.today !== undefined && m.today !== home[m.unit] ? measureOf(m.p, o.measure) : 0), 0);
  const graph = { weights: unitLoads[0] as number[], adjacency: counties.adjacency, points: counties.units.map((u) => [u.centroid[0] * SCALE, u.centroid[1]] as const) };
  const secondary: SecondaryMeasure[] = o.secondary.map((s, k) => ({ weights: unitLoads[k + 1] as number[], tolerance: s.tolerance, baseLoads: baseLoads[k + 1] as number[] }));
  const r = yield* partitionSteps(graph, {
    territories: p, tolerance: o.tolerance, seed: o.seed, start: home, baseLoads: baseLoads[0], secondary, compact: true,
    ...(o.maxDisruption === undefined ? {} : { maxMovedWeight: Math.max(0, o.maxDisruption * total - movedAnyway) }),
  });
  // Every county, with accounts or not, so the rules place an account that comes later.
  const countiesOf: string[][] = leaves.map(() => []);
  r.assignment.forEach((t, u) => countiesOf[t]?.push(counties.units[u]?.id as string));
  const movers = movable.filter((m) => m.today !== undefined && m.today !== r.assignment[m.unit]);
  const moved = movers.reduce((s, m) => s + measureOf(m.p, o.measure), 0);
  return {
    countiesOf: countiesOf.map((list) => list.sort()), keptByHand,
    balance: loadBalance(r.weights), withinBand: r.withinBand,
    secondary: o.secondary.map((s, k) => ({ measure: s.measure, tolerance: s.tolerance, maxDeviation: r.secondaryDeviations[k] as number, withinBand: (r.secondaryDeviations[k] as number) <= s.tolerance + 1e-12 })),
    movedShare: total === 0 ? 0 : moved / total,
    movedAccounts: movers.length,
    held: heldCount,
    countiesWithAccounts: new Set(movable.map((m) => m.unit)).size,
    metrics: planMetrics(graph, r.assignment, p),
  };
}
