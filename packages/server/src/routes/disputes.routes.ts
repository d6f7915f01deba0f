import { answerDispute, assignDispute, commentOnDispute, getDispute, listDisputes, raiseDispute, reopenDispute, resolveDispute, summarizeDisputes } from '@attain/app';
import {
  AssignDisputeBody, CalcRunListQuery, DisputeDetail, DisputeItem, DisputeListQuery, DisputeMessageBody, DisputeSummaryWire, RaiseDisputeBody, ResolveDisputeBody,
} from '@attain/contract';
import { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/**
 * Disputes (inquiries) on statements: a payee (or her manager) raises and follows hers; finance
 * assigns, answers and resolves them, optionally with an adjustment. A dispute outside the
 * caller's reach answers 404.
 */
export function mountDisputeRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/disputes', ability: 'dispute:raise', tag: 'disputes',
    summary: "Disputes within reach, newest first (a rep her own, a manager her team's, finance all); filters: status (comma list), period, personId",
    query: DisputeListQuery, response: z.object({ items: z.array(DisputeItem) }),
    handler: async (c) => c.json({ items: await listDisputes(c.get('ctx'), actorOf(c), valid<DisputeListQuery>(c, 'query')) }),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/disputes/summary', ability: 'dispute:manage', tag: 'disputes',
    summary: 'Counts by status and the median and oldest age (days) of the unresolved disputes (filter: period)',
    query: CalcRunListQuery, response: DisputeSummaryWire,
    handler: async (c) => c.json(await summarizeDisputes(c.get('ctx'), actorOf(c), valid<CalcRunListQuery>(c, 'query'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/disputes', ability: 'dispute:raise', tag: 'disputes', status: 201,
    summary: "Raise a dispute about a statement line or a missing credit (the payee, or her manager on her behalf)",
    body: RaiseDisputeBody, response: DisputeDetail,
    handler: async (c) => c.json(await raiseDispute(c.get('ctx'), actorOf(c), valid<RaiseDisputeBody>(c, 'json')), 201),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/disputes/{id}', ability: 'dispute:raise', tag: 'disputes',
    summary: 'A dispute with its thread and the adjustment its resolution posted', params: IdParam, response: DisputeDetail,
    handler: async (c) => c.json(await getDispute(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id)),
  });
  const message = (path: string, ability: 'dispute:raise' | 'dispute:manage', summary: string, run: typeof commentOnDispute) =>
    defineRoute(api, registry, {
      method: 'post', path: `/disputes/{id}/${path}`, ability, tag: 'disputes', summary, params: IdParam, body: DisputeMessageBody, response: DisputeDetail,
      handler: async (c) => c.json(await run(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id, valid<DisputeMessageBody>(c, 'json'))),
    });
  message('comments', 'dispute:raise', "Comment on a dispute (a payee's reply to an answer puts it back to finance)", commentOnDispute);
  message('answer', 'dispute:manage', 'Answer a dispute (finance)', answerDispute);
  message('reopen', 'dispute:raise', 'Reopen a resolved dispute, once, saying why (the payee or her manager)', reopenDispute);
  defineRoute(api, registry, {
    method: 'post', path: '/disputes/{id}/assign', ability: 'dispute:manage', tag: 'disputes',
    summary: 'Assign a dispute to a finance or admin user (the caller when none is named)', params: IdParam, body: AssignDisputeBody, response: DisputeDetail,
    handler: async (c) => c.json(await assignDispute(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id, valid<AssignDisputeBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/disputes/{id}/resolve', ability: 'dispute:manage', tag: 'disputes',
    summary: "Resolve a dispute, optionally posting an adjustment (signed minor units) to its period's ledger", params: IdParam, body: ResolveDisputeBody, response: DisputeDetail,
    handler: async (c) => c.json(await resolveDispute(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id, valid<ResolveDisputeBody>(c, 'json'))),
  });
}
