import {
  accounts, activities, archiveRecord, contacts, createRecord, getRecord, labelsFor, leads, listRecords, opportunities, persons, products,
  teams, toWire, updateRecord, type EntityDefinition,
} from '@attain/app';
import type { RecordMeta } from '@attain/core';
import { Account, Activity, Contact, Lead, ListQueryBase, Opportunity, pageOf, Person, Product, Team } from '@attain/contract';
import { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

interface EntitySchemas {
  readonly create: z.ZodObject;
  readonly update: z.ZodObject;
  readonly record: z.ZodObject;
}

/** Display names of the records referenced by the response, by id (owner, account, stage...). */
const Labels = z.record(z.string(), z.string()).describe('display names of referenced records, by id');

/** The list query of an entity: the common parameters plus `field`, `field.gte`, `field.lte` per filterable field. */
export function listQueryOf(filterable: readonly string[]): z.ZodObject {
  const extra: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (const field of filterable) {
    extra[field] = z.string().max(2000).optional();
    extra[`${field}.gte`] = z.string().max(100).optional();
    extra[`${field}.lte`] = z.string().max(100).optional();
  }
  return ListQueryBase.extend(extra).strict();
}

/** Splits a validated list query into the list input of the use case. */
export function listInputOf(query: Record<string, string | undefined>) {
  const { q, sort, limit, cursor, includeArchived, ...params } = query;
  return {
    ...(q ? { search: q } : {}),
    ...(sort ? { sort } : {}),
    ...(limit ? { limit: Number(limit) } : {}),
    ...(cursor ? { cursor } : {}),
    includeArchived: includeArchived === 'true',
    params,
  };
}

/** Mounts list, read, create, update and archive for one CRM entity. */
export function mountEntity<T extends RecordMeta>(api: Api, registry: RouteRegistry, plural: string, def: EntityDefinition<T>, schemas: EntitySchemas): void {
  const tag = plural;
  const r = def.resource;
  defineRoute(api, registry, {
    method: 'get', path: `/${plural}`, ability: `${r}:list`, tag, summary: `List ${plural}`,
    query: listQueryOf(def.repo.spec.filterable), response: pageOf(schemas.record).extend({ labels: Labels }),
    handler: async (c) => {
      const page = await listRecords(c.get('ctx'), actorOf(c), def, listInputOf(valid(c, 'query')));
      const labels = await labelsFor(c.get('ctx'), actorOf(c), def, page.items);
      return c.json({ items: page.items.map(toWire), nextCursor: page.nextCursor, labels });
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: `/${plural}/{id}`, ability: `${r}:read`, tag, summary: `Read one ${r}`,
    params: IdParam, response: schemas.record.extend({ labels: Labels }),
    handler: async (c) => {
      const record = await getRecord(c.get('ctx'), actorOf(c), def, valid<{ id: string }>(c, 'param').id);
      return c.json({ ...toWire(record), labels: await labelsFor(c.get('ctx'), actorOf(c), def, [record]) });
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: `/${plural}`, ability: `${r}:create`, tag, summary: `Create a ${r}`, status: 201,
    body: schemas.create, response: schemas.record,
    handler: async (c) => c.json(toWire(await createRecord(c.get('ctx'), actorOf(c), def, valid(c, 'json'))), 201),
  });
  defineRoute(api, registry, {
    method: 'patch', path: `/${plural}/{id}`, ability: `${r}:update`, tag, summary: `Change a ${r}`,
    params: IdParam, body: schemas.update, response: schemas.record,
    handler: async (c) =>
      c.json(toWire(await updateRecord(c.get('ctx'), actorOf(c), def, valid<{ id: string }>(c, 'param').id, valid(c, 'json')))),
  });
  defineRoute(api, registry, {
    method: 'post', path: `/${plural}/{id}/archive`, ability: `${r}:archive`, tag, summary: `Archive a ${r}`,
    params: IdParam, response: schemas.record,
    handler: async (c) => c.json(toWire(await archiveRecord(c.get('ctx'), actorOf(c), def, valid<{ id: string }>(c, 'param').id))),
  });
}

export function mountCrmRoutes(api: Api, registry: RouteRegistry): void {
  mountEntity(api, registry, 'accounts', accounts, Account);
  mountEntity(api, registry, 'contacts', contacts, Contact);
  mountEntity(api, registry, 'leads', leads, Lead);
  mountEntity(api, registry, 'opportunities', opportunities, Opportunity);
  mountEntity(api, registry, 'activities', activities, Activity);
  mountEntity(api, registry, 'people', persons, Person);
  mountEntity(api, registry, 'teams', teams, Team);
  mountEntity(api, registry, 'products', products, Product);
}
