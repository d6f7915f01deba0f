import { getOpportunitySplits, getTransaction, importTransactions, listClawbackEvents, listTransactionsPage, replaceOpportunitySplits } from '@attain/app';
import { DomainError } from '@attain/core';
import {
  ClawbackEventItem, ErrorBody, OpportunitySplits, OpportunitySplitsBody, TransactionImportQuery, TransactionImportResult, TransactionItem, TransactionListQuery,
} from '@attain/contract';
import type { Context } from 'hono';
import { z } from 'zod';
import { actorOf, requireAbility } from '../auth.middleware.js';
import type { AppEnv } from '../env.js';
import { errorResponse, validationBody } from '../errors.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/**
 * Deal splits and compensation transactions. Splits follow the opportunity's own rights (read
 * to see, update to replace). Transactions are read within reach: comp admins all, a manager
 * those of her team (owner or split member), a rep her own; others answer 404. Clawback events
 * are the comp admins'. Importing is theirs too (`comp_plan:write`: there is no transaction
 * write ability of its own).
 */
export function mountTransactionRoutes(api: Api, registry: RouteRegistry): void {
  mountTransactionImport(api, registry);
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
    summary: 'Compensation transactions the caller may see, by date then id (filters: ownerId, from, to, kind), a page at a time (limit, at most 1,000; cursor: the last page\'s nextCursor)',
    query: TransactionListQuery, response: z.object({ items: z.array(TransactionItem), nextCursor: z.string().nullable() }),
    handler: async (c) => c.json(await listTransactionsPage(c.get('ctx'), actorOf(c), valid<TransactionListQuery>(c, 'query'))),
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

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];

const errors = {
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: 'Not allowed, or the CSRF token is missing', content: { 'application/json': { schema: ErrorBody } } },
  422: { description: 'A bad file (`import_failed`: `details` give line and column of every bad row; nothing was written) or bad parameters', content: { 'application/json': { schema: ErrorBody } } },
};

/** The body as text (the API's 10 MB limit holds): read whole before the import's transaction starts, so it never waits on the client. */
async function csvBodyOf(c: Context<AppEnv>): Promise<string> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!CSV_TYPES.includes(type)) throw new DomainError('validation_failed', 'content-type: send the file as text/csv', [{ field: 'content-type', message: 'send the file as text/csv' }]);
  return c.req.text();
}

/**
 * POST /transactions/import: the body is CSV, not JSON, so this is a plain Hono route with the
 * same guard as every other, entered in the route registry and described in OpenAPI by hand.
 */
function mountTransactionImport(api: Api, registry: RouteRegistry): void {
  registry.add({ method: 'POST', path: '/api/v1/transactions/import', ability: 'comp_plan:write' });
  api.openAPIRegistry.registerPath({
    method: 'post', path: '/transactions/import', tags: ['transactions'], security: [{ session: [] }, { bearer: [] }],
    summary: 'Import transactions (invoices, payments...) from CSV: all or nothing, idempotent on sourceKey; with dryRun=true write nothing',
    description: [
      'Columns: sourceKey, kind, date (YYYY-MM-DD), amount (major units, exact, e.g. 1234.50), currency, ownerId or ownerEmail,',
      'optional accountId, opportunityId, territoryId, pipelineId (docs/pay-cycle.md, "Importing transactions").',
      'A row whose sourceKey was imported before with the same content is skipped (`unchanged`); with other content the file is',
      'refused, since transactions are append-only. Any bad row refuses the whole file with `422` `import_failed` naming line and column.',
    ].join(' '),
    request: { query: TransactionImportQuery, body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
    responses: { 200: { description: 'What the import did (or would do)', content: { 'application/json': { schema: TransactionImportResult } } }, ...errors },
  });
  api.post('/transactions/import', requireAbility('comp_plan:write'), async (c) => {
    try {
      const query = TransactionImportQuery.safeParse(c.req.query());
      if (!query.success) return c.json(validationBody(query.error, 'query'), 422);
      const source = await csvBodyOf(c);
      return c.json(await importTransactions(c.get('ctx'), actorOf(c), { source, dryRun: query.data.dryRun === 'true' }), 200);
    } catch (error) {
      return errorResponse(c, error);
    }
  });
}
