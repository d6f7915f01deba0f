import { pow10, type Decimal } from '../decimal.js';
import { invalid } from '../errors.js';
import { reduceFraction, type ExactFraction } from '../comp/proration.js';

/*
 * Top-down quota allocation: the company number cascaded to sellers by history, by potential, or
 * a blend, history weighted per role (more for farmers, less for hunters):
 *   score_i = w_i x H_i / sum H + (1 - w_i) x P_i / sum P,   Q_i = Q x score_i / sum score
 * (with one weight for all, the scores sum to 1 and this is the textbook blend). Overrides set by
 * hand come off the total first; floors and caps are then kept by fixing the sellers outside their
 * bounds at them (the side further out first) and sharing what is left among the others, until
 * none is outside. Amounts are
 * exact: shares are fractions of bigints, and the total is met to the minor unit by the largest
 * remainder method (ties to the lower id).
 */

export interface AllocationItem {
  readonly id: string;
  /** Last year's bookings, minor units, >= 0. */
  readonly historyMinor: bigint;
  /** The potential of what she covers, minor units, >= 0. */
  readonly potentialMinor: bigint;
  /** How much history counts for her (her role's weight), 0..1. */
  readonly historyWeight: Decimal;
  readonly floorMinor?: bigint;
  readonly capMinor?: bigint;
  /** A quota set by hand, with its reason. */
  readonly override?: { readonly amountMinor: bigint; readonly reason: string };
}

export type AllocationBound = 'override' | 'floor' | 'cap' | null;

export interface AllocationLine {
  readonly id: string;
  readonly quotaMinor: bigint;
  /** Her share of the blend before bounds (score over the sum of scores). */
  readonly share: ExactFraction;
  /** What set her quota other than the blend. */
  readonly bound: AllocationBound;
}

/** An item with its blend score (over the common denominator of all scores). */
interface Scored {
  readonly item: AllocationItem;
  readonly index: number;
  readonly score: bigint;
}

const sum = (xs: readonly bigint[]): bigint => xs.reduce((s, x) => s + x, 0n);

/** Each item's blend score as integers over one common denominator (10^scale x sum H x sum P). */
function scores(items: readonly AllocationItem[]): bigint[] {
  const sumH = sum(items.map((i) => i.historyMinor));
  const sumP = sum(items.map((i) => i.potentialMinor));
  // Nothing to go by: equal shares; one basis empty: the other alone.
  if (sumH === 0n && sumP === 0n) return items.map(() => 1n);
  if (sumH === 0n) return items.map((i) => i.potentialMinor);
  if (sumP === 0n) return items.map((i) => i.historyMinor);
  const scale = Math.max(0, ...items.map((i) => i.historyWeight.scale));
  const one = pow10(scale);
  return items.map((i) => {
    const w = i.historyWeight.units * pow10(scale - i.historyWeight.scale);
    return w * i.historyMinor * sumP + (one - w) * i.potentialMinor * sumH;
  });
}

/** `total` over the items by their scores, exactly, the remainder to the largest fractional parts (ties to the lower id). */
function largestRemainder(total: bigint, scored: readonly Scored[]): Map<number, bigint> {
  const out = new Map<number, bigint>();
  const denominator = sum(scored.map((s) => s.score));
  if (scored.length === 0) return out;
  if (denominator === 0n) {
    // Every remaining score is zero: equal parts.
    return largestRemainder(total, scored.map((s) => ({ ...s, score: 1n })));
  }
  const parts = scored.map((s) => ({ s, floor: (total * s.score) / denominator, rest: (total * s.score) % denominator }));
  let left = total - sum(parts.map((p) => p.floor));
  parts.sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.s.item.id < b.s.item.id ? -1 : 1));
  for (const p of parts) {
    out.set(p.s.index, p.floor + (left > 0n ? 1n : 0n));
    if (left > 0n) left -= 1n;
  }
  return out;
}

function check(totalMinor: bigint, items: readonly AllocationItem[]): void {
  if (totalMinor < 0n) throw invalid('totalMinor', 'must be 0 or more');
  const ids = new Set<string>();
  items.forEach((i, k) => {
    const at = `items[${k}]`;
    if (ids.has(i.id)) throw invalid(`${at}.id`, `${i.id} is listed twice`);
    ids.add(i.id);
    if (i.historyMinor < 0n) throw invalid(`${at}.historyMinor`, 'must be 0 or more');
    if (i.potentialMinor < 0n) throw invalid(`${at}.potentialMinor`, 'must be 0 or more');
    if (i.historyWeight.units < 0n || i.historyWeight.units > pow10(i.historyWeight.scale)) throw invalid(`${at}.historyWeight`, 'must be from 0 to 1');
    if (i.floorMinor !== undefined && i.floorMinor < 0n) throw invalid(`${at}.floorMinor`, 'must be 0 or more');
    if (i.capMinor !== undefined && i.floorMinor !== undefined && i.capMinor < i.floorMinor) throw invalid(`${at}.capMinor`, 'is below the floor');
    if (i.override && i.override.amountMinor < 0n) throw invalid(`${at}.override.amountMinor`, 'must be 0 or more');
    if (i.override && i.override.reason.trim() === '') throw invalid(`${at}.override.reason`, 'an override needs a reason');
  });
  const overrides = sum(items.flatMap((i) => (i.override ? [i.override.amountMinor] : [])));
  if (overrides > totalMinor) throw invalid('items', `the overrides (${overrides}) exceed the total (${totalMinor})`);
  const free = items.filter((i) => !i.override);
  const left = totalMinor - overrides;
  const floors = sum(free.map((i) => i.floorMinor ?? 0n));
  if (floors > left) throw invalid('items', `the floors (${floors}) exceed what is left to allocate (${left})`);
  if (free.length === 0 && left > 0n) throw invalid('items', `${left} is left to allocate and every quota is set by hand`);
  if (free.length > 0 && free.every((i) => i.capMinor !== undefined) && sum(free.map((i) => i.capMinor as bigint)) < left) {
    throw invalid('items', `the caps (${sum(free.map((i) => i.capMinor as bigint))}) are below what is left to allocate (${left})`);
  }
}

/** The quotas of the items, summing exactly to `totalMinor`, in the items' order. */
export function allocateTopDown(totalMinor: bigint, items: readonly AllocationItem[]): AllocationLine[] {
  check(totalMinor, items);
  const all = scores(items);
  const denominator = sum(all) === 0n ? 1n : sum(all);
  const quota = new Map<number, bigint>();
  const bound = new Map<number, AllocationBound>();
  items.forEach((i, k) => {
    if (!i.override) return;
    quota.set(k, i.override.amountMinor);
    bound.set(k, 'override');
  });
  let left = totalMinor - sum([...quota.values()]);
  let free: Scored[] = items.flatMap((item, index) => (item.override ? [] : [{ item, index, score: all[index] as bigint }]));
  for (;;) {
    const shared = largestRemainder(left, free);
    const outside = free.filter((s) => {
      const q = shared.get(s.index) as bigint;
      return (s.item.floorMinor !== undefined && q < s.item.floorMinor) || (s.item.capMinor !== undefined && q > s.item.capMinor);
    });
    if (outside.length === 0) {
      for (const [k, q] of shared) quota.set(k, q);
      break;
    }
    // Only one side at a time, the one further out: raising floors takes from everyone else (which
    // may bring a capped seller back under her cap), capping gives to them; fixing both at once
    // can cap a seller whom the floors would have brought down.
    const under = outside.filter((s) => s.item.floorMinor !== undefined && (shared.get(s.index) as bigint) < s.item.floorMinor);
    const over = outside.filter((s) => !under.includes(s));
    const deficit = sum(under.map((s) => (s.item.floorMinor as bigint) - (shared.get(s.index) as bigint)));
    const excess = sum(over.map((s) => (shared.get(s.index) as bigint) - (s.item.capMinor as bigint)));
    const side = deficit >= excess ? under : over;
    for (const s of side) {
      const fixed = side === under ? (s.item.floorMinor as bigint) : (s.item.capMinor as bigint);
      quota.set(s.index, fixed);
      bound.set(s.index, side === under ? 'floor' : 'cap');
      left -= fixed;
    }
    const fixedIds = new Set(side.map((s) => s.index));
    free = free.filter((s) => !fixedIds.has(s.index));
    if (free.length === 0) {
      if (left !== 0n) throw invalid('items', `the floors and caps leave ${left} that no one can take`);
      break;
    }
    if (left < 0n) throw invalid('items', 'the floors take more than the total');
  }
  return items.map((item, k) => ({ id: item.id, quotaMinor: quota.get(k) as bigint, share: reduceFraction(all[k] as bigint, denominator), bound: bound.get(k) ?? null }));
}
