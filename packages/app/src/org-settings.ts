import { invalid, isCalendarDate, parseDecimal, toScaled, type Actor, type ExchangeRate, type Organisation } from '@attain/core';
import { requireAbility } from './authorize.js';
import { inOrgTransaction } from './org-transaction.js';
import { compTransactionRepo, orgRepo } from '@attain/store';
import { recordAudit } from './audit.js';
import { loadOrgForActor } from './auth/sessions.js';
import type { AppContext } from './context.js';
import { repos } from './crm/repos.js';
import { syncDealTransactions } from './transactions/sync-deal-transactions.js';

/** The organisation's exchange rates, by currency and effective date. */
export async function listExchangeRates(ctx: AppContext, actor: Actor): Promise<ExchangeRate[]> {
  return orgRepo.rates(ctx.database.db, actor.orgId);
}

/**
 * Sets the rate of a currency from a date on: 1 unit of `currency` = `rate` units of the
 * org's default currency, an exact decimal with at most 9 places. The currency joins the
 * org's list if new. Rates by date keep history: converting an old deal uses the old rate.
 */
export async function setExchangeRate(
  ctx: AppContext,
  actor: Actor,
  input: { currency: string; effectiveDate: string; rate: string },
): Promise<{ org: Organisation; rate: ExchangeRate }> {
  requireAbility(actor, 'exchange_rate:manage');
  const org = await loadOrgForActor(ctx, actor);
  if (input.currency === org.defaultCurrency) throw invalid('currency', `is the default currency (${org.defaultCurrency}), whose rate is 1`);
  if (!isCalendarDate(input.effectiveDate)) throw invalid('effectiveDate', 'must be a date as YYYY-MM-DD');
  let rateE9: bigint;
  try {
    const decimal = parseDecimal(input.rate);
    if (decimal.scale > 9) throw new RangeError('more than 9 decimals');
    rateE9 = toScaled(decimal, 9);
  } catch (error) {
    throw invalid('rate', (error as Error).message);
  }
  if (rateE9 <= 0n) throw invalid('rate', 'must be greater than 0');
  const rate: ExchangeRate = { currency: input.currency, effectiveDate: input.effectiveDate, rateE9 };
  const updated: Organisation = org.currencies.includes(input.currency) ? org : { ...org, currencies: [...org.currencies, input.currency] };
  await inOrgTransaction(ctx, actor.orgId, async (tx) => {
    await orgRepo.putRate(tx, actor.orgId, rate);
    if (updated !== org) await orgRepo.update(tx, updated);
    await recordAudit(ctx, tx, { actor, action: 'exchange_rate.set', entity: 'exchange_rate', entityId: `${input.currency}@${input.effectiveDate}`, before: null, after: rate });
    // Deals won in this currency while it had no rate were not booked: now they can be (and pay).
    for (const id of await compTransactionRepo.unbookedWonDeals(tx, actor.orgId, input.currency, input.effectiveDate)) {
      const deal = await repos.opportunity.get(tx, actor.orgId, id);
      if (deal) await syncDealTransactions(ctx, tx, updated, null, deal);
    }
  });
  return { org: updated, rate };
}
