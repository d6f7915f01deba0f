import { currencyExponent, divideRounded, DomainError, rateOn, type ExchangeRate, type Organisation } from '@attain/core';
import { orgRepo, type Db } from '@attain/store';

/** A sum of one currency and one rate period, as the insights store queries return it. */
export interface AmountGroup {
  readonly currency: string;
  readonly ratePeriod: number;
  readonly amountMinor: bigint;
  /** Needed for weighted sums only. */
  readonly probabilityBps?: number | null;
}

/** The largest number of minor-unit digits of any currency (see currencyExponent). */
const MAX_EXPONENT = 3;
const RATE_SCALE = 1_000_000_000n;
const BPS_SCALE = 10_000n;

/**
 * Sums money of several currencies in the org's default currency, exactly: every group is
 * converted at the rate in force on its deals' close date (a deal converts at the rate of
 * its own date, as Salesforce's dated rates do; a future close date takes the latest known
 * rate), all terms are brought over one common denominator in bigint, and the total is
 * rounded ONCE with core's divideRounded (half-even). A missing rate is an error naming the
 * currency, never a silently wrong total.
 */
export class OrgCurrency {
  readonly currency: string;
  /** Sorted dates on which a rate of another currency takes effect: the store's rate periods. */
  readonly rateBreaks: readonly string[];
  private readonly rates: readonly ExchangeRate[];

  constructor(org: Pick<Organisation, 'defaultCurrency'>, rates: readonly ExchangeRate[]) {
    this.currency = org.defaultCurrency;
    this.rates = rates.filter((r) => r.currency !== org.defaultCurrency);
    this.rateBreaks = [...new Set(this.rates.map((r) => r.effectiveDate))].sort();
  }

  static async load(db: Db, org: Organisation): Promise<OrgCurrency> {
    return new OrgCurrency(org, await orgRepo.rates(db, org.id));
  }

  /** Σ amount, in the org currency's minor units. */
  sum(groups: readonly AmountGroup[]): bigint {
    let numerator = 0n;
    for (const g of groups) numerator += this.term(g);
    return divideRounded(numerator, RATE_SCALE * 10n ** BigInt(MAX_EXPONENT));
  }

  /** Σ amount x probability (the stage-weighted amount), in the org currency's minor units. */
  weightedSum(groups: readonly AmountGroup[]): bigint {
    let numerator = 0n;
    for (const g of groups) numerator += this.term(g) * BigInt(g.probabilityBps ?? 0);
    return divideRounded(numerator, RATE_SCALE * 10n ** BigInt(MAX_EXPONENT) * BPS_SCALE);
  }

  /**
   * Multipliers from each currency's minor units into the org currency's, at the rates in force
   * on `date`: only to ORDER records of mixed currencies by value, never to compute a figure.
   */
  valueMultipliers(date: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const currency of new Set(this.rates.map((r) => r.currency))) {
      const rate = rateOn(this.rates, currency, date) ?? this.rates.find((r) => r.currency === currency);
      if (!rate) continue;
      const shift = currencyExponent(this.currency) - currencyExponent(currency);
      out.set(currency, (Number(rate.rateE9) / 1e9) * 10 ** shift);
    }
    return out;
  }

  /** The group's amount x rate, scaled to the common denominator RATE_SCALE x 10^MAX_EXPONENT. */
  private term(g: AmountGroup): bigint {
    const rateE9 = g.currency === this.currency ? RATE_SCALE : this.rateOf(g.currency, g.ratePeriod);
    const scale = MAX_EXPONENT + currencyExponent(this.currency) - currencyExponent(g.currency);
    return g.amountMinor * rateE9 * 10n ** BigInt(scale);
  }

  private rateOf(currency: string, ratePeriod: number): bigint {
    const from = ratePeriod > 0 ? this.rateBreaks[ratePeriod - 1] : undefined;
    const rate = from === undefined ? undefined : rateOn(this.rates, currency, from);
    if (rate) return rate.rateE9;
    const when = from !== undefined ? `in force on ${from}` : this.rateBreaks[0] !== undefined ? `before ${this.rateBreaks[0]}` : 'at all';
    const message = `Figures in ${this.currency} need an exchange rate for ${currency} on every close date, and there is none ${when}: set one under exchange rates.`;
    throw new DomainError('conflict', message, [{ field: `exchangeRates.${currency}`, message }]);
  }
}
