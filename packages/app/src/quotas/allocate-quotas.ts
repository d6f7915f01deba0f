import { addDays, allocateTopDown, dateParts, formatDate, dateOfInstant, DomainError, invalid, parseDecimal, parseFiscalPeriod, pow10, MIN_GROWTH_HISTORY, predictShareAtQuota, quotaPerPotential, type Actor, type AllocationItem, type Decimal, type Person } from '@attain/core';
import { QuotaAllocateBody as Body, type QuotaAllocateBody, type QuotaAllocation } from '@attain/contract';
import { insightsRepo, planAssignmentRepo, type Db, type Tx } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { modelAccounts } from '../coverage/model-accounts.js';
import { repos } from '../crm/repos.js';
import { parseInput } from '../validation.js';

/*
 * Top-down allocation of a fiscal year's company number to the sellers (core quota/allocation.ts):
 * history is what each booked in the fiscal year before (deals won, in the organisation's
 * currency at today's rates), potential what the accounts she owns are worth today. Sellers are
 * the people of the quota-carrying roles employed on the year's first day. A preview: nothing is
 * written (quota plans, approval and the link to plan assignments come next, see docs/quotas.md).
 */

/** A year counts as history when deals were won in at least this many of its months. */
const MIN_MONTHS = 10;

/** The first day of the month `months` after the month of `date` (a first of the month). */
const addMonths = (date: string, months: number): string => {
  const { year, month } = dateParts(date);
  const index = year * 12 + month - 1 + months;
  return formatDate(Math.floor(index / 12), (index % 12) + 1, 1);
};

/** In how many of the twelve months from `start` the organisation won deals. */
async function monthsWithBookings(db: Db | Tx, orgId: string, start: string): Promise<number> {
  let months = 0;
  for (let m = 0; m < 12; m++) {
    const from = addMonths(start, m);
    const sums = await insightsRepo.sumOpportunities(db, { orgId, ownerIds: null, isWon: true, closeFrom: from, closeTo: addDays(addMonths(from, 1), -1) }, { groupBy: [], rateBreaks: [] });
    if (sums.some((r) => r.count > 0)) months += 1;
  }
  return months;
}

/** The middle of sorted numbers (the mean of the two middle ones when even). */
const median = (sorted: readonly number[]): number => {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

async function allPeople(db: Db | Tx, orgId: string): Promise<Person[]> {
  const out: Person[] = [];
  let cursor: string | undefined;
  do {
    const page = await repos.person.list(db, { orgId, scope: { kind: 'all' }, filters: [], limit: 500, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** 1 + growth, times the bookings, rounded down to the minor unit (a bound, not money paid). */
const grown = (historyMinor: bigint, growth: Decimal): bigint => {
  const factor = pow10(growth.scale) + growth.units;
  return factor <= 0n ? 0n : (historyMinor * factor) / pow10(growth.scale);
};

/** The core allocation; its complaints about the whole (floors, caps and overrides against what there is) are the target's. */
function allocateWithin(targetMinor: bigint, items: readonly AllocationItem[]): ReturnType<typeof allocateTopDown> {
  try {
    return allocateTopDown(targetMinor, items);
  } catch (error) {
    if (error instanceof DomainError && error.issues[0]?.field === 'items') throw invalid('targetMinor', error.message.replace(/^items: /, ''));
    throw error;
  }
}

export async function allocateQuotas(ctx: AppContext, actor: Actor, input: QuotaAllocateBody): Promise<QuotaAllocation> {
  requireAbility(actor, 'quota:plan');
  const body = parseInput(Body, input);
  const db = ctx.database.db;
  const today = dateOfInstant(ctx.now());
  const { money, accounts } = await modelAccounts(db, actor.orgId, today, { county: false });
  const year = parseFiscalPeriod(`FY${body.fiscalYear}`, money.fiscalYearStartMonth);
  const last = parseFiscalPeriod(`FY${body.fiscalYear - 1}`, money.fiscalYearStartMonth);
  const people = await allPeople(db, actor.orgId);
  const byId = new Map(people.map((p) => [p.id, p]));
  const sellers = people
    .filter((p) => body.roles.includes(p.kind) && (p.hireDate === null || p.hireDate <= year.end) && (p.terminationDate === null || p.terminationDate >= year.start))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (sellers.length === 0) throw invalid('roles', `no one of the roles ${body.roles.join(', ')} works in FY${body.fiscalYear}`);

  const bookings = async (from: string, to: string): Promise<Map<string, bigint>> => {
    const out = new Map<string, bigint>();
    const won = await insightsRepo.sumOpportunities(db, { orgId: actor.orgId, ownerIds: sellers.map((s) => s.id), isWon: true, closeFrom: from, closeTo: to }, { groupBy: ['ownerId'], rateBreaks: [] });
    for (const r of won) if (r.ownerId) out.set(r.ownerId, (out.get(r.ownerId) ?? 0n) + money.convert(r.amountMinor, r.currency, `${r.ownerId}'s bookings`));
    return out;
  };
  const history = await bookings(last.start, last.end);
  const before = parseFiscalPeriod(`FY${body.fiscalYear - 2}`, money.fiscalYearStartMonth);
  const earlier = await bookings(before.start, before.end);
  const potential = new Map<string, bigint>();
  for (const a of accounts) if (a.ownerId) potential.set(a.ownerId, (potential.get(a.ownerId) ?? 0n) + (a.potentialMinor ?? 0n));

  const overrides = new Map(body.overrides.map((o, k) => {
    if (!sellers.some((s) => s.id === o.personId)) throw invalid(`overrides[${k}].personId`, `${o.personId} is not a seller in FY${body.fiscalYear}`);
    return [o.personId, o] as const;
  }));
  const minGrowth = body.minGrowth === undefined ? undefined : parseDecimal(body.minGrowth);
  const maxGrowth = body.maxGrowth === undefined ? undefined : parseDecimal(body.maxGrowth);
  const weightOf = (p: Person): string => body.weightsByRole[p.kind] ?? body.historyWeight;
  const items: AllocationItem[] = sellers.map((p) => {
    const h = history.get(p.id) ?? 0n;
    const o = overrides.get(p.id);
    return {
      id: p.id, historyMinor: h, potentialMinor: potential.get(p.id) ?? 0n, historyWeight: parseDecimal(weightOf(p)),
      ...(minGrowth && h > 0n ? { floorMinor: grown(h, minGrowth) } : {}),
      ...(maxGrowth && h > 0n ? { capMinor: grown(h, maxGrowth) } : {}),
      ...(o ? { override: { amountMinor: BigInt(o.amountMinor), reason: o.reason } } : {}),
    };
  });
  if (BigInt(body.targetMinor) < 0n) throw invalid('targetMinor', 'must be 0 or more');
  const lines = allocateWithin(BigInt(body.targetMinor), items);

  // Every manager above a seller sums her sellers' quotas: the cascade, level by level.
  const managers = new Map<string, { sellers: number; quotaMinor: bigint; historyMinor: bigint }>();
  lines.forEach((l, k) => {
    const seen = new Set<string>();
    for (let m = byId.get(l.id)?.managerId ?? null; m !== null && !seen.has(m); m = byId.get(m)?.managerId ?? null) {
      seen.add(m);
      const sum = managers.get(m) ?? { sellers: 0, quotaMinor: 0n, historyMinor: 0n };
      managers.set(m, { sellers: sum.sellers + 1, quotaMinor: sum.quotaMinor + l.quotaMinor, historyMinor: sum.historyMinor + (items[k]?.historyMinor ?? 0n) });
    }
  });
  // Each seller's growth the year before, for the prediction: only from two whole years of
  // bookings (both over, deals won in at least 10 months of each), else not enough history.
  const gap = async (y: typeof last): Promise<string | null> => {
    if (y.end >= today) return `${y.key} is not over`;
    const months = await monthsWithBookings(db, actor.orgId, y.start);
    return months >= MIN_MONTHS ? null : `${y.key} has deals won in ${months} of its 12 months`;
  };
  const missing = (await gap(last)) ?? (await gap(before));
  const growths = missing !== null ? [] : sellers.flatMap((p) => {
    const [h, e] = [history.get(p.id) ?? 0n, earlier.get(p.id) ?? 0n];
    return h > 0n && e > 0n ? [Number(h) / Number(e)] : [];
  });
  const prediction = predictShareAtQuota(lines.map((l, k) => ({ quota: Number(l.quotaMinor), history: Number(items[k]?.historyMinor ?? 0n) })), growths);
  const totalHistory = items.reduce((s, i) => s + i.historyMinor, 0n);
  // On-target earnings from the plan assignments in force today: base salary plus target incentive.
  const ote = new Map<string, bigint>();
  for (const a of await planAssignmentRepo.list(db, actor.orgId, { personIds: sellers.map((p) => p.id), asOf: today })) {
    if (a.baseSalaryMinor !== null) ote.set(a.personId, a.baseSalaryMinor + a.targetIncentiveMinor);
  }
  const ratioToOte = (k: number): number | null => {
    const o = ote.get(sellers[k]?.id as string);
    return o === undefined || o === 0n ? null : Number(lines[k]?.quotaMinor ?? 0n) / Number(o);
  };
  const ratios = lines.flatMap((_, k) => { const r = ratioToOte(k); return r === null ? [] : [r]; }).sort((a, b) => a - b);
  const diagnostics = {
    shareAtQuota: prediction && { mean: prediction.shareAtQuota, p10: prediction.p10, p90: prediction.p90, sellers: prediction.sellers },
    notEnoughHistory: prediction ? null : (missing ?? `${growths.length} sellers booked in both ${before.key} and ${last.key}; ${MIN_GROWTH_HISTORY} are needed`),
    growthsKnown: growths.length,
    quotaPerPotential: quotaPerPotential(lines.map((l, k) => ({ quota: Number(l.quotaMinor), potential: Number(items[k]?.potentialMinor ?? 0n) }))),
    totalOverBookings: totalHistory === 0n ? null : Number(BigInt(body.targetMinor)) / Number(totalHistory),
    quotaToOte: ratios.length === 0 ? null : { median: median(ratios), min: ratios[0] as number, max: ratios[ratios.length - 1] as number, sellers: ratios.length },
  };
  return {
    diagnostics,
    fiscalYear: body.fiscalYear, currency: money.currency, targetMinor: body.targetMinor, historyFrom: last.start, historyTo: last.end,
    sellers: lines.map((l, k) => {
      const p = sellers[k] as Person;
      const h = items[k]?.historyMinor ?? 0n;
      return {
        personId: p.id, name: p.name, role: p.kind, managerId: p.managerId, managerName: p.managerId ? (byId.get(p.managerId)?.name ?? null) : null,
        historyMinor: String(h), potentialMinor: String(items[k]?.potentialMinor ?? 0n), historyWeight: weightOf(p),
        share: Number(l.share.numerator) / Number(l.share.denominator), quotaMinor: String(l.quotaMinor),
        growth: h === 0n ? null : Number(l.quotaMinor - h) / Number(h), bound: l.bound, reason: overrides.get(p.id)?.reason ?? null, quotaToOte: ratioToOte(k),
      };
    }),
    managers: [...managers].map(([id, m]) => ({ personId: id, name: byId.get(id)?.name ?? id, sellers: m.sellers, quotaMinor: String(m.quotaMinor), historyMinor: String(m.historyMinor) }))
      .sort((a, b) => b.sellers - a.sellers || (a.name < b.name ? -1 : 1)),
    totalMinor: String(lines.reduce((s, l) => s + l.quotaMinor, 0n)),
  };
}
