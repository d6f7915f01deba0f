import { forecastBacktest, statisticalForecast } from '@attain/app';
import { ForecastBacktestQuery, ForecastBacktestWire, ForecastQuery, StatisticalForecastWire } from '@attain/contract';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/** The statistical forecast and its backtest, of the deals the caller may read (docs/forecasting.md). */
export function mountForecastRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/forecast/statistical', ability: 'forecast:read', tag: 'forecast',
    summary: "A fiscal quarter as of today: won so far, the stage-weighted baseline and the simulated P10 / P50 / P90 (or why there is not enough history)",
    query: ForecastQuery, response: StatisticalForecastWire,
    handler: async (c) => c.json(await statisticalForecast(c.get('ctx'), actorOf(c), valid<{ period?: string; ownerId?: string; teamId?: string }>(c, 'query'))),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/forecast/backtest', ability: 'forecast:read', tag: 'forecast',
    summary: 'Every week of the quarters that have ended replayed: the baseline\'s and the simulation\'s error, bias, P10-P90 coverage, Brier score and calibration',
    query: ForecastBacktestQuery, response: ForecastBacktestWire,
    handler: async (c) => c.json(await forecastBacktest(c.get('ctx'), actorOf(c), valid<{ ownerId?: string; teamId?: string }>(c, 'query'))),
  });
}
