import {
  executeCalcRun, getCalcRun, getStatement, listCalcRuns, listStatements, postLedgerEntry, presentRun, startCalcRun, statementCsv, verifyCalcRun,
} from '@attain/app';
import {
  CalcRunItem, CalcRunListQuery, CalcRunVerification, ErrorBody, LedgerEntryBody, LedgerEntryItem, PeriodQuery, StartCalcRunBody, StatementParams,
  StatementSummaryItem, StatementWire,
} from '@attain/contract';
import { z } from 'zod';
import { actorOf, requireAbility } from '../auth.middleware.js';
import { errorResponse } from '../errors.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/**
 * The pay cycle: calc runs (finance and admins start them; sales ops reads them), statements
 * (everyone, scoped: a rep her own, a manager her team's; others answer 404) and manual ledger
 * entries. A run computes in the background: the answer is the run as started, and
 * GET /calc-runs/{id} shows its progress until it is published.
 */
export function mountCalcRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/calc-runs', ability: 'calc_run:read', tag: 'pay cycle',
    summary: 'Calc runs, latest first (filter: period)', query: CalcRunListQuery, response: z.object({ items: z.array(CalcRunItem) }),
    handler: async (c) => c.json({ items: await listCalcRuns(c.get('ctx'), actorOf(c), valid<CalcRunListQuery>(c, 'query')) }),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/calc-runs', ability: 'calc_run:run', tag: 'pay cycle', status: 201,
    summary: 'Start a calc run of a pay period (2026-Q3, 2026-M07): inputs frozen now, results published all at once when done',
    body: StartCalcRunBody, response: CalcRunItem,
    handler: async (c) => {
      const ctx = c.get('ctx');
      const actor = actorOf(c);
      const run = await startCalcRun(ctx, actor, valid<StartCalcRunBody>(c, 'json'));
      // The run records its own failure; nothing is left to report here.
      void executeCalcRun(ctx, actor, run.id).catch(() => undefined);
      return c.json(presentRun(run), 201);
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/calc-runs/{id}', ability: 'calc_run:read', tag: 'pay cycle',
    summary: 'One calc run with its progress and hashes', params: IdParam, response: CalcRunItem,
    handler: async (c) => c.json(await getCalcRun(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id)),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/calc-runs/{id}/verify', ability: 'calc_run:read', tag: 'pay cycle',
    summary: 'Recompute a published run from its frozen inputs and compare every hash', params: IdParam, response: CalcRunVerification,
    handler: async (c) => c.json(await verifyCalcRun(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id)),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/statements', ability: 'statement:read', tag: 'pay cycle',
    summary: "A period's statements the caller may read (a rep her own, a manager her team's)", query: PeriodQuery,
    response: z.object({ items: z.array(StatementSummaryItem) }),
    handler: async (c) => c.json({ items: await listStatements(c.get('ctx'), actorOf(c), valid<PeriodQuery>(c, 'query')) }),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/statements/{personId}/{period}', ability: 'statement:read', tag: 'pay cycle',
    summary: "A payee's statement: terms, every earning line explained, credits, ledger entries", params: StatementParams, response: StatementWire,
    handler: async (c) => c.json(await getStatement(c.get('ctx'), actorOf(c), valid<{ personId: string; period: string }>(c, 'param'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/ledger-entries', ability: 'ledger:adjust', tag: 'pay cycle', status: 201,
    summary: 'Post a manual adjustment, bonus, hold or hold release to an open period, with a reason',
    body: LedgerEntryBody, response: LedgerEntryItem,
    handler: async (c) => c.json(await postLedgerEntry(c.get('ctx'), actorOf(c), valid<LedgerEntryBody>(c, 'json')), 201),
  });

  registry.add({ method: 'GET', path: '/api/v1/statements/{personId}/{period}/csv', ability: 'statement:read' });
  api.openAPIRegistry.registerPath({
    method: 'get', path: '/statements/{personId}/{period}/csv', tags: ['pay cycle'], security: [{ session: [] }, { bearer: [] }],
    summary: 'A statement as CSV (one row per fact; formula-safe)', request: { params: StatementParams },
    responses: {
      200: { description: 'The CSV file (RFC 4180, UTF-8, CRLF)', content: { 'text/csv': { schema: z.string() } } },
      404: { description: 'No such statement within your reach', content: { 'application/json': { schema: ErrorBody } } },
    },
  });
  api.get('/statements/:personId/:period/csv', requireAbility('statement:read'), async (c) => {
    try {
      const statement = await getStatement(c.get('ctx'), actorOf(c), { personId: c.req.param('personId'), period: c.req.param('period') });
      return c.body(statementCsv(statement), 200, {
        'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store',
        'content-disposition': `attachment; filename="statement-${statement.periodKey}-${statement.personId}.csv"`,
      });
    } catch (error) {
      return errorResponse(c, error);
    }
  });
}
