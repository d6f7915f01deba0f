import { setImmediate as nextTurn } from 'node:timers/promises';
import { dateOfInstant, DomainError, loadBalance, planMetrics, writeTerritoryModel, type Actor, type PartitionProgress, type Territory, type TerritoryModel } from '@attain/core';
import type { TerritoryOptimizeBody, TerritoryOptimizeResult } from '@attain/contract';
import { TerritoryOptimizeBody as Body } from '@attain/contract';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import type { ModelAccount } from '../coverage/model-accounts.js';
import { inOrgTransaction } from '../org-transaction.js';
import { parseInput } from '../validation.js';
import { betterOf, countyUnits, splitCountiesPlan, wholeCountiesPlan } from './county-plans.js';
import { measureOf, rebalancePlan } from './rebalance-plan.js';
import { loadModel, modelOfRow, saveDefinition } from './territory-models.js';
import { leafTerritories, placeAccounts, type PlacedAccount } from './territory-placement.js';

/*
 * Territories for the organisation's own accounts: the contiguous-US counties are the units, each
 * weighted by the potential (or the count) of the accounts located in it. Recursive bisection
 * cuts them into contiguous territories, splitting a county where balance needs it (its accounts
 * are then carved out by hand); when that misses the band, the balanced partition of whole
 * counties is tried too, and the more even plan kept. Each territory gets one rule, "county in
 * [...]", and as owner the rep who holds most of its potential today (the least disruption).
 */

const key = (i: number, n: number): string => `T${String(i + 1).padStart(String(n).length < 2 ? 2 : String(n).length, '0')}`;

/** "T03 · CA, NV": the territory's key and the states holding most of its potential. */
function territoryName(k: string, accounts: readonly ModelAccount[]): string {
  const byState = new Map<string, bigint>();
  for (const a of accounts) if (a.region) byState.set(a.region, (byState.get(a.region) ?? 0n) + (a.potentialMinor ?? 0n) + 1n);
  const states = [...byState].sort((x, y) => (y[1] > x[1] ? 1 : y[1] < x[1] ? -1 : x[0] < y[0] ? -1 : 1)).slice(0, 2).map(([s]) => s);
  return states.length === 0 ? k : `${k} · ${states.join(', ')}`;
}

/**
 * Owners with the least disruption: the (rep, territory) pairs taken by the potential the rep
 * holds there today, largest first, each rep and territory once (greedy; ties by ids).
 */
function chooseOwners(accountsOf: readonly ModelAccount[][]): (string | null)[] {
  const held = new Map<string, bigint>();
  accountsOf.forEach((list, t) => {
    for (const a of list) if (a.ownerId) held.set(`${a.ownerId}|${t}`, (held.get(`${a.ownerId}|${t}`) ?? 0n) + (a.potentialMinor ?? 0n) + 1n);
  });
  const pairs = [...held].map(([k, v]) => ({ rep: k.slice(0, k.lastIndexOf('|')), t: Number(k.slice(k.lastIndexOf('|') + 1)), v }))
    .sort((a, b) => (b.v > a.v ? 1 : b.v < a.v ? -1 : a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : a.t - b.t));
  const owners: (string | null)[] = accountsOf.map(() => null);
  const taken = new Set<string>();
  for (const p of pairs) {
    if (owners[p.t] !== null || taken.has(p.rep)) continue;
    owners[p.t] = p.rep;
    taken.add(p.rep);
  }
  return owners;
}

/** Where an optimization is: reading the accounts, optimizing (starts done of at most `total`), saving. */
export interface OptimizeProgress {
  readonly stage: 'reading' | 'optimizing' | 'saving';
  readonly done: number;
  readonly total: number;
}

/**
 * Rebuilds a planning model's territories, rules and owners from the accounts' counties, or
 * rebalances its own territories, and saves it as the next version. It reads in one transaction,
 * computes outside any, a step at a time (other requests run between the steps, and `onProgress`
 * hears of each), and saves in a second transaction, which refuses a model changed meanwhile.
 */
export async function optimizeTerritoryModel(ctx: AppContext, actor: Actor, id: string, input: TerritoryOptimizeBody, onProgress: (p: OptimizeProgress) => void = () => undefined): Promise<TerritoryOptimizeResult> {
  requireAbility(actor, 'coverage:write');
  const body = parseInput(Body, input);
  onProgress({ stage: 'reading', done: 0, total: 1 });
  const { row, current, placed } = await inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const row = await loadModel(tx, actor.orgId, id);
    const current: TerritoryModel = modelOfRow(row);
    const today = dateOfInstant(ctx.now());
    return { row, current, placed: (await placeAccounts(tx, actor.orgId, current, today, today, { county: true })).placed };
  });
  const steps = body.from === 'current' ? fromCurrent(current, placed, body) : fromScratch(current, placed, body);
  let step = steps.next();
  while (!step.done) {
    onProgress({ stage: 'optimizing', ...step.value });
    await nextTurn();
    step = steps.next();
  }
  const { next, result } = step.value;
  onProgress({ stage: 'saving', done: 0, total: 1 });
  const model = await inOrgTransaction(ctx, actor.orgId, (tx) => saveDefinition(ctx, tx, actor, id, { name: row.name, raw: writeTerritoryModel(next), baseVersion: body.baseVersion }, 'territory_model.optimize'));
  return { model, measure: body.measure, from: body.from, ...result };
}

type Parsed = ReturnType<typeof Body.parse>;
type Figures = Omit<TerritoryOptimizeResult, 'model' | 'measure' | 'from'>;

type Planned = Generator<PartitionProgress, { next: TerritoryModel; result: Figures }>;

function* fromScratch(current: TerritoryModel, placed: readonly PlacedAccount[], body: Parsed): Planned {
  if (current.locks.length > 0) {
    throw new DomainError('validation_failed', `the model locks ${current.locks.length} account(s) to today's territories, which new territories would not keep: rebalance from current instead`, [{ field: 'from', message: 'locks need today\'s territories' }]);
  }
  yield { done: 0, total: 1 };
  const byId = new Map(placed.map((p) => [p.accountId, p]));
  const { counties, unitOf, graph, inUnit, outside, weightOf } = countyUnits(placed.map((p) => p.account), body.measure);
  const n = body.territories as number;
  const secondary = body.secondary.map((s) => ({
    weights: inUnit.map((list) => list.reduce((sum, a) => sum + measureOf(byId.get(a.id) as PlacedAccount, s.measure), 0)), tolerance: s.tolerance,
  }));
  // Secondary bands are kept by the partition of whole counties; otherwise bisection first, splitting counties where balance needs it.
  const split = secondary.length > 0 ? undefined : splitCountiesPlan(graph, inUnit, n, weightOf);
  const plan = split !== undefined && split.balance.maxDeviation <= body.tolerance ? split
    : betterOf(split, yield* wholeCountiesPlan(graph, inUnit, n, body.tolerance, body.seed ?? 1, weightOf, secondary));

  const accountsOf: ModelAccount[][] = Array.from({ length: n }, () => []);
  for (const list of inUnit) for (const a of list) accountsOf[plan.territoryOf.get(a.id) as number]?.push(a);
  // By hand: accounts outside the counties, and those carved out of a split county for another of its territories.
  const manual = inUnit.flatMap((list, u) => list.filter((a) => a.county === null || !unitOf.has(a.county) || plan.territoryOf.get(a.id) !== plan.countyTerritory[u])
    .map((a) => ({ accountId: a.id, territory: key(plan.territoryOf.get(a.id) as number, n) })));
  const owners = chooseOwners(accountsOf);
  const territories: Territory[] = accountsOf.map((list, t) => ({
    key: key(t, n), name: territoryName(key(t, n), list), parent: null, level: 'territory', type: null,
    members: [owners[t] ? { personId: owners[t], placeholder: null, role: current.ownerRole, from: null, to: null } : { personId: null, placeholder: `To be hired (${key(t, n)})`, role: current.ownerRole, from: null, to: null }],
  }));
  const unitsOf: string[][] = Array.from({ length: n }, () => []);
  counties.units.forEach((u, i) => unitsOf[plan.countyTerritory[i] as number]?.push(u.id));
  const next: TerritoryModel = {
    ownerRole: current.ownerRole, types: current.types, territories,
    rules: unitsOf.flatMap((fips, t) => (fips.length === 0 ? [] : [{ territory: key(t, n), filter: { field: 'county' as const, op: 'in' as const, values: fips } }])),
    manual, locks: current.locks,
  };
  const m = planMetrics(graph, plan.countyTerritory, n);
  const secondaryLoads = body.secondary.map((s) => accountsOf.map((list) => list.reduce((sum, a) => sum + measureOf(byId.get(a.id) as PlacedAccount, s.measure), 0)));
  return {
    next,
    result: {
      method: plan.method, withinBand: plan.balance.maxDeviation <= body.tolerance, splitCounties: plan.splitCounties,
      metrics: { ...plan.balance, compactness: m.compactness, disconnected: plan.apart, empty: m.empty },
      counties: inUnit.filter((l) => l.length > 0).length, accountsOutside: outside.length,
      secondary: body.secondary.map((s, k) => {
        const maxDeviation = loadBalance(secondaryLoads[k] as number[]).maxDeviation;
        return { measure: s.measure, tolerance: s.tolerance, maxDeviation, withinBand: maxDeviation <= s.tolerance + 1e-12 };
      }),
      movedShare: null, movedAccounts: null, heldAccounts: 0,
    },
  };
}

/** The model's own territories rebalanced by county (rebalance-plan.ts): territories, members and hierarchy stay; the leaves' rules become county lists. */
function* fromCurrent(current: TerritoryModel, placed: readonly PlacedAccount[], body: Parsed): Planned {
  const leaves = leafTerritories(current);
  if (leaves.length < 2) throw new DomainError('validation_failed', 'rebalancing needs at least two territories in the model', [{ field: 'from', message: 'fewer than two territories' }]);
  const plan = yield* rebalancePlan(placed, leaves, { measure: body.measure, tolerance: body.tolerance, seed: body.seed ?? 1, maxDisruption: body.maxDisruption, secondary: body.secondary });
  const leafSet = new Set(leaves);
  const kept = new Set(current.manual.map((m) => m.accountId));
  const next: TerritoryModel = {
    ...current,
    rules: [
      ...current.rules.filter((r) => !leafSet.has(r.territory)),
      ...plan.countiesOf.flatMap((fips, t) => (fips.length === 0 ? [] : [{ territory: leaves[t] as string, filter: { field: 'county' as const, op: 'in' as const, values: fips } }])),
    ],
    manual: [...current.manual, ...plan.keptByHand.filter((m) => !kept.has(m.accountId))],
  };
  return {
    next,
    result: {
      method: 'partition', withinBand: plan.withinBand, splitCounties: 0,
      metrics: { ...plan.balance, compactness: plan.metrics.compactness, disconnected: plan.metrics.disconnected, empty: plan.metrics.empty },
      counties: plan.countiesWithAccounts, accountsOutside: plan.keptByHand.length,
      secondary: [...plan.secondary], movedShare: plan.movedShare, movedAccounts: plan.movedAccounts, heldAccounts: plan.held,
    },
  };
}
