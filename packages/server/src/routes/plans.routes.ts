import { createPlanFromSource, getPlan, getPlanVersion, listPlans, previewPlan, publishPlanVersion, savePlanVersion, validatePlanSource } from '@attain/app';
import { PlanDetail, PlanListItem, PlanPreview, PlanPreviewBody, PlanSaved, PlanSourceBody, PlanValidation, PlanVersionDetail, PlanVersionParams } from '@attain/contract';
import { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/**
 * Compensation plans stored as versions (comp admins: admin, sales ops, finance). Another
 * organisation's plan answers 404. Validate and preview compute without saving.
 */
export function mountPlanRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/plans', ability: 'comp_plan:read', tag: 'plans',
    summary: "The organisation's compensation plans, each with its latest version",
    response: z.object({ items: z.array(PlanListItem) }),
    handler: async (c) => c.json({ items: await listPlans(c.get('ctx'), actorOf(c)) }),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/plans/validate', ability: 'comp_plan:read', tag: 'plans',
    summary: "Check a plan source; its problems (with line and column) are the answer, not an error",
    body: PlanSourceBody, response: PlanValidation,
    handler: async (c) => c.json(validatePlanSource(actorOf(c), valid<PlanSourceBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/plans/preview', ability: 'comp_plan:read', tag: 'plans',
    summary: 'Payout curve from 0% to 200% of quota and the explanation of a sample deal, without saving',
    body: PlanPreviewBody, response: PlanPreview,
    handler: async (c) => c.json(previewPlan(actorOf(c), valid<PlanPreviewBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/plans', ability: 'comp_plan:write', tag: 'plans', status: 201,
    summary: 'Create a plan from a source whose plan id is new; it becomes draft version 1',
    body: PlanSourceBody, response: PlanSaved,
    handler: async (c) => c.json(await createPlanFromSource(c.get('ctx'), actorOf(c), valid<PlanSourceBody>(c, 'json')), 201),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/plans/{id}', ability: 'comp_plan:read', tag: 'plans',
    summary: 'One plan with all its versions, newest first', params: IdParam, response: PlanDetail,
    handler: async (c) => c.json(await getPlan(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id)),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/plans/{id}/versions/{version}', ability: 'comp_plan:read', tag: 'plans',
    summary: 'One version of a plan with its source exactly as saved', params: PlanVersionParams, response: PlanVersionDetail,
    handler: async (c) => {
      const { id, version } = valid<z.infer<typeof PlanVersionParams>>(c, 'param');
      return c.json(await getPlanVersion(c.get('ctx'), actorOf(c), id, version));
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: '/plans/{id}/versions', ability: 'comp_plan:write', tag: 'plans', status: 201,
    summary: "Save a source as the plan's next draft version (its plan.version must be the next number)",
    params: IdParam, body: PlanSourceBody, response: PlanSaved,
    handler: async (c) => c.json(await savePlanVersion(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id, valid<PlanSourceBody>(c, 'json')), 201),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/plans/{id}/versions/{version}/publish', ability: 'comp_plan:write', tag: 'plans',
    summary: 'Publish a draft version so assignments can pay by it; someone other than its author publishes it (403), once (409)',
    params: PlanVersionParams, response: PlanSaved,
    handler: async (c) => {
      const { id, version } = valid<z.infer<typeof PlanVersionParams>>(c, 'param');
      return c.json(await publishPlanVersion(c.get('ctx'), actorOf(c), id, version));
    },
  });
}
