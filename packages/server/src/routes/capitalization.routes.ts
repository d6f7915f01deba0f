import { getCapitalizationPolicy, journalEntries, journalEntriesCsv, rollForward, setCapitalizationPolicy } from '@attain/app';
import { CapitalizationPolicyBody, CapitalizationPolicyWire, ErrorBody, JournalEntriesWire, MonthRangeQuery, RollForwardWire } from '@attain/contract';
import { z } from 'zod';
import { actorOf, requireAbility } from '../auth.middleware.js';
import { errorResponse, validationBody } from '../errors.js';
import { defineRoute, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/**
 * Commission capitalization (docs/capitalization.md): the policy (finance and admins write it
 * with `ledger:adjust`), the deferred commission roll-forward and the journal entries, as JSON
 * or CSV (`calc_run:read`: finance, sales ops, admins). Months are 'YYYY-MM', inclusive.
 */
export function mountCapitalizationRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/capitalization/policy', ability: 'calc_run:read', tag: 'capitalization',
    summary: 'The capitalization policy in force and its version', response: CapitalizationPolicyWire,
    handler: async (c) => c.json(await getCapitalizationPolicy(c.get('ctx'), actorOf(c))),
  });
  defineRoute(api, registry, {
    method: 'put', path: '/capitalization/policy', ability: 'ledger:adjust', tag: 'capitalization',
    summary: 'Set the capitalization policy: a new version (versions are kept), audited', body: CapitalizationPolicyBody, response: CapitalizationPolicyWire,
    handler: async (c) => c.json(await setCapitalizationPolicy(c.get('ctx'), actorOf(c), valid<CapitalizationPolicyBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/capitalization/roll-forward', ability: 'calc_run:read', tag: 'capitalization',
    summary: 'Deferred commission roll-forward by month: opening + capitalized - amortized - impaired = closing, in total, per contract, per payee',
    query: MonthRangeQuery, response: RollForwardWire,
    handler: async (c) => c.json(await rollForward(c.get('ctx'), actorOf(c), valid<MonthRangeQuery>(c, 'query'))),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/capitalization/journal-entries', ability: 'calc_run:read', tag: 'capitalization',
    summary: 'Journal entries of the months: capitalization, expense, amortization, impairment; each balanced', query: MonthRangeQuery, response: JournalEntriesWire,
    handler: async (c) => c.json(await journalEntries(c.get('ctx'), actorOf(c), valid<MonthRangeQuery>(c, 'query'))),
  });

  registry.add({ method: 'GET', path: '/api/v1/capitalization/journal-entries.csv', ability: 'calc_run:read' });
  api.openAPIRegistry.registerPath({
    method: 'get', path: '/capitalization/journal-entries.csv', tags: ['capitalization'], security: [{ session: [] }, { bearer: [] }],
    summary: 'Journal entries as CSV, one row per debit or credit line (formula-safe)', request: { query: MonthRangeQuery },
    responses: {
      200: { description: 'The CSV file (RFC 4180, UTF-8, CRLF)', content: { 'text/csv': { schema: z.string() } } },
      422: { description: 'A bad month range', content: { 'application/json': { schema: ErrorBody } } },
    },
  });
  api.get('/capitalization/journal-entries.csv', requireAbility('calc_run:read'), async (c) => {
    const query = MonthRangeQuery.safeParse(c.req.query());
    if (!query.success) return c.json(validationBody(query.error, 'query'), 422);
    try {
      const journal = await journalEntries(c.get('ctx'), actorOf(c), query.data);
      return c.body(journalEntriesCsv(journal), 200, {
        'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store',
        'content-disposition': `attachment; filename="commission-journal-${journal.from}-${journal.to}.csv"`,
      });
    } catch (error) {
      return errorResponse(c, error);
    }
  });
}
