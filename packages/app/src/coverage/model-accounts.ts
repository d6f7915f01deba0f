import { convertMinor, DomainError, rateOn, type CoverageAccount } from '@attain/core';
import { coverageRepo, orgRepo, type CoverageAccountRow, type Db, type Tx } from '@attain/store';
import { orgCurrency } from '../assignments/assignment-rules.js';
import { countyAt } from '../territories/us-counties.js';

/** An account as the coverage and territory models see it: potential in the organisation's currency, its county when asked for. */
export type ModelAccount = CoverageAccount & Omit<CoverageAccountRow, 'potentialMinor'>;

/** Converts amounts into the organisation's currency at `today`'s rate; a currency without one is an error naming it and what was being counted. */
export interface OrgMoney {
  readonly currency: string;
  readonly fiscalYearStartMonth: number;
  convert(amountMinor: bigint, from: string, what: string): bigint;
}

export async function orgMoney(db: Db | Tx, orgId: string, today: string): Promise<OrgMoney> {
  const { currency, fiscalYearStartMonth } = await orgCurrency(db, orgId);
  const rates = await orgRepo.rates(db, orgId);
  return {
    currency, fiscalYearStartMonth,
    convert(amountMinor, from, what) {
      if (from === currency) return amountMinor;
      const rate = rateOn(rates, from, today);
      if (!rate) throw new DomainError('validation_failed', `no exchange rate for ${from} on ${today}: ${what} cannot be counted in ${currency}`, [{ field: 'currency', message: `no rate for ${from}` }]);
      return convertMinor({ amountMinor, from, to: currency, rateE9: rate.rateE9 });
    },
  };
}

/**
 * Every account of the organisation not archived, its potential in the organisation's currency at
 * today's rate and, with `county`, the US county its location falls in (a point-in-polygon test,
 * so only when a rule reads it).
 */
export async function modelAccounts(db: Db | Tx, orgId: string, today: string, options: { county: boolean }): Promise<{ money: OrgMoney; currency: string; accounts: ModelAccount[] }> {
  const money = await orgMoney(db, orgId, today);
  const accounts: ModelAccount[] = [];
  for await (const page of coverageRepo.accounts(db, orgId)) {
    for (const a of page) {
      const potentialMinor = a.potentialMinor === null ? null : money.convert(a.potentialMinor, a.currency, `account ${a.id}'s potential`);
      accounts.push({ ...a, potentialMinor, county: options.county ? countyAt(a.latitude, a.longitude) : null });
    }
  }
  return { money, currency: money.currency, accounts };
}
