import { addLineItem, convertLead, createPipeline, getPipeline, listLineItems, listOpportunityHistory, listPipelines, toWire } from '@attain/app';
import { LeadConversion, LeadConversionResult, LineItem, OpportunityHistoryEntrySchema, Pipeline } from '@attain/contract';
import { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

export function mountCrmExtraRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/opportunities/{id}/history', ability: 'opportunity:history', tag: 'opportunities',
    summary: 'The append-only history of stage, amount, close date, forecast category and owner changes',
    params: IdParam, response: z.object({ items: z.array(OpportunityHistoryEntrySchema) }),
    handler: async (c) => {
      const items = await listOpportunityHistory(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id);
      return c.json({ items: items.map(({ orgId: _o, opportunityId: _p, ...rest }) => toWire(rest)) });
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/opportunities/{id}/line-items', ability: 'opportunity:read', tag: 'opportunities',
    summary: 'Products on an opportunity', params: IdParam, response: z.object({ items: z.array(LineItem.record.omit({ abilities: true })) }),
    handler: async (c) => c.json({ items: (await listLineItems(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id)).map(toWire) }),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/opportunities/{id}/line-items', ability: 'opportunity:update', tag: 'opportunities', status: 201,
    summary: 'Add a product; the opportunity amount becomes the sum of its line items',
    params: IdParam, body: LineItem.create, response: LineItem.record.omit({ abilities: true }),
    handler: async (c) => {
      const body = valid<z.infer<typeof LineItem.create>>(c, 'json');
      const item = await addLineItem(c.get('ctx'), actorOf(c), {
        opportunityId: valid<{ id: string }>(c, 'param').id, productId: body.productId, quantity: body.quantity,
        ...(body.unitPriceMinor ? { unitPriceMinor: body.unitPriceMinor } : {}),
        ...(body.discountBps !== undefined ? { discountBps: body.discountBps } : {}),
        externalId: body.externalId ?? null,
      });
      return c.json(toWire(item), 201);
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: '/leads/{id}/convert', ability: 'lead:convert', tag: 'leads',
    summary: 'Convert a lead into an account, a contact and an opportunity', params: IdParam, body: LeadConversion, response: LeadConversionResult,
    handler: async (c) => {
      const result = await convertLead(c.get('ctx'), actorOf(c), { leadId: valid<{ id: string }>(c, 'param').id, ...valid<z.infer<typeof LeadConversion>>(c, 'json') });
      return c.json({ ...result, lead: toWire(result.lead) });
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/pipelines', ability: 'pipeline:list', tag: 'pipelines', summary: 'Pipelines with their stages in order',
    response: z.object({ items: z.array(Pipeline.record), nextCursor: z.null() }),
    handler: async (c) => {
      const page = await listPipelines(c.get('ctx'), actorOf(c));
      return c.json({ items: page.items.map((p) => ({ ...toWire(p), stages: p.stages.map(toWire) })), nextCursor: null });
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/pipelines/{id}', ability: 'pipeline:read', tag: 'pipelines', summary: 'One pipeline with its stages',
    params: IdParam, response: Pipeline.record,
    handler: async (c) => {
      const p = await getPipeline(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id);
      return c.json({ ...toWire(p), stages: p.stages.map(toWire) });
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: '/pipelines', ability: 'pipeline:create', tag: 'pipelines', status: 201,
    summary: 'Create a pipeline with its stages', body: Pipeline.create, response: Pipeline.record,
    handler: async (c) => {
      const body = valid<z.infer<typeof Pipeline.create>>(c, 'json');
      const p = await createPipeline(c.get('ctx'), actorOf(c), { ...body, externalId: body.externalId ?? null });
      return c.json({ ...toWire(p), stages: p.stages.map(toWire) }, 201);
    },
  });
}
