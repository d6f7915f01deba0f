import { dataQuality, outputAnalytics } from '@attain/app';
import { DataQualityQuery, DataQualityWire, OutputAnalyticsQuery, OutputAnalyticsWire } from '@attain/contract';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/** Output analytics and data quality, of the people the caller may read (docs/analytics.md). */
export function mountAnalyticsRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/analytics/output', ability: 'analytics:read', tag: 'analytics',
    summary: 'A period\'s output for a person\'s team (or the organisation): bookings, attainment and its spread, win rate, deal size, cycle, coverage, velocity, the fair productivity index, ramp cohorts; the level below to drill into, down to a seller\'s deals',
    query: OutputAnalyticsQuery, response: OutputAnalyticsWire,
    handler: async (c) => c.json(await outputAnalytics(c.get('ctx'), actorOf(c), valid<{ period?: string; personId?: string }>(c, 'query'))),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/analytics/data-quality', ability: 'analytics:read', tag: 'analytics',
    summary: 'CRM data quality for a person\'s team (or the organisation): missing fields by stage, past-due close dates, no activity in N days, pushed deals, lost without a reason, duplicates; per person below, and the deals that fail',
    query: DataQualityQuery, response: DataQualityWire,
    handler: async (c) => c.json(await dataQuality(c.get('ctx'), actorOf(c), valid<{ personId?: string; staleDays?: number; pushLimit?: number }>(c, 'query'))),
  });
}
