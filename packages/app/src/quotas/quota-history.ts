import { annualValue, dateParts, formatDate, type FiscalPeriod, type Person, type QuotaPlanMeasure } from '@attain/core';
import { insightsRepo, type Db, type Tx, type WonDealGroup } from '@attain/store';
import type { OrgMoney } from '../coverage/model-accounts.js';
import { repos } from '../crm/repos.js';

/*
 * What quota planning reads of the past: each seller's bookings (deals won, converted to the
 * organisation's currency) or new logos, and whether a fiscal year is whole enough to learn from.
 */

/** A year counts as history when deals were won in at least this many of its months. */
export const MIN_MONTHS = 10;

/** The first day of the month `months` after the month of `date` (a first of the month). */
export const addMonths = (date: string, months: number): string => {
  const { year, month } = dateParts(date);
  const index = year * 12 + month - 1 + months;
  return formatDate(Math.floor(index / 12), (index % 12) + 1, 1);
};

/** Each seller's deals won from `from` to `to`, in the organisation's currency. */
export async function bookingsOf(db: Db | Tx, orgId: string, money: OrgMoney, sellerIds: readonly string[], year: FiscalPeriod): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  if (sellerIds.length === 0) return out;
  const won = await insightsRepo.sumOpportunities(db, { orgId, ownerIds: [...sellerIds], isWon: true, closeFrom: year.start, closeTo: year.end }, { groupBy: ['ownerId'], rateBreaks: [] });
  for (const r of won) if (r.ownerId) out.set(r.ownerId, (out.get(r.ownerId) ?? 0n) + money.convert(r.amountMinor, r.currency, `${r.ownerId}'s bookings`));
  return out;
}

/**
 * Each seller's history of the measure in a fiscal year: bookings (money), new logos (won deals
 * of type new business, a count) or ACV (money).
 */
export async function historyOf(db: Db | Tx, orgId: string, money: OrgMoney, measure: QuotaPlanMeasure, sellerIds: readonly string[], year: FiscalPeriod): Promise<Map<string, bigint>> {
  if (measure === 'bookings') return bookingsOf(db, orgId, money, sellerIds, year);
  return historyOfGroups(await insightsRepo.wonDealGroups(db, orgId, 'owner', year.start, year.end, sellerIds), money, measure);
}

/**
 * A measure's history per key (account or owner) from grouped won deals: bookings (every won deal,
 * converted), new logos (won new business, a count) or ACV (won new and expansion deals' annual
 * value, converted; annualized once per key, currency and term).
 */
export function historyOfGroups(groups: readonly WonDealGroup[], money: OrgMoney, measure: QuotaPlanMeasure): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const g of groups) {
    let value: bigint;
    if (measure === 'new-logos') value = g.type === 'new' ? g.deals : 0n;
    else if (measure === 'acv') value = g.type === 'renewal' ? 0n : money.convert(annualValue(g.amountMinor, g.termMonths), g.currency, `${g.key}'s ACV`);
    else value = money.convert(g.amountMinor, g.currency, `${g.key}'s bookings`);
    out.set(g.key, (out.get(g.key) ?? 0n) + value);
  }
  return out;
}

/** What was booked on each account in a fiscal year, in the measure. */
export async function historyByAccount(db: Db | Tx, orgId: string, money: OrgMoney, measure: QuotaPlanMeasure, year: FiscalPeriod): Promise<Map<string, bigint>> {
  return historyOfGroups(await insightsRepo.wonDealGroups(db, orgId, 'account', year.start, year.end), money, measure);
}

/** Why a year cannot be learnt from (not over, or too few months with deals won); null when it can. */
export async function historyGap(db: Db | Tx, orgId: string, year: FiscalPeriod, today: string): Promise<string | null> {
  if (year.end >= today) return `${year.key} is not over`;
  const months = (await insightsRepo.wonMonths(db, orgId, year.start, year.end)).length;
  return months >= MIN_MONTHS ? null : `${year.key} has deals won in ${months} of its 12 months`;
}

export async function allPeople(db: Db | Tx, orgId: string): Promise<Person[]> {
  const out: Person[] = [];
  let cursor: string | undefined;
  do {
    const page = await repos.person.list(db, { orgId, scope: { kind: 'all' }, filters: [], limit: 500, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
