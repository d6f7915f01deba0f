import { allocateTopDown, dateOfInstant, DomainError, invalid, parseDecimal, parseFiscalPeriod, pow10, unitOfMeasure, type Actor, type AllocationItem, type Decimal, type FiscalPeriod, type Person } from '@attain/core';
import { QuotaAllocateBody as Body, type QuotaAllocateBody, type QuotaAllocation } from '@attain/contract';
import type { z } from 'zod';
import type { Db, Tx } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { modelAccounts, orgMoney, type OrgMoney } from '../coverage/model-accounts.js';
import { parseInput } from '../validation.js';
import { allocateToTerritories, type TerritoryAllocation } from './allocate-by-territory.js';
import { diagnoseQuotas } from './quota-diagnostics.js';
import { allPeople, historyOf } from './quota-history.js';

/*
 * Top-down allocation of a fiscal year's company number to the sellers (core quota/allocation.ts):
 * history is what each booked in the fiscal year before (deals won, in the organisation's
 * currency at today's rates; or, for new logos, how many new customers she won), potential what the accounts she owns are worth today. Sellers are
 * the people of the quota-carrying roles employed on any day of the year. `allocateQuotas` is the
 * preview; a quota plan (quota-plans.ts) stores the same allocation as its first version.
 */

/** The allocation settings once read (defaults filled in). */
export type QuotaAllocateInput = z.output<typeof Body>;

/** 1 + growth, times the bookings, rounded down to the minor unit (a bound, not money paid). */
const grown = (historyMinor: bigint, growth: Decimal): bigint => {
  const factor = pow10(growth.scale) + growth.units;
  return factor <= 0n ? 0n : (historyMinor * factor) / pow10(growth.scale);
};

/** The core allocation; its complaints about the whole (floors, caps and overrides against what there is) are the target's. */
export function allocateWithin(targetMinor: bigint, items: readonly AllocationItem[]): ReturnType<typeof allocateTopDown> {
  try {
    return allocateTopDown(targetMinor, items);
  } catch (error) {
    if (error instanceof DomainError && error.issues[0]?.field === 'items') throw invalid('targetMinor', error.message.replace(/^items: /, ''));
    throw error;
  }
}

/** One seller's allocated quota with what it came from. */
export interface AllocatedSeller {
  readonly person: Person;
  readonly historyMinor: bigint;
  readonly potentialMinor: bigint;
  readonly historyWeight: string;
  /** Her share of the blend before bounds. */
  readonly share: number;
  readonly quotaMinor: bigint;
  readonly bound: 'override' | 'floor' | 'cap' | null;
  readonly reason: string | null;
}

export interface ComputedAllocation {
  readonly money: OrgMoney;
  readonly year: FiscalPeriod;
  readonly last: FiscalPeriod;
  readonly people: ReadonlyMap<string, Person>;
  /** In id order. */
  readonly sellers: readonly AllocatedSeller[];
  /** Allocated over a territory model's territories (basis territories); null over the sellers. */
  readonly byTerritory: TerritoryAllocation | null;
}

/** The allocation of `targetMinor` among the sellers of the body's roles (nothing is written). */
export async function computeAllocation(db: Db | Tx, orgId: string, today: string, body: QuotaAllocateInput, targetMinor: bigint): Promise<ComputedAllocation> {
  const money = await orgMoney(db, orgId, today);
  const year = parseFiscalPeriod(`FY${body.fiscalYear}`, money.fiscalYearStartMonth);
  const last = parseFiscalPeriod(`FY${body.fiscalYear - 1}`, money.fiscalYearStartMonth);
  const everyone = await allPeople(db, orgId);
  const sellers = everyone
    .filter((p) => body.roles.includes(p.kind) && p.archivedAt === null && (p.hireDate === null || p.hireDate <= year.end) && (p.terminationDate === null || p.terminationDate >= year.start))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (sellers.length === 0) throw invalid('roles', `no one of the roles ${body.roles.join(', ')} works in FY${body.fiscalYear}`);

  const minGrowth = body.minGrowth === undefined ? undefined : parseDecimal(body.minGrowth);
  const maxGrowth = body.maxGrowth === undefined ? undefined : parseDecimal(body.maxGrowth);
  const bounds = (h: bigint) => ({ ...(minGrowth ? { floorMinor: grown(h, minGrowth) } : {}), ...(maxGrowth ? { capMinor: grown(h, maxGrowth) } : {}) });
  if (targetMinor < 0n) throw invalid('targetMinor', 'must be 0 or more');
  const people = new Map(everyone.map((p) => [p.id, p]));
  if (body.basis === 'territories') {
    const byTerritory = await allocateToTerritories(db, orgId, today, { body, year, last, money, sellers, targetMinor, bounds, allocate: allocateWithin });
    return { money, year, last, people, sellers: byTerritory.sellers, byTerritory };
  }
  const { accounts } = await modelAccounts(db, orgId, today, { county: false });
  const history = await historyOf(db, orgId, money, body.measure, sellers.map((s) => s.id), last);
  const potential = new Map<string, bigint>();
  for (const a of accounts) if (a.ownerId) potential.set(a.ownerId, (potential.get(a.ownerId) ?? 0n) + (a.potentialMinor ?? 0n));
  const overrides = new Map(body.overrides.map((o, k) => {
    if (!sellers.some((s) => s.id === o.personId)) throw invalid(`overrides[${k}].personId`, `${o.personId} is not a seller in FY${body.fiscalYear}`);
    return [o.personId, o] as const;
  }));
  const weightOf = (p: Person): string => body.weightsByRole[p.kind] ?? body.historyWeight;
  const items: AllocationItem[] = sellers.map((p) => {
    const h = history.get(p.id) ?? 0n;
    const o = overrides.get(p.id);
    return {
      id: p.id, historyMinor: h, potentialMinor: potential.get(p.id) ?? 0n, historyWeight: parseDecimal(weightOf(p)),
      ...(h > 0n ? bounds(h) : {}),
      ...(o ? { override: { amountMinor: BigInt(o.amountMinor), reason: o.reason } } : {}),
    };
  });
  const lines = allocateWithin(targetMinor, items);
  return {
    money, year, last, people, byTerritory: null,
    sellers: lines.map((l, k) => {
      const item = items[k] as AllocationItem;
      const person = sellers[k] as Person;
      return {
        person, historyMinor: item.historyMinor, potentialMinor: item.potentialMinor, historyWeight: weightOf(person),
        share: Number(l.share.numerator) / Number(l.share.denominator), quotaMinor: l.quotaMinor, bound: l.bound, reason: overrides.get(person.id)?.reason ?? null,
      };
    }),
  };
}

/** The quota of territories no seller owns (0 over the sellers). */
export const vacantOf = (a: ComputedAllocation): bigint => (a.byTerritory?.territories ?? []).reduce((s, t) => s + (t.ownerId === null ? t.quotaMinor : 0n), 0n);

/** The managers above a person, nearest first (a loop in the hierarchy stops the walk). */
export function managersAbove(people: ReadonlyMap<string, Person>, personId: string): string[] {
  const out: string[] = [];
  for (let m = people.get(personId)?.managerId ?? null; m !== null && !out.includes(m); m = people.get(m)?.managerId ?? null) out.push(m);
  return out;
}

export async function allocateQuotas(ctx: AppContext, actor: Actor, input: QuotaAllocateBody): Promise<QuotaAllocation> {
  requireAbility(actor, 'quota:plan');
  const body = parseInput(Body, input);
  const db = ctx.database.db;
  const today = dateOfInstant(ctx.now());
  const a = await computeAllocation(db, actor.orgId, today, body, BigInt(body.targetMinor));
  // Every manager above a seller sums her sellers' quotas: the cascade, level by level.
  const managers = new Map<string, { sellers: number; quotaMinor: bigint; historyMinor: bigint }>();
  for (const s of a.sellers) {
    for (const m of managersAbove(a.people, s.person.id)) {
      const sum = managers.get(m) ?? { sellers: 0, quotaMinor: 0n, historyMinor: 0n };
      managers.set(m, { sellers: sum.sellers + 1, quotaMinor: sum.quotaMinor + s.quotaMinor, historyMinor: sum.historyMinor + s.historyMinor });
    }
  }
  const { diagnostics, quotaToOte } = await diagnoseQuotas(db, actor.orgId, a.money, body.measure, body.fiscalYear, today, BigInt(body.targetMinor),
    a.sellers.map((s) => ({ personId: s.person.id, quotaMinor: s.quotaMinor, historyMinor: s.historyMinor, potentialMinor: s.potentialMinor })));
  return {
    diagnostics,
    fiscalYear: body.fiscalYear, measure: body.measure, unit: unitOfMeasure(body.measure), currency: a.money.currency, targetMinor: body.targetMinor, historyFrom: a.last.start, historyTo: a.last.end,
    sellers: a.sellers.map((s) => ({
      personId: s.person.id, name: s.person.name, role: s.person.kind, managerId: s.person.managerId, managerName: s.person.managerId ? (a.people.get(s.person.managerId)?.name ?? null) : null,
      historyMinor: String(s.historyMinor), potentialMinor: String(s.potentialMinor), historyWeight: s.historyWeight,
      share: s.share, quotaMinor: String(s.quotaMinor),
      growth: s.historyMinor === 0n ? null : Number(s.quotaMinor - s.historyMinor) / Number(s.historyMinor), bound: s.bound, reason: s.reason, quotaToOte: quotaToOte.get(s.person.id) ?? null,
    })),
    managers: [...managers].map(([id, m]) => ({ personId: id, name: a.people.get(id)?.name ?? id, sellers: m.sellers, quotaMinor: String(m.quotaMinor), historyMinor: String(m.historyMinor) }))
      .sort((x, y) => y.sellers - x.sellers || (x.name < y.name ? -1 : 1)),
    totalMinor: String(a.sellers.reduce((sum, s) => sum + s.quotaMinor, 0n)),
    basis: body.basis,
    territoryModel: a.byTerritory ? { id: a.byTerritory.model.id, name: a.byTerritory.model.name } : null,
    territories: (a.byTerritory?.territories ?? []).map((t) => ({
      key: t.key, name: t.name, ownerId: t.ownerId, ownerName: t.ownerId ? (a.people.get(t.ownerId)?.name ?? t.ownerId) : t.seat, accounts: t.accounts,
      historyMinor: String(t.historyMinor), potentialMinor: String(t.potentialMinor), historyWeight: t.historyWeight, share: t.share, quotaMinor: String(t.quotaMinor), bound: t.bound,
    })),
    vacantMinor: String(vacantOf(a)),
  };
}
