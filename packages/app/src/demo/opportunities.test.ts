import { describe, expect, it } from 'vitest';
import { lineItemTotal, type OpportunityType, type Product, type Stage } from '@attain/core';
import { DEFAULT_STAGES } from '../orgs.js';
import { priceDeal, productRecords, type Segment } from './deal-products.js';
import { DemoIds } from './demo-context.js';
import { simulateOpportunity, stageSetOf, type OwnerTimeline, type SimulationContext } from './opportunities.js';
import { Rng } from './prng.js';
import { dayOf, FiscalCalendar, MINUTES_PER_DAY } from './timeline.js';

const stages: Stage[] = DEFAULT_STAGES.map((s, i) => ({
  ...s, id: `stg_${i}`, orgId: 'org_t', pipelineId: 'pip_t', sortOrder: (i + 1) * 10, externalId: null,
  createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', archivedAt: null, version: 1,
}));
const asOfDay = dayOf('2026-06-30');
const handover = asOfDay - 200;
/** A territory that changes hands once, 200 days before the as-of day. */
const owner: OwnerTimeline = {
  ownerAt: (day) => (day < handover ? 'per_old' : 'per_new'),
  changes: (from, to) => (from < handover && handover <= to ? [handover] : []),
};
const ids = new DemoIds(9);
const products: Product[] = productRecords('org_t', ids, '2024-01-01T00:00:00.000Z', 'USD');
const ctx: SimulationContext = {
  stages: stageSetOf(stages), calendar: new FiscalCalendar(2), asOfDay, owner, ids, actorOf: (p) => (p === 'per_new' ? 'usr_new' : null),
};

function simulateMany(count: number) {
  const rng = new Rng('opportunity-test');
  const types: OpportunityType[] = ['new', 'expansion', 'renewal'];
  const segments: Segment[] = ['SMB', 'Mid-Market', 'Enterprise'];
  return Array.from({ length: count }, (_, i) => {
    const segment = rng.pick(segments);
    const r = rng.fork(i);
    return simulateOpportunity({
      id: `opp_${i}`, orgId: 'org_t', name: `Deal ${i}`, accountId: 'acc_1', pipelineId: 'pip_t', currency: 'USD', type: rng.pick(types), segment,
      amountMinor: BigInt(rng.int(10, 5000)) * 100_000n, createdDay: asOfDay - rng.int(1, 729), winProbability: 0.3,
      priceItems: rng.chance(0.4) ? (target) => priceDeal(r, products, segment, target) : null,
    }, ctx, r);
  });
}

describe('a simulated deal', () => {
  const deals = simulateMany(3000);

  it('has a contiguous history whose last row is the deal as it stands', () => {
    for (const { opportunity: o, history } of deals) {
      expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
      const last = history[history.length - 1];
      expect(last).toMatchObject({
        stageId: o.stageId, amountMinor: o.amountMinor, closeDate: o.closeDate, forecastCategory: o.forecastCategory,
        ownerId: o.ownerId, currency: o.currency, territoryId: null,
      });
      expect(o.version).toBe(history.length);
      expect(history[0]?.changedAt).toBe(o.createdAt);
      expect(last?.changedAt).toBe(o.updatedAt);
    }
  });

  it('changes only in the past, in order, and keeps the stage rules', () => {
    const byId = new Map(stages.map((s) => [s.id, s]));
    for (const { opportunity: o, history } of deals) {
      for (let i = 1; i < history.length; i++) expect((history[i]?.changedAt ?? '') > (history[i - 1]?.changedAt ?? '')).toBe(true);
      expect(o.updatedAt < '2026-06-30T00:00:00.000Z').toBe(true);
      const stage = byId.get(o.stageId) as Stage;
      expect(o.isClosed).toBe(stage.isClosed);
      expect(o.isWon).toBe(stage.isWon);
      expect(o.closedAt !== null).toBe(o.isClosed);
      if (o.isClosed) expect(o.forecastCategory).toBe(stage.forecastCategory);
      expect(o.lostReason !== null).toBe(o.isClosed && !o.isWon);
      expect(o.amountMinor > 0n).toBe(true);
    }
  });

  it('prices deals with products at the sum of their line items', () => {
    const withItems = deals.filter((d) => d.lineItems.length > 0);
    expect(withItems.length).toBeGreaterThan(100);
    for (const d of withItems) {
      for (const item of d.lineItems) expect(item.totalMinor).toBe(lineItemTotal(item));
      expect(d.opportunity.amountMinor).toBe(d.lineItems.reduce((s, i) => s + i.totalMinor, 0n));
    }
  });

  it('slips, changes hands and closes like real deals do', () => {
    const pushed = deals.filter((d) => d.history.some((h) => h.changedFields.includes('closeDate') && !h.changedFields.includes('stageId')));
    expect(pushed.length / deals.length).toBeGreaterThan(0.15);
    const moved = deals.filter((d) => d.history.some((h) => h.changedFields.length === 1 && h.changedFields[0] === 'ownerId'));
    expect(moved.length).toBeGreaterThan(0);
    for (const d of moved) expect(d.opportunity.isClosed && d.closedDay !== null && d.closedDay < handover).toBe(false);
    const closed = deals.filter((d) => d.opportunity.isClosed);
    const won = closed.filter((d) => d.opportunity.isWon).length / closed.length;
    expect(won).toBeGreaterThan(0.2);
    expect(won).toBeLessThan(0.4);
    const open = deals.filter((d) => !d.opportunity.isClosed);
    expect(open.length).toBeGreaterThan(0);
    for (const d of open) expect((d.history[d.history.length - 1]?.changedAt ?? '') < '2026-06-30').toBe(true);
    for (const d of deals) expect(dayOf(d.opportunity.createdAt.slice(0, 10)) * MINUTES_PER_DAY).toBeLessThan(asOfDay * MINUTES_PER_DAY);
  });
});
