import { allocateQuotas } from '@attain/app';
import { QuotaAllocateBody, QuotaAllocation } from '@attain/contract';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/** Quota planning: sales ops, finance and admins (docs/quotas.md). */
export function mountQuotaRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'post', path: '/quotas/allocate', ability: 'quota:plan', tag: 'quotas',
    summary: "A fiscal year's company number cascaded to the sellers by last year's bookings and their potential, with floors, caps and overrides (a preview: nothing is written)",
    body: QuotaAllocateBody, response: QuotaAllocation,
    handler: async (c) => c.json(await allocateQuotas(c.get('ctx'), actorOf(c), valid<QuotaAllocateBody>(c, 'json'))),
  });
}
