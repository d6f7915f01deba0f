import {
  attainmentDistribution, dateOfInstant, fiscalPeriodOf, invalid, outputFigures, parseFiscalPeriod, rampCohorts, type Actor, type DealFact, type FiscalPeriod, type OutputFigures,
} from '@attain/core';
import type { OutputAnalyticsWire, OutputFiguresWire } from '@attain/contract';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { modelAccounts } from '../coverage/model-accounts.js';
import { repos } from '../crm/repos.js';
import { currentDeals } from '../forecast/current-deals.js';
import { quarterQuotas } from '../insights/quarter-target.js';
import { scopeTree } from './scope-tree.js';

/*
 * Output analytics (docs/analytics.md): what the organisation, a team or a seller produced in a
 * period, by the definitions of core analytics/output-metrics.ts, with the level below to drill
 * into: the organisation's top, a director's managers, a manager's sellers, a seller's deals.
 * Teams are as they are today; deals as they stand now (current rows, no history replayed), amounts
 * in the organisation's currency at today's rates.
 */

function periodOf(key: string | undefined, today: string, fiscalYearStartMonth: number): FiscalPeriod {
  try {
    const p = key === undefined ? fiscalPeriodOf(today, fiscalYearStartMonth, 'quarter') : parseFiscalPeriod(key, fiscalYearStartMonth);
    if (p.kind === 'month') throw new RangeError('a quarter (FY2027-Q3) or a year (FY2027)');
    return p;
  } catch (error) {
    throw invalid('period', (error as Error).message);
  }
}

const ratioWire = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);
const minorWire = (x: bigint | null) => (x === null ? null : String(x));

function figuresWire(f: OutputFigures): OutputFiguresWire {
  return {
    bookingsMinor: String(f.bookings.amountMinor), bookingsCount: f.bookings.count,
    winRateByCount: ratioWire(f.winRate.byCount), winRateByValue: ratioWire(f.winRate.byValue), won: f.winRate.won, lost: f.winRate.lost,
    averageDealMinor: minorWire(f.averageDealMinor), cycleMedianDays: f.cycleDays.median, cycleP75Days: f.cycleDays.p75,
    openPipelineMinor: String(f.openPipeline.amountMinor), openPipelineCount: f.openPipeline.count,
    quotaMinor: minorWire(f.quotaMinor), attainment: ratioWire(f.attainment), coverage: ratioWire(f.coverage), neededCoverage: ratioWire(f.neededCoverage),
    velocityPerDayMinor: minorWire(f.velocityPerDayMinor), potentialMinor: String(f.potentialMinor), productivityIndex: ratioWire(f.productivityIndex),
  };
}

export async function outputAnalytics(ctx: AppContext, actor: Actor, input: { period?: string; personId?: string }): Promise<OutputAnalyticsWire> {
  requireAbility(actor, 'analytics:read');
  const db = ctx.database.db;
  const today = dateOfInstant(ctx.now());
  const tree = await scopeTree(db, actor, today, input.personId);
  const { money, accounts } = await modelAccounts(db, actor.orgId, today, { county: false });
  const period = periodOf(input.period, today, money.fiscalYearStartMonth);
  // The period's closed deals, every open one (velocity) and every won one (ramp cohorts), as they stand now.
  const [current, quotas] = await Promise.all([
    currentDeals(db, actor.orgId, money, { closeFrom: period.start, closeTo: period.end, allOpen: true, allWon: true }), quarterQuotas(db, actor.orgId, null, period, money.currency),
  ]);
  const deals: DealFact[] = current.map((d) => ({ id: d.id, ownerId: d.ownerId, amountMinor: d.amountMinor, createdOn: d.createdOn, closeDate: d.closeDate, status: d.won ? 'won' : d.closed ? 'lost' : 'open' }));
  const potential = new Map<string, bigint>();
  for (const a of accounts) if (a.ownerId) potential.set(a.ownerId, (potential.get(a.ownerId) ?? 0n) + (a.potentialMinor ?? 0n));

  const { rootId, subtree, person } = tree;

  const totalPotential = [...potential.values()].reduce((s, v) => s + v, 0n);
  const orgBookings = outputFigures(deals, period, today, { quotaMinor: null, potentialMinor: 0n, orgRate: null }).bookings.amountMinor;
  const orgRate = { bookingsMinor: orgBookings, potentialMinor: totalPotential };
  const figuresOf = (people: Set<string> | null, ownQuota: bigint | null) => {
    const mine = people === null ? deals : deals.filter((d) => d.ownerId !== null && people.has(d.ownerId));
    const inScope = people === null ? [...quotas.keys()] : [...people];
    const sellerQuotas = inScope.filter((p) => !tree.hasReports(p) && quotas.has(p)).map((p) => quotas.get(p) as bigint);
    const quotaMinor = ownQuota ?? (sellerQuotas.length > 0 ? sellerQuotas.reduce((s, q) => s + q, 0n) : null);
    const pot = people === null ? totalPotential : [...people].reduce((s, p) => s + (potential.get(p) ?? 0n), 0n);
    return outputFigures(mine, period, today, { quotaMinor, potentialMinor: pot, orgRate });
  };
  const rootPeople = tree.wholeOrg || rootId === null ? null : subtree(rootId);
  const children = tree.childIds.map((id) => ({
    personId: id, name: person(id)?.name ?? id, title: person(id)?.title ?? null, reports: subtree(id).size - 1,
    figures: figuresWire(figuresOf(subtree(id), quotas.get(id) ?? null)),
  }));

  // The sellers below: how attainment spreads, and ramp by hire cohort (those hired since the history began).
  const sellers = [...(rootPeople ?? tree.members)].filter((p) => !tree.hasReports(p));
  const attainments = sellers.flatMap((p) => {
    const q = quotas.get(p);
    if (!q || q === 0n) return [];
    return [figuresOf(new Set([p]), q).attainment ?? 0];
  });
  const firstDeal = deals.reduce((min, d) => (d.createdOn < min ? d.createdOn : min), today);
  const cohortSellers = sellers.flatMap((p) => {
    const hire = person(p)?.hireDate;
    return hire && hire >= firstDeal ? [{ id: p, hireDate: hire }] : [];
  });
  const dist = attainmentDistribution(attainments);
  const leaf = rootId !== null && !tree.hasReports(rootId);
  const leafDeals = leaf ? deals.filter((d) => d.ownerId === rootId && (d.status === 'open' ? d.closeDate <= period.end && d.closeDate >= period.start : d.closeDate >= period.start && d.closeDate <= period.end)) : [];
  const names = leaf ? await repos.opportunity.getMany(db, actor.orgId, leafDeals.map((d) => d.id)) : new Map();
  return {
    periodKey: period.key, period: { start: period.start, end: period.end }, asOf: today, currency: money.currency,
    root: {
      personId: rootId, name: rootId === null ? 'Whole organisation' : (person(rootId)?.name ?? rootId), title: rootId === null ? null : (person(rootId)?.title ?? null),
      figures: figuresWire(figuresOf(rootPeople, rootId === null || rootPeople === null ? null : (quotas.get(rootId) ?? null))),
    },
    children,
    distribution: { sellers: dist.sellers, atOrAbove: ratioWire(dist.atOrAbove), p25: ratioWire(dist.p25), p50: ratioWire(dist.p50), p75: ratioWire(dist.p75) },
    cohorts: rampCohorts(cohortSellers, deals, today).map((c) => ({ cohort: c.cohort, sellers: c.sellers, byMonth: c.byMonth.map(minorWire) })),
    deals: leaf ? leafDeals.sort((a, b) => (a.closeDate < b.closeDate ? -1 : a.closeDate > b.closeDate ? 1 : a.id < b.id ? -1 : 1)).map((d) => ({
      id: d.id, name: names.get(d.id)?.name ?? d.id, status: d.status, amountMinor: String(d.amountMinor), createdOn: d.createdOn, closeDate: d.closeDate,
    })) : null,
  };
}
