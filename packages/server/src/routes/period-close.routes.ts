import { approveReopen, approveStatement, approveStatements, closePeriod, exportPayroll, listPayrollBatches, listPeriods, payrollBatchFile, presentApproval, requestReopen } from '@attain/app';
import {
  ApprovalStateWire, ApproveStatementBody, BulkApprovalResult, ErrorBody, PayrollBatchItem, PayrollBatchListQuery, PayrollExportResult, PeriodItem, PeriodParam, PeriodReopeningItem, ReopenBody,
  StatementParams,
} from '@attain/contract';
import { z } from 'zod';
import { actorOf, requireAbility } from '../auth.middleware.js';
import { errorResponse } from '../errors.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

const presentBatch = (b: { id: string; periodKey: string; payeeCount: number; totalMinor: bigint; currency: string; createdBy: string; createdAt: string }) => ({
  id: b.id, periodKey: b.periodKey, payeeCount: b.payeeCount, totalMinor: b.totalMinor.toString(), currency: b.currency, createdBy: b.createdBy, createdAt: b.createdAt,
});

/**
 * Approving statements (a manager her team's, then finance), closing and reopening pay periods
 * (finance; reopening needs a second person), and payroll exports (finance).
 */
export function mountPeriodCloseRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'post', path: '/statements/{personId}/{period}/approve', ability: 'statement:approve', tag: 'pay cycle',
    summary: "Approve the statement's next step as it stands (manager, then finance; never the payee, the run's preparer, or one person for both)",
    params: StatementParams, body: ApproveStatementBody, response: ApprovalStateWire,
    handler: async (c) => {
      const p = valid<{ personId: string; period: string }>(c, 'param');
      const { comment } = valid<ApproveStatementBody>(c, 'json');
      return c.json(presentApproval(await approveStatement(c.get('ctx'), actorOf(c), { ...p, ...(comment ? { comment } : {}) })));
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: '/periods/{period}/approve-statements', ability: 'statement:approve', tag: 'pay cycle',
    summary: "Approve every statement of the period within reach whose next step is the caller's; the others are listed with the reason",
    params: PeriodParam, response: BulkApprovalResult,
    handler: async (c) => {
      const result = await approveStatements(c.get('ctx'), actorOf(c), valid<{ period: string }>(c, 'param'));
      return c.json({ approved: result.approved, skipped: [...result.skipped] });
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/periods', ability: 'calc_run:read', tag: 'pay cycle',
    summary: 'Pay periods with their status and reopening requests', response: z.object({ items: z.array(PeriodItem) }),
    handler: async (c) => c.json({ items: await listPeriods(c.get('ctx'), actorOf(c)) }),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/periods/{period}/close', ability: 'comp_period:manage', tag: 'pay cycle',
    summary: 'Close a period: every statement approved as it stands, no run computing', params: PeriodParam, response: PeriodItem,
    handler: async (c) => c.json(await closePeriod(c.get('ctx'), actorOf(c), valid<{ period: string }>(c, 'param'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/periods/{period}/reopen-requests', ability: 'comp_period:manage', tag: 'pay cycle', status: 201,
    summary: 'Ask to reopen a closed period; a second person approves', params: PeriodParam, body: ReopenBody, response: PeriodReopeningItem,
    handler: async (c) => {
      const { orgId: _org, ...request } = await requestReopen(c.get('ctx'), actorOf(c), { ...valid<{ period: string }>(c, 'param'), ...valid<{ reason: string }>(c, 'json') });
      return c.json(request, 201);
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: '/reopen-requests/{id}/approve', ability: 'comp_period:manage', tag: 'pay cycle',
    summary: 'Approve a reopening someone else asked for: the period opens again', params: IdParam, response: PeriodItem,
    handler: async (c) => c.json(await approveReopen(c.get('ctx'), actorOf(c), { requestId: valid<{ id: string }>(c, 'param').id })),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/periods/{period}/payroll-export', ability: 'payroll:export', tag: 'pay cycle', status: 201,
    summary: "Export what the period's approved statements still owe as a payroll batch (payout ledger entries and a CSV file)",
    params: PeriodParam, response: PayrollExportResult,
    handler: async (c) => {
      const result = await exportPayroll(c.get('ctx'), actorOf(c), valid<{ period: string }>(c, 'param'));
      return c.json({ batch: presentBatch(result.batch), csv: result.csv, skipped: [...result.skipped] }, 201);
    },
  });

  defineRoute(api, registry, {
    method: 'get', path: '/payroll-batches', ability: 'payroll:export', tag: 'pay cycle',
    summary: 'Payroll batches, latest first (filter: period); each file is at /payroll-batches/{id}/csv', query: PayrollBatchListQuery,
    response: z.object({ items: z.array(PayrollBatchItem) }),
    handler: async (c) => c.json({ items: (await listPayrollBatches(c.get('ctx'), actorOf(c), valid<{ period?: string }>(c, 'query'))).map(presentBatch) }),
  });

  registry.add({ method: 'GET', path: '/api/v1/payroll-batches/{id}/csv', ability: 'payroll:export' });
  api.openAPIRegistry.registerPath({
    method: 'get', path: '/payroll-batches/{id}/csv', tags: ['pay cycle'], security: [{ session: [] }, { bearer: [] }],
    summary: 'A payroll batch file again (rebuilt from its ledger entries: the same bytes)', request: { params: IdParam },
    responses: {
      200: { description: 'The CSV file (RFC 4180, UTF-8, CRLF; formula-safe)', content: { 'text/csv': { schema: z.string() } } },
      404: { description: 'No such batch', content: { 'application/json': { schema: ErrorBody } } },
    },
  });
  api.get('/payroll-batches/:id/csv', requireAbility('payroll:export'), async (c) => {
    try {
      const { batch, csv } = await payrollBatchFile(c.get('ctx'), actorOf(c), c.req.param('id'));
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store', 'content-disposition': `attachment; filename="payroll-${batch.periodKey}-${batch.id}.csv"` });
    } catch (error) {
      return errorResponse(c, error);
    }
  });
}
