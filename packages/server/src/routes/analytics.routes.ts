import { outputAnalytics } from '@attain/app';
import { OutputAnalyticsQuery, OutputAnalyticsWire } from '@attain/contract';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/** Output analytics, of the people the caller may read (docs/analytics.md). */
export function mountAnalyticsRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/analytics/output', ability: 'analytics:read', tag: 'analytics',
    summary: 'A period\'s output for a person\'s team (or the organisation): bookings, attainment and its spread, win rate, deal size, cycle, coverage, velocity, the fair productivity index, ramp cohorts; the level below to drill into, down to a seller\'s deals',
    query: OutputAnalyticsQuery, response: OutputAnalyticsWire,
    handler: async (c) => c.json(await outputAnalytics(c.get('ctx'), actorOf(c), valid<{ period?: string; personId?: string }>(c, 'query'))),
  });
}
