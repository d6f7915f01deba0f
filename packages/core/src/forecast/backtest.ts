import { addDays } from '../calendar.js';
import type { DealState } from './pipeline-replay.js';
import { learnConversion, periodView, simulatePeriod, stageWeighted, type ConversionSample, type ForecastPeriod, type ForecastRange, type PeriodView } from './statistical-forecast.js';

/*
 * A period's forecast as of a day, learnt only from what was known that day, and the backtest that
 * replays past weeks and scores those forecasts against what happened (docs/forecasting.md). Pure:
 * the pipeline on a day comes from `statesOn`, which the caller replays from history (and caches).
 */

/** Weeks in a quarter: snapshots are taken on its first day and every 7 days after. */
export const WEEKS = 13;
/** Fewer past periods than this, or fewer deals seen in them, and the forecast says so instead of a range. */
export const MIN_PAST_PERIODS = 2;
export const MIN_SAMPLES = 50;

export interface ForecastInput {
  /** The pipeline at the start of a day (every deal created by then, as it stood). */
  readonly statesOn: (date: string) => readonly DealState[];
  /** Every period, in order (the one forecast and those before it). */
  readonly periods: readonly ForecastPeriod[];
  readonly period: ForecastPeriod;
  /** The day the forecast is made: only what was known at its start counts. */
  readonly asOf: string;
  readonly seed: number;
}

export type PeriodForecast = {
  readonly wonMinor: bigint;
  readonly openDeals: number;
  /** The stage-weighted baseline. */
  readonly baselineMinor: bigint;
} & ({ readonly range: ForecastRange; readonly notEnoughHistory: null } | { readonly range: null; readonly notEnoughHistory: string });

/** Snapshot days of a period: its first day and every 7 days after, up to WEEKS of them. */
export const snapshotDays = (p: ForecastPeriod): string[] => Array.from({ length: WEEKS }, (_, k) => addDays(p.start, 7 * k)).filter((d) => d <= p.end);

const inPeriod = (date: string, p: ForecastPeriod): boolean => date >= p.start && date <= p.end;

/**
 * A period's view of a day's pipeline, once per (pipeline, period): the backtest's forecasts each
 * look at every earlier snapshot again, and `statesOn` answers the same array for the same day.
 */
const views = new WeakMap<readonly DealState[], Map<string, PeriodView>>();
function viewOf(states: readonly DealState[], p: ForecastPeriod): PeriodView {
  let byPeriod = views.get(states);
  if (!byPeriod) views.set(states, (byPeriod = new Map()));
  let view = byPeriod.get(p.start);
  if (!view) byPeriod.set(p.start, (view = periodView(states, p)));
  return view;
}
const weekOf = (p: ForecastPeriod, day: string): number => Math.floor((Date.parse(day) - Date.parse(p.start)) / (7 * 86_400_000));

/**
 * The forecast of `period` as of `asOf`: the baseline always; the simulated range when at least
 * MIN_PAST_PERIODS periods had ended by then with MIN_SAMPLES deals seen open in them. Training
 * samples are the deals open in each past period's weekly snapshots, each won or not within that
 * period as known on `asOf`; the run rate, what each past period won from deals created after the
 * same point of the period.
 */
export function forecastPeriod(input: ForecastInput): PeriodForecast & { readonly probabilities: ReadonlyMap<string, number> } {
  const now = input.statesOn(input.asOf);
  const view = viewOf(now, input.period);
  const base = { wonMinor: view.wonMinor, openDeals: view.open.length, baselineMinor: stageWeighted(view) };
  const past = input.periods.filter((p) => p.end < input.asOf);
  const known = new Map(now.map((d) => [d.id, d]));
  const samples: ConversionSample[] = [];
  const runRates: bigint[] = [];
  const offset = Math.max(0, weekOf(input.period, input.asOf));
  for (const p of past) {
    for (const day of snapshotDays(p)) {
      const weeksLeft = WEEKS - weekOf(p, day);
      for (const d of viewOf(input.statesOn(day), p).open) {
        const later = known.get(d.id);
        samples.push({ deal: d, weeksLeft, won: later !== undefined && later.won && inPeriod(later.closeDate, p) });
      }
    }
    const createdAfter = `${addDays(p.start, 7 * offset)}T00:00:00.000Z`;
    runRates.push(now.filter((d) => d.won && inPeriod(d.closeDate, p) && d.createdAt >= createdAfter).reduce((s, d) => s + d.amountMinor, 0n));
  }
  if (past.length < MIN_PAST_PERIODS || samples.length < MIN_SAMPLES) {
    const reason = `not enough history: ${past.length} periods ended before ${input.asOf} (${MIN_PAST_PERIODS} needed), ${samples.length} deals seen open in them (${MIN_SAMPLES} needed)`;
    return { ...base, range: null, notEnoughHistory: reason, probabilities: new Map() };
  }
  const model = learnConversion(samples);
  const weeksLeft = WEEKS - offset;
  const probabilities = new Map(view.open.map((d) => [d.id, model.rate(d, weeksLeft)]));
  // Each past period at the same week: what its open deals won against what the model expects of them.
  const fortunes = past.map((p, k) => {
    const day = addDays(p.start, 7 * offset);
    let expected = 0;
    let won = 0n;
    for (const d of day > p.end ? [] : viewOf(input.statesOn(day), p).open) {
      expected += Number(d.amountMinor) * model.rate(d, weeksLeft);
      const later = known.get(d.id);
      if (later !== undefined && later.won && inPeriod(later.closeDate, p)) won += d.amountMinor;
    }
    return { runRate: runRates[k] as bigint, conversion: expected > 0 ? Number(won) / expected : 1 };
  });
  const meanConversion = fortunes.reduce((s, f) => s + f.conversion, 0) / fortunes.length;
  const centred = fortunes.map((f) => ({ ...f, conversion: meanConversion > 0 ? f.conversion / meanConversion : 1 }));
  const range = simulatePeriod({ view, probabilityOf: (d) => probabilities.get(d.id) ?? 0, fortunes: centred, seed: input.seed });
  return { ...base, range, notEnoughHistory: null, probabilities };
}

export interface BacktestRow {
  readonly period: ForecastPeriod;
  readonly week: number;
  readonly asOf: string;
  readonly actualMinor: bigint;
  readonly forecast: PeriodForecast;
}

export interface BacktestWeek {
  readonly week: number;
  /** Periods scored at this week (with a range). */
  readonly periods: number;
  /** Mean absolute percentage error of the baseline and of the simulated P50 against the outcome. */
  readonly baselineMape: number;
  readonly modelMape: number;
  /** Mean signed error of P50 over the outcome (positive: too high). */
  readonly bias: number;
  /** Share of periods whose outcome fell inside P10-P90. */
  readonly coverage: number;
}

export interface CalibrationBin {
  readonly from: number;
  readonly to: number;
  readonly deals: number;
  readonly meanProbability: number;
  readonly observed: number;
}

export interface BacktestResult {
  readonly rows: readonly BacktestRow[];
  readonly byWeek: readonly BacktestWeek[];
  /** Mean squared error of each open deal's probability against whether it was won in the period; the stage probability's beside it. */
  readonly brier: { readonly model: number; readonly baseline: number; readonly deals: number } | null;
  readonly calibration: readonly CalibrationBin[];
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * Replays every weekly snapshot of each period that had ended by `dataEnd` and scores the forecast
 * made that day against what the period won in the end (as known at `dataEnd`).
 */
export function backtest(args: { readonly statesOn: (date: string) => readonly DealState[]; readonly periods: readonly ForecastPeriod[]; readonly dataEnd: string; readonly seed: number }): BacktestResult {
  const final = args.statesOn(args.dataEnd);
  const finalById = new Map(final.map((d) => [d.id, d]));
  const rows: BacktestRow[] = [];
  const scored: { p: number; base: number; won: boolean }[] = [];
  for (const period of args.periods.filter((p) => p.end < args.dataEnd)) {
    const actualMinor = viewOf(final, period).wonMinor;
    for (const asOf of snapshotDays(period)) {
      const forecast = forecastPeriod({ statesOn: args.statesOn, periods: args.periods, period, asOf, seed: args.seed });
      rows.push({ period, week: weekOf(period, asOf) + 1, asOf, actualMinor, forecast });
      if (forecast.range === null) continue;
      for (const d of viewOf(args.statesOn(asOf), period).open) {
        const outcome = finalById.get(d.id);
        scored.push({ p: forecast.probabilities.get(d.id) ?? 0, base: d.probabilityBps / 10_000, won: outcome !== undefined && outcome.won && inPeriod(outcome.closeDate, period) });
      }
    }
  }
  const byWeek: BacktestWeek[] = [];
  for (let week = 1; week <= WEEKS; week++) {
    const at = rows.filter((r) => r.week === week && r.forecast.range !== null && r.actualMinor > 0n);
    if (at.length === 0) continue;
    const err = (f: bigint, a: bigint) => (Number(f) - Number(a)) / Number(a);
    byWeek.push({
      week, periods: at.length,
      baselineMape: mean(at.map((r) => Math.abs(err(r.forecast.baselineMinor, r.actualMinor)))),
      modelMape: mean(at.map((r) => Math.abs(err((r.forecast.range as ForecastRange).p50, r.actualMinor)))),
      bias: mean(at.map((r) => err((r.forecast.range as ForecastRange).p50, r.actualMinor))),
      coverage: at.filter((r) => r.forecast.range !== null && r.forecast.range.p10 <= r.actualMinor && r.actualMinor <= r.forecast.range.p90).length / at.length,
    });
  }
  const calibration: CalibrationBin[] = Array.from({ length: 10 }, (_, i) => {
    const inBin = scored.filter((s) => s.p >= i / 10 && (s.p < (i + 1) / 10 || (i === 9 && s.p <= 1)));
    return { from: i / 10, to: (i + 1) / 10, deals: inBin.length, meanProbability: mean(inBin.map((s) => s.p)), observed: mean(inBin.map((s) => (s.won ? 1 : 0))) };
  }).filter((b) => b.deals > 0);
  const brier = scored.length === 0 ? null : {
    model: mean(scored.map((s) => (s.p - (s.won ? 1 : 0)) ** 2)), baseline: mean(scored.map((s) => (s.base - (s.won ? 1 : 0)) ** 2)), deals: scored.length,
  };
  return { rows, byWeek, brier, calibration };
}
