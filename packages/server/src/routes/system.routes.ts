import { checkHealth, listAuditEntries, listExchangeRates, loadOrgForActor, setExchangeRate, verifyAuditLogAs } from '@attain/app';
import { formatDecimal } from '@attain/core';
import { AuditEntrySchema, AuditVerifyResult, CalendarDate, CurrencyCode, Health } from '@attain/contract';
import { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

export function mountSystemRoutes(api: Api, registry: RouteRegistry, version: string): void {
  defineRoute(api, registry, {
    method: 'get', path: '/health', ability: 'public', tag: 'system', summary: 'Liveness and database reachability',
    response: Health,
    handler: async (c) => {
      const health = await checkHealth(c.get('ctx'), version);
      return c.json(health, health.status === 'ok' ? 200 : 503);
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/org', ability: 'org:read', tag: 'system', summary: 'The organisation of the caller',
    response: z.object({ id: z.string(), name: z.string(), fiscalYearStartMonth: z.number(), defaultCurrency: z.string(), currencies: z.array(z.string()) }),
    handler: async (c) => {
      const { createdAt: _c, ...org } = await loadOrgForActor(c.get('ctx'), actorOf(c));
      return c.json(org);
    },
  });
  const Rate = z.object({ currency: z.string(), effectiveDate: z.string(), rate: z.string() });
  const presentRate = (r: { currency: string; effectiveDate: string; rateE9: bigint }) => ({
    currency: r.currency, effectiveDate: r.effectiveDate, rate: formatDecimal({ units: r.rateE9, scale: 9 }),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/exchange-rates', ability: 'org:read', tag: 'system',
    summary: 'Exchange rates into the default currency, by effective date', response: z.object({ items: z.array(Rate) }),
    handler: async (c) => c.json({ items: (await listExchangeRates(c.get('ctx'), actorOf(c))).map(presentRate) }),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/exchange-rates', ability: 'exchange_rate:manage', tag: 'system', status: 201,
    summary: 'Set the rate of a currency from a date on (1 unit = rate units of the default currency, exact decimal)',
    body: z.strictObject({ currency: CurrencyCode, effectiveDate: CalendarDate, rate: z.string().regex(/^\d+(\.\d{1,9})?$/, 'must be a decimal with at most 9 places') }),
    response: Rate,
    handler: async (c) => c.json(presentRate((await setExchangeRate(c.get('ctx'), actorOf(c), valid(c, 'json'))).rate), 201),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/audit', ability: 'audit:read', tag: 'system', summary: 'Audit entries, oldest first',
    query: z.strictObject({
      entity: z.string().max(64).optional(),
      entityId: z.string().max(64).optional(),
      afterSeq: z.coerce.number().int().min(0).optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    response: z.object({ items: z.array(AuditEntrySchema) }),
    handler: async (c) => {
      const entries = await listAuditEntries(c.get('ctx'), actorOf(c), valid(c, 'query'));
      return c.json({ items: entries.map(({ orgId: _o, prevHash: _p, ...e }) => e) });
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: '/audit/verify', ability: 'audit:verify', tag: 'system', summary: 'Check the hash chain of the audit log',
    response: AuditVerifyResult,
    handler: async (c) => c.json(await verifyAuditLogAs(c.get('ctx'), actorOf(c))),
  });
}
