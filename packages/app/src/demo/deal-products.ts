import { divideRounded, lineItemTotal, type LineItem, type Product } from '@attain/core';
import { PRODUCTS } from './catalog.js';
import type { DemoIds } from './demo-context.js';
import type { Rng } from './prng.js';

export type Segment = 'Enterprise' | 'Mid-Market' | 'SMB';

/** A line item before it has an id and timestamps. */
export interface LineItemDraft {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPriceMinor: bigint;
  readonly discountBps: number;
}

/** The demo price list as product records. */
export function productRecords(orgId: string, ids: DemoIds, at: string, currency: string): Product[] {
  return PRODUCTS.map((p) => ({
    id: ids.next('prd'), orgId, externalId: null, createdAt: at, updatedAt: at, archivedAt: null, version: 1,
    name: p.name, sku: p.sku, family: p.family, listPriceMinor: p.listPriceMinor, currency, active: p.active,
  }));
}

const DISCOUNTS: Readonly<Record<Segment, readonly number[]>> = {
  Enterprise: [1000, 1500, 2000, 2500],
  'Mid-Market': [500, 1000, 1500],
  SMB: [0, 0, 500, 1000],
};

/**
 * Prices a deal of about `target` minor units: seats of the edition that fits the segment, a
 * few add-ons and services. Subscriptions carry the segment's usual discount; the seat count
 * is solved so the total lands near the target (never below 5 seats).
 */
export function priceDeal(rng: Rng, products: readonly Product[], segment: Segment, target: bigint): LineItemDraft[] {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const product = (sku: string): Product => bySku.get(sku) as Product;
  const edition = product(segment === 'Enterprise' ? 'PLT-ENT' : 'PLT-PRO');
  const discount = rng.pick(DISCOUNTS[segment]);
  const big = segment !== 'SMB';
  const extras: LineItemDraft[] = [];
  const add = (sku: string, quantity: number, discountBps = 0) =>
    extras.push({ productId: product(sku).id, quantity, unitPriceMinor: product(sku).listPriceMinor, discountBps });
  if (big && rng.chance(0.3)) add('ADD-INT', 1, discount);
  if (rng.chance(big ? 0.5 : 0.15)) add('SVC-IMP', 1);
  if (rng.chance(0.3)) add('SVC-TRN', rng.int(1, 3));
  if (segment === 'Enterprise' && rng.chance(0.6)) add('SUP-PRM', 1);
  const withAnalytics = rng.chance(0.4);
  const analytics = product('ADD-ANL');
  const extrasTotal = extras.reduce((sum, item) => sum + lineItemTotal(item), 0n);
  const perSeat = divideRounded((edition.listPriceMinor + (withAnalytics ? analytics.listPriceMinor : 0n)) * BigInt(10_000 - discount), 10_000n);
  const seatBudget = target - extrasTotal;
  const seats = Math.max(5, seatBudget > 0n ? Number(divideRounded(seatBudget, perSeat)) : 5);
  const items: LineItemDraft[] = [{ productId: edition.id, quantity: seats, unitPriceMinor: edition.listPriceMinor, discountBps: discount }];
  if (withAnalytics) items.push({ productId: analytics.id, quantity: seats, unitPriceMinor: analytics.listPriceMinor, discountBps: discount });
  return [...items, ...extras];
}

/** Line item records of an opportunity, totals by the same rule as the use case. */
export function lineItemRecords(drafts: readonly LineItemDraft[], orgId: string, opportunityId: string, at: string, ids: DemoIds): LineItem[] {
  return drafts.map((d) => ({
    id: ids.next('li'), orgId, externalId: null, createdAt: at, updatedAt: at, archivedAt: null, version: 1,
    opportunityId, productId: d.productId, quantity: d.quantity, unitPriceMinor: d.unitPriceMinor, discountBps: d.discountBps,
    totalMinor: lineItemTotal(d),
  }));
}

export const sumOfDrafts = (drafts: readonly LineItemDraft[]): bigint => drafts.reduce((sum, d) => sum + lineItemTotal(d), 0n);
