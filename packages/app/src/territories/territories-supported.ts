import { dateOfInstant, invalid, type Actor } from '@attain/core';
import type { TerritoriesSupportedWire } from '@attain/contract';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { modelAccounts } from '../coverage/model-accounts.js';
import { countyUnits, splitCountiesPlan } from './county-plans.js';

const MAX_TERRITORIES = 500;
/** Counts tried above the one halving found. */
const CLIMB = 10;

/**
 * How many territories the market supports (the max-p question): the most territories such that
 * the model optimizer's plan (recursive bisection of the counties, accounts whole) gives every
 * one at least `minimumMinor` of potential, found by halving between one and total / minimum
 * and then trying ten counts above (lumpy accounts can leave the smallest territory short of the
 * mean, and a plan of more territories can cut elsewhere).
 */
export async function territoriesSupported(ctx: AppContext, actor: Actor, input: { minimumMinor: string }): Promise<TerritoriesSupportedWire> {
  requireAbility(actor, 'coverage:read');
  const minimum = BigInt(input.minimumMinor);
  if (minimum <= 0n) throw invalid('minimumMinor', 'must be more than 0');
  const { currency, accounts } = await modelAccounts(ctx.database.db, actor.orgId, dateOfInstant(ctx.now()), { county: true });
  const placed = accounts.filter((a) => a.latitude !== null && a.longitude !== null);
  const total = placed.reduce((s, a) => s + (a.potentialMinor ?? 0n), 0n);
  const none = { currency, minimumMinor: input.minimumMinor, totalMinor: total.toString(), territories: 0, smallestMinor: null, largestMinor: null };
  if (total < minimum) return none;
  const units = countyUnits(placed, 'potential');
  const most = Number(total / minimum < BigInt(MAX_TERRITORIES) ? total / minimum : BigInt(MAX_TERRITORIES));
  // Halving between a count that passes (one territory holds everything) and the most the total allows.
  let best: { k: number; loads: readonly number[] } | undefined;
  for (let low = 1, high = most; low <= high;) {
    const k = Math.ceil((low + high) / 2);
    const loads = splitCountiesPlan(units.graph, units.inUnit, k, units.weightOf).loads;
    // Loads are sums of whole minor units held as numbers: exact below 2^53.
    if (Math.min(...loads) >= Number(minimum)) [best, low] = [{ k, loads }, k + 1];
    else high = k - 1;
  }
  // Plans are not monotone in the count (a cut elsewhere can spare the smallest): a few counts above are tried too.
  for (let k = (best?.k ?? 0) + 1; best && k <= Math.min(most, best.k + CLIMB); k++) {
    const loads = splitCountiesPlan(units.graph, units.inUnit, k, units.weightOf).loads;
    if (Math.min(...loads) >= Number(minimum)) best = { k, loads };
  }
  if (best) return { ...none, territories: best.k, smallestMinor: BigInt(Math.round(Math.min(...best.loads))).toString(), largestMinor: BigInt(Math.round(Math.max(...best.loads))).toString() };
  return none;
}
