import { adjustForecast, forecastBacktest, forecastRollup, forecastRollupRange, forecastTerritoryRollup, listForecastCalls, statisticalForecast, submitForecastCall, takeForecastSnapshot } from '@attain/app';
import {
  ForecastAdjustmentBody, ForecastBacktestQuery, ForecastBacktestWire, ForecastCallBody, ForecastCallItem, ForecastCallsQuery, ForecastQuery, ForecastRollupQuery,
  ForecastRollupRangeWire, ForecastRollupWire, ForecastTerritoryQuery, ForecastTerritoryRollupWire, ForecastSnapshotBody, ForecastSnapshotResult, StatisticalForecastWire,
} from '@attain/contract';
import { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/** Forecast calls and their roll-up, the statistical forecast and its backtest, of what the caller may read (docs/forecasting.md). */
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
  defineRoute(api, registry, {
    method: 'get', path: '/forecast/rollup', ability: 'forecast:read', tag: 'forecast',
    summary: 'A quarter\'s calls rolled up the reporting hierarchy under the caller (or a person in her reach), with adjustments and quotas; live or as a weekly snapshot kept it',
    query: ForecastRollupQuery, response: ForecastRollupWire,
    handler: async (c) => c.json(await forecastRollup(c.get('ctx'), actorOf(c), valid<{ period?: string; personId?: string; snapshot?: string }>(c, 'query'))),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/forecast/rollup/range', ability: 'forecast:read', tag: 'forecast',
    summary: 'The statistical P10 / P50 / P90 of the same roll-up\'s deals as of its day, asked for on its own (it replays the history)',
    query: ForecastRollupQuery, response: ForecastRollupRangeWire,
    handler: async (c) => c.json(await forecastRollupRange(c.get('ctx'), actorOf(c), valid<{ period?: string; personId?: string; snapshot?: string }>(c, 'query'))),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/forecast/rollup/territories', ability: 'forecast:read', tag: 'forecast',
    summary: 'A quarter\'s deals rolled up the active territory model\'s hierarchy, with each territory\'s owner, her quota and her forecast; of the deals the caller may read',
    query: ForecastTerritoryQuery, response: ForecastTerritoryRollupWire,
    handler: async (c) => c.json(await forecastTerritoryRollup(c.get('ctx'), actorOf(c), valid<{ period?: string }>(c, 'query'))),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/forecast/calls', ability: 'forecast:read', tag: 'forecast',
    summary: 'The calls and adjustments of a quarter the caller may see, latest first',
    query: ForecastCallsQuery, response: z.object({ items: z.array(ForecastCallItem) }),
    handler: async (c) => c.json({ items: await listForecastCalls(c.get('ctx'), actorOf(c), valid<{ period?: string; personId?: string }>(c, 'query')) }),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/forecast/calls', ability: 'forecast:call', tag: 'forecast', status: 201,
    summary: 'The caller\'s own call for a quarter that has not ended: commit or best case, cumulative (a new record; the last one counts)',
    body: ForecastCallBody, response: ForecastCallItem,
    handler: async (c) => c.json(await submitForecastCall(c.get('ctx'), actorOf(c), valid<z.input<typeof ForecastCallBody>>(c, 'json')), 201),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/forecast/adjustments', ability: 'forecast:adjust', tag: 'forecast', status: 201,
    summary: 'A manager\'s adjustment of a direct report\'s call, with the reason: a record of its own that counts in her roll-up',
    body: ForecastAdjustmentBody, response: ForecastCallItem,
    handler: async (c) => c.json(await adjustForecast(c.get('ctx'), actorOf(c), valid<z.input<typeof ForecastAdjustmentBody>>(c, 'json')), 201),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/forecast/snapshots', ability: 'forecast:snapshot', tag: 'forecast', status: 201,
    summary: 'Takes the roll-up\'s snapshot of a day (today by default) for this quarter and the next, as it stood at the start of the day; the weekly job takes Mondays by itself',
    body: ForecastSnapshotBody, response: ForecastSnapshotResult,
    handler: async (c) => c.json(await takeForecastSnapshot(c.get('ctx'), actorOf(c), valid<{ date?: string }>(c, 'json')), 201),
  });
}
