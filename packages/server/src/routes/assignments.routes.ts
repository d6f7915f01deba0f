import { assignPlan, changeAssignment, getAssignment, listAssignments } from '@attain/app';
import {
  ChangePlanAssignmentBody, CreatePlanAssignmentBody, PlanAssignmentChanged, PlanAssignmentDetail, PlanAssignmentGetQuery, PlanAssignmentItem,
  PlanAssignmentListQuery,
} from '@attain/contract';
import { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/**
 * Plan assignments: comp admins (admin, sales ops, finance) write; everyone reads within
 * her reach (a manager her team on the day, a rep her own). An assignment outside that
 * reach, or of another organisation, answers 404.
 */
export function mountAssignmentRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/assignments', ability: 'plan_assignment:read', tag: 'assignments',
    summary: 'Plan assignments the caller may see, by person and start date (filters: personId, planId, asOf)',
    query: PlanAssignmentListQuery, response: z.object({ items: z.array(PlanAssignmentItem) }),
    handler: async (c) => c.json({ items: await listAssignments(c.get('ctx'), actorOf(c), valid<PlanAssignmentListQuery>(c, 'query')) }),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/assignments', ability: 'plan_assignment:write', tag: 'assignments', status: 201,
    summary: 'Put a person on a published plan version from a date (amounts in minor units, as strings)',
    body: CreatePlanAssignmentBody, response: PlanAssignmentItem,
    handler: async (c) => c.json(await assignPlan(c.get('ctx'), actorOf(c), valid<CreatePlanAssignmentBody>(c, 'json')), 201),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/assignments/{id}', ability: 'plan_assignment:read', tag: 'assignments',
    summary: 'One assignment; with ?period=2026-Q1 or from..to, its target incentive and quota for the period, explained',
    params: IdParam, query: PlanAssignmentGetQuery, response: PlanAssignmentDetail,
    handler: async (c) => {
      const { period } = valid<{ period?: string }>(c, 'query');
      return c.json(await getAssignment(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id, period === undefined ? {} : { period }));
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: '/assignments/{id}/change', ability: 'plan_assignment:write', tag: 'assignments', status: 201,
    summary: 'Effective-dated change: end the assignment the day before effectiveFrom and start the new one',
    params: IdParam, body: ChangePlanAssignmentBody, response: PlanAssignmentChanged,
    handler: async (c) => c.json(await changeAssignment(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id, valid<ChangePlanAssignmentBody>(c, 'json')), 201),
  });
}
