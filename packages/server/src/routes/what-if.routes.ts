import { estimateDeal, myEarnings, planCostScenarios, whatIfPlanVersion } from '@attain/app';
import { CostScenarios, CostScenariosQuery, DealEstimate, EarningsQuery, EstimateDealBody, MyEarnings, PlanVersionParams, WhatIfBody, WhatIfResult } from '@attain/contract';
import type { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

type VersionParams = z.infer<typeof PlanVersionParams>;

/**
 * What-if on plan versions (org-wide comp roles: the use cases also ask for comp_plan:read) and
 * the caller's own earnings and deal estimator (her own person only: no id is ever taken).
 */
export function mountWhatIfRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'post', path: '/plans/{id}/versions/{version}/what-if', ability: 'calc_run:read', tag: 'what-if',
    summary: "Re-run a pay period or fiscal year under this version (drafts too) and compare each payee's pay; nothing is published",
    params: PlanVersionParams, body: WhatIfBody, response: WhatIfResult,
    handler: async (c) => {
      const { id, version } = valid<VersionParams>(c, 'param');
      return c.json(await whatIfPlanVersion(c.get('ctx'), actorOf(c), { planId: id, version, period: valid<WhatIfBody>(c, 'json').period }));
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/plans/{id}/versions/{version}/cost-scenarios', ability: 'calc_run:read', tag: 'what-if',
    summary: 'The cost of this version in a pay period with everyone at 50/100/150% of quota and at historical attainment',
    params: PlanVersionParams, query: CostScenariosQuery, response: CostScenarios,
    handler: async (c) => {
      const { id, version } = valid<VersionParams>(c, 'param');
      return c.json(await planCostScenarios(c.get('ctx'), actorOf(c), { planId: id, version, period: valid<CostScenariosQuery>(c, 'query').period }));
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/me/earnings', ability: 'statement:read', tag: 'what-if',
    summary: "The caller's own earnings of a fiscal year: per period earned, posted, paid, on hold and attainment", query: EarningsQuery, response: MyEarnings,
    handler: async (c) => {
      const { year } = valid<EarningsQuery>(c, 'query');
      return c.json(await myEarnings(c.get('ctx'), actorOf(c), year === undefined ? {} : { fiscalYear: year }));
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: '/me/estimate', ability: 'statement:read', tag: 'what-if',
    summary: 'What a hypothetical deal of the caller would pay, and why (nothing is stored)', body: EstimateDealBody, response: DealEstimate,
    handler: async (c) => c.json(await estimateDeal(c.get('ctx'), actorOf(c), valid<EstimateDealBody>(c, 'json'))),
  });
}
