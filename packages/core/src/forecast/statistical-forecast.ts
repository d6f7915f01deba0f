import { divideRounded } from '../money.js';
import { seededRandom } from '../seeded-random.js';
import type { DealState } from './pipeline-replay.js';

/*
 * The statistical forecast of a period (docs/forecasting.md): what is won already, each open deal
 * expected in the period won with the probability history gives a deal of its stage, weeks left
 * and slip, and a run rate for deals not yet created, drawn from past periods. Simulated with a
 * seeded generator (the same inputs give the same range), giving P10 / P50 / P90. Pure.
 */

/** Inclusive dates. */
export interface ForecastPeriod {
  readonly start: string;
  readonly end: string;
}

/** What a period holds as of a day: won so far, and the open deals expected to close in it. */
export interface PeriodView {
  readonly wonMinor: bigint;
  readonly open: readonly DealState[];
}

const inPeriod = (date: string, p: ForecastPeriod): boolean => date >= p.start && date <= p.end;

export function periodView(deals: readonly DealState[], period: ForecastPeriod): PeriodView {
  let wonMinor = 0n;
  const open: DealState[] = [];
  for (const d of deals) {
    if (!inPeriod(d.closeDate, period)) continue;
    if (d.won) wonMinor += d.amountMinor;
    else if (!d.closed) open.push(d);
  }
  return { wonMinor, open };
}

/** The baseline: won so far plus each open deal's amount x its stage's probability (half-even to the minor unit). */
export function stageWeighted(view: PeriodView): bigint {
  return view.open.reduce((sum, d) => sum + divideRounded(d.amountMinor * BigInt(d.probabilityBps), 10_000n), view.wonMinor);
}

/** A deal seen open in a past period, with whether it was won within that period. */
export interface ConversionSample {
  readonly deal: DealState;
  readonly weeksLeft: number;
  readonly won: boolean;
}

/** Weeks left in the period, in three buckets: early, middle, late. */
const bucketOf = (weeksLeft: number): string => (weeksLeft > 8 ? 'early' : weeksLeft > 4 ? 'middle' : 'late');
const keyOf = (d: DealState, weeksLeft: number): string => `${d.stageId}|${bucketOf(weeksLeft)}|${d.pushes > 0 ? 'pushed' : 'on-time'}`;

/** How strongly a group's rate is pulled towards its stage's (and a stage's towards the whole): in samples. */
const PRIOR_WEIGHT = 10;

export interface ConversionModel {
  /** The probability that an open deal expected in the period is won within it. */
  readonly rate: (deal: DealState, weeksLeft: number) => number;
}

/**
 * Historical conversion by stage, weeks left and slip: each group's share won within its period,
 * shrunk towards its stage's share (and a stage's towards the overall one) by PRIOR_WEIGHT samples,
 * so a thin group does not swing to 0 or 1.
 */
export function learnConversion(samples: readonly ConversionSample[]): ConversionModel {
  const count = (key: (s: ConversionSample) => string) => {
    const m = new Map<string, { won: number; n: number }>();
    for (const s of samples) {
      const k = key(s);
      const c = m.get(k) ?? { won: 0, n: 0 };
      m.set(k, { won: c.won + (s.won ? 1 : 0), n: c.n + 1 });
    }
    return m;
  };
  const overall = samples.length === 0 ? 0 : samples.filter((s) => s.won).length / samples.length;
  const byStage = count((s) => s.deal.stageId);
  const byGroup = count((s) => keyOf(s.deal, s.weeksLeft));
  const shrink = (c: { won: number; n: number } | undefined, prior: number) => (c === undefined ? prior : (c.won + PRIOR_WEIGHT * prior) / (c.n + PRIOR_WEIGHT));
  return {
    rate: (deal, weeksLeft) => shrink(byGroup.get(keyOf(deal, weeksLeft)), shrink(byStage.get(deal.stageId), overall)),
  };
}

export interface ForecastRange {
  readonly p10: bigint;
  readonly p50: bigint;
  readonly p90: bigint;
  /** Won so far + each open deal x its probability + the mean run rate. */
  readonly expected: bigint;
}

/** The value at a quantile of sorted values (nearest rank). */
const quantile = (sorted: readonly bigint[], q: number): bigint => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as bigint;

/**
 * A past period's fortune at the same point: what it then won from deals not yet created (its run
 * rate), and how its open deals converted against what the model expected of them (`conversion`:
 * 1 = as expected). A strong quarter lifts many deals at once; drawing whole fortunes keeps that.
 */
export interface PastFortune {
  readonly runRate: bigint;
  readonly conversion: number;
}

/**
 * Simulates the period `trials` times: each trial draws a past period's fortune, wins each open
 * deal with its probability scaled by that period's conversion (at most 1), and adds its run rate.
 * Needs at least one past period.
 */
export function simulatePeriod(args: {
  readonly view: PeriodView;
  readonly probabilityOf: (deal: DealState) => number;
  readonly fortunes: readonly PastFortune[];
  readonly seed: number;
  readonly trials?: number;
}): ForecastRange {
  const { view, fortunes } = args;
  if (fortunes.length === 0) throw new RangeError('simulatePeriod needs at least one past period\'s fortune');
  const runRates = fortunes.map((f) => f.runRate);
  const random = seededRandom(args.seed);
  const probabilities = view.open.map((d) => args.probabilityOf(d));
  const amounts = view.open.map((d) => d.amountMinor);
  // Each fortune's win chance per deal, once (the trials' inner loop runs 2,000 x the open deals).
  const chances = fortunes.map((f) => probabilities.map((p) => Math.min(1, p * f.conversion)));
  const totals: bigint[] = [];
  for (let t = 0; t < (args.trials ?? 2000); t++) {
    const k = Math.floor(random() * fortunes.length);
    const chance = chances[k] as number[];
    let total = view.wonMinor;
    for (let i = 0; i < amounts.length; i++) if (random() < (chance[i] as number)) total += amounts[i] as bigint;
    totals.push(total + (runRates[k] as bigint));
  }
  totals.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const meanRunRate = runRates.reduce((s, r) => s + r, 0n) / BigInt(runRates.length);
  const expectedOpen = view.open.reduce((s, d, i) => s + BigInt(Math.round(Number(d.amountMinor) * (probabilities[i] as number))), 0n);
  return { p10: quantile(totals, 0.1), p50: quantile(totals, 0.5), p90: quantile(totals, 0.9), expected: view.wonMinor + expectedOpen + meanRunRate };
}
