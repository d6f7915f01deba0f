import { forecastBacktest, statisticalForecast } from '@attain/app';
import { formatMinorAsMajor } from '@attain/core';
import type { ForecastBacktestWire } from '@attain/contract';
import type { Command } from 'commander';
import { resolvePerson } from '../lookup/resolve-person.js';
import { registerForecastCalls } from './forecast-calls.js';
import { output } from '../runtime.js';
import { table } from './territory-format.js';
import { acting, asActor, type ActingOptions } from './territory-options.js';

/*
 * `attain forecast show|backtest`: the statistical forecast of a quarter with its P10-P90 range
 * beside the stage-weighted baseline, and the backtest that scores the forecasts made each week of
 * past quarters (docs/forecasting.md); the calls and their roll-up are in forecast-calls.ts.
 */

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;

type ForecastOptions = ActingOptions & { period?: string; person?: string; team?: string };

/** The backtest as the CLI prints it: by week of the quarter, then the deal probabilities' scores. */
export function formatBacktest(b: ForecastBacktestWire): string {
  return [
    `backtest to ${b.dataEnd}: ${new Set(b.rows.map((r) => r.period.start)).size} quarters, ${b.rows.length} weekly forecasts (${b.rows.filter((r) => r.range === null).length} without enough history)`,
    table(['week', 'quarters', 'baseline MAPE', 'model MAPE', 'better by', 'bias', 'inside P10-P90'],
      b.byWeek.map((w) => [String(w.week), String(w.periods), pct(w.baselineMape), pct(w.modelMape), pct(1 - w.modelMape / w.baselineMape), signed(w.bias), pct(w.coverage)]), [0, 1, 2, 3, 4, 5, 6]),
    b.brier === null ? 'Brier score: no deals scored' : `Brier score over ${b.brier.deals} deal-weeks: ${b.brier.model.toFixed(4)} (stage probabilities: ${b.brier.baseline.toFixed(4)})`,
    'Calibration of the deal probabilities',
    table(['probability', 'deal-weeks', 'mean', 'won'], b.calibration.map((c) => [`${c.from.toFixed(1)}-${c.to.toFixed(1)}`, String(c.deals), pct(c.meanProbability), pct(c.observed)]), [1, 2, 3]),
  ].join('\n');
}

/** `attain forecast`. */
export function registerForecast(program: Command): void {
  const forecast = program.command('forecast').description('forecast calls and their roll-up, and the statistical forecast from the pipeline\'s history: a quarter\'s P10 / P50 / P90 beside the stage-weighted baseline, and its backtest');

  acting(forecast.command('show').description('a quarter as of today: won so far, the baseline, and the simulated range (or why there is not enough history)')
    .option('--period <quarter>', 'a fiscal quarter such as FY2027-Q4 (this one by default)')
    .option('--person <who>', 'only her deals (e-mail or id)')
    .option('--team <id>', 'only the team\'s deals (and its sub-teams\')'))
    .action((o: ForecastOptions, command: Command) => asActor(o, command, async (rt, org, actor) => {
      const ownerId = o.person === undefined ? undefined : await resolvePerson(rt, org, o.person);
      const f = await statisticalForecast(rt.ctx, actor, { ...(o.period ? { period: o.period } : {}), ...(ownerId ? { ownerId } : {}), ...(o.team ? { teamId: o.team } : {}) });
      const money = (m: string) => formatMinorAsMajor(BigInt(m), f.currency);
      output(rt, f, () => [
        `${f.periodKey} (${f.period.start}..${f.period.end}) as of ${f.asOf}, ${f.currency}`,
        `  won so far      ${money(f.wonMinor)}`,
        `  open deals      ${f.openDeals}`,
        `  stage-weighted  ${money(f.baselineMinor)}`,
        f.range === null ? `  ${f.notEnoughHistory}` : `  simulated       P10 ${money(f.range.p10)}   P50 ${money(f.range.p50)}   P90 ${money(f.range.p90)}   (expected ${money(f.range.expected)})`,
      ].join('\n'));
    }));

  acting(forecast.command('backtest').description('replay every week of the quarters that have ended: the error of the baseline and of the simulated P50, the bias, how often the outcome fell inside P10-P90, and the deal probabilities\' Brier score and calibration'))
    .action((o: ActingOptions, command: Command) => asActor(o, command, async (rt, _org, actor) => {
      const b = await forecastBacktest(rt.ctx, actor);
      output(rt, b, () => formatBacktest(b));
    }));

  registerForecastCalls(forecast);
}
