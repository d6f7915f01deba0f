import {
  accountTerritoryHistory, activateTerritoryModel, archiveTerritoryModel, createTerritoryModel, diffTerritoryModel, getTerritoryModel, listTerritoryModels,
  optimizeTerritoryModel, saveTerritoryModel, territoriesSupported, territoryMap,
} from '@attain/app';
import {
  AccountTerritoryHistory, TerritoryActivateBody, TerritoryActivateResult, TerritoryDiffQuery, TerritoryDiffWire, TerritoryMapWire, TerritoryModelCreateBody,
  TerritoriesSupportedQuery, TerritoriesSupportedWire, TerritoryModelDetail, TerritoryModelSaveBody, TerritoryModelSummary, TerritoryOptimizeBody, TerritoryOptimizeProgressLine,
  TerritoryOptimizeResult, TerritoryOptimizeResultLine,
} from '@attain/contract';
import { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';
import { wantsNdjson } from './import-progress.js';
import { ErrorLineSchema, streamJob } from './ndjson-job.js';

/** Territory models: sales ops design, optimize and activate them; leaders and finance read (docs/territories.md). */
export function mountTerritoryRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/territory-models', ability: 'coverage:read', tag: 'territories',
    summary: 'Territory models, newest first', response: z.object({ items: z.array(TerritoryModelSummary) }),
    handler: async (c) => c.json({ items: await listTerritoryModels(c.get('ctx'), actorOf(c)) }),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/territory-models', ability: 'coverage:write', tag: 'territories', status: 201,
    summary: 'A new planning model: empty, from a definition, or a copy of another model', body: TerritoryModelCreateBody, response: TerritoryModelDetail,
    handler: async (c) => c.json(await createTerritoryModel(c.get('ctx'), actorOf(c), valid<TerritoryModelCreateBody>(c, 'json')), 201),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/territory-models/{id}', ability: 'coverage:read', tag: 'territories',
    summary: 'A territory model with its definition', params: IdParam, response: TerritoryModelDetail,
    handler: async (c) => c.json(await getTerritoryModel(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id)),
  });
  defineRoute(api, registry, {
    method: 'put', path: '/territory-models/{id}', ability: 'coverage:write', tag: 'territories',
    summary: "Save a planning model's name and definition as its next version (422 naming each bad field; 409 if saved since baseVersion or not planning)",
    params: IdParam, body: TerritoryModelSaveBody, response: TerritoryModelDetail,
    handler: async (c) => c.json(await saveTerritoryModel(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id, valid<TerritoryModelSaveBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/territory-models/{id}/optimize', ability: 'coverage:write', tag: 'territories',
    summary: "Rebuild a planning model's territories from the accounts' US counties (or rebalance its own), balanced and contiguous; saved as the next version",
    description: [
      'Answers the result as JSON, unless the request says `Accept: application/x-ndjson`: then `200` at once and NDJSON lines while it',
      'runs: `{"type":"progress","stage":"reading"|"optimizing"|"saving","done":N,"total":N}` (optimizing: starts done of at most `total`),',
      'then exactly one `{"type":"result","result":{...}}` or `{"type":"error","status":N,"error":{...}}` (what the JSON variant would answer).',
      'Invalid bodies and refusals are still plain JSON with their status.',
    ].join(' '),
    params: IdParam, body: TerritoryOptimizeBody, response: TerritoryOptimizeResult,
    stream: z.discriminatedUnion('type', [TerritoryOptimizeProgressLine, TerritoryOptimizeResultLine, ErrorLineSchema]),
    handler: async (c) => {
      const run = (onProgress?: (p: object) => void) => optimizeTerritoryModel(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id, valid<TerritoryOptimizeBody>(c, 'json'), onProgress);
      if (!wantsNdjson(c.req.header('accept'))) return c.json(await run());
      return streamJob(c, async (send) => ({ type: 'result', result: await run((p) => send({ type: 'progress', ...p })) }));
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/territory-models/{id}/map', ability: 'coverage:read', tag: 'territories',
    summary: "What the map and balance chart draw: territories' sums and owners, counties, accounts as points, balance", params: IdParam, response: TerritoryMapWire,
    handler: async (c) => c.json(await territoryMap(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id)),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/territory-models/{id}/diff', ability: 'coverage:read', tag: 'territories',
    summary: 'The dry run of activating the model on a date: accounts, pipeline and book moved per rep and in total, quota impact',
    params: IdParam, query: TerritoryDiffQuery, response: TerritoryDiffWire,
    handler: async (c) => c.json(await diffTerritoryModel(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id, valid<{ effectiveDate?: string }>(c, 'query').effectiveDate)),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/territory-models/{id}/activate', ability: 'coverage:write', tag: 'territories',
    summary: 'Activate a planning model from a date (today or later): new territory and owner rows, the active model archived, owners set when the date comes',
    params: IdParam, body: TerritoryActivateBody, response: TerritoryActivateResult,
    handler: async (c) => c.json(await activateTerritoryModel(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id, valid<TerritoryActivateBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/territory-models/{id}/archive', ability: 'coverage:write', tag: 'territories',
    summary: 'Archive a model', params: IdParam, response: TerritoryModelSummary,
    handler: async (c) => c.json(await archiveTerritoryModel(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id)),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/territories/supported', ability: 'coverage:read', tag: 'territories',
    summary: 'How many territories the market supports with at least a minimum potential each (the most whose optimized plan gives every one that much)',
    query: TerritoriesSupportedQuery, response: TerritoriesSupportedWire,
    handler: async (c) => c.json(await territoriesSupported(c.get('ctx'), actorOf(c), valid<TerritoriesSupportedQuery>(c, 'query'))),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/accounts/{id}/territories', ability: 'account:read', tag: 'accounts',
    summary: "An account's territory and owner over time", params: IdParam, response: AccountTerritoryHistory,
    handler: async (c) => c.json(await accountTerritoryHistory(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id)),
  });
}
