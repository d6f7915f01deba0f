import { getOpportunitySplits, getTransaction, listClawbackEvents, listTransactions, replaceOpportunitySplits } from '@attain/app';
import { ClawbackEventItem, OpportunitySplits, OpportunitySplitsBody, TransactionItem, TransactionListQuery } from '@attain/contract';
import { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/**
 * Deal splits and compensation transactions. Splits follow the opportunity's own rights (read
 * to see, update to replace). Transactions are read within reach: comp admins all, a manager
 * those of her team (owner or split member), a rep her own; others answer 404. Clawback events
 * are the comp admins'.
 */
export function mountTransactionRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/opportunities/{id}/splits', ability: 'opportunity:read', tag: 'opportunities',
    summary: 'The credit, payout and overlay splits of a deal',
    params: IdParam, response: OpportunitySplits,
    handler: async (c) => {
      const id = valid<{ id: string }>(c, 'param').id;
      return c.json({ opportunityId: id, splits: await getOpportunitySplits(c.get('ctx'), actorOf(c), id) });
    },
  });
  defineRoute(api, registry, {
    method: 'put', path: '/opportunities/{id}/splits', ability: 'opportunity:update', tag: 'opportunities',
    summary: 'Replace the whole split set of a deal (credit or payout shares total exactly 1; overlays in (0, 1]); a won deal is rebooked',
    params: IdParam, body: OpportunitySplitsBody, response: OpportunitySplits,
    handler: async (c) => {
      const id = valid<{ id: string }>(c, 'param').id;
      return c.json({ opportunityId: id, splits: await replaceOpportunitySplits(c.get('ctx'), actorOf(c), id, valid<OpportunitySplitsBody>(c, 'json')) });
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/transactions', ability: 'comp_transaction:read', tag: 'transactions',
    summary: 'Compensation transactions the caller may see, by date (filters: ownerId, from, to, kind; at most 1,000)',
    query: TransactionListQuery, response: z.object({ items: z.array(TransactionItem) }),
    handler: async (c) => c.json({ items: await listTransactions(c.get('ctx'), actorOf(c), valid<TransactionListQuery>(c, 'query')) }),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/transactions/{id}', ability: 'comp_transaction:read', tag: 'transactions',
    summary: 'One compensation transaction',
    params: IdParam, response: TransactionItem,
    handler: async (c) => c.json(await getTransaction(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id)),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/clawback-events', ability: 'clawback_event:read', tag: 'transactions',
    summary: 'Won deals that left closed-won, latest first, for the pay cycle to claw back',
    response: z.object({ items: z.array(ClawbackEventItem) }),
    handler: async (c) => c.json({ items: await listClawbackEvents(c.get('ctx'), actorOf(c)) }),
  });
}
