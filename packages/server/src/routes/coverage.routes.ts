import { analyzeCoverageModel, applyCoverageSegments, getCoverageModel, saveCoverageModel } from '@attain/app';
import { CoverageAnalysisBody, CoverageAnalysisWire, CoverageApplyResult, CoverageModelDetail, CoverageModelSaveBody } from '@attain/contract';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/** The coverage model: segments, coverage roles and capacity (sales ops write; leaders and finance read). */
export function mountCoverageRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/coverage/model', ability: 'coverage:read', tag: 'coverage',
    summary: 'The coverage model in force, or the starter model (version null) when none was saved', response: CoverageModelDetail,
    handler: async (c) => c.json(await getCoverageModel(c.get('ctx'), actorOf(c))),
  });
  defineRoute(api, registry, {
    method: 'put', path: '/coverage/model', ability: 'coverage:write', tag: 'coverage',
    summary: 'Save the model as the next version (422 naming each bad field; 409 if another version was saved since baseVersion)',
    body: CoverageModelSaveBody, response: CoverageModelDetail,
    handler: async (c) => c.json(await saveCoverageModel(c.get('ctx'), actorOf(c), valid<CoverageModelSaveBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/coverage/analysis', ability: 'coverage:read', tag: 'coverage',
    summary: "Every account placed by a draft model (or the saved one): accounts, potential and workload per segment; reps needed and what a headcount covers per role",
    body: CoverageAnalysisBody, response: CoverageAnalysisWire,
    handler: async (c) => c.json(await analyzeCoverageModel(c.get('ctx'), actorOf(c), valid<CoverageAnalysisBody>(c, 'json'))),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/coverage/apply', ability: 'coverage:write', tag: 'coverage',
    summary: "Set every account's segment from the saved model, in one transaction", response: CoverageApplyResult,
    handler: async (c) => c.json(await applyCoverageSegments(c.get('ctx'), actorOf(c))),
  });
}
