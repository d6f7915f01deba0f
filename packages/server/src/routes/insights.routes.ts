import { figuresToWire, getHome, getPipelineBoard } from '@attain/app';
import { BoardQuery, HomeFiguresSchema, HomeQuery, PipelineBoardSchema } from '@attain/contract';
import type { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/** Read-only summaries: the pipeline board and the home page. */
export function mountInsightsRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/pipelines/{id}/board', ability: 'opportunity:list', tag: 'pipelines',
    summary: 'The kanban board of a pipeline: per stage the count and sums (org currency) of the opportunities in scope, and the largest as cards',
    params: IdParam, query: BoardQuery, response: PipelineBoardSchema,
    handler: async (c) => {
      const query = valid<z.infer<typeof BoardQuery>>(c, 'query');
      const board = await getPipelineBoard(c.get('ctx'), actorOf(c), { pipelineId: valid<{ id: string }>(c, 'param').id, ...definedOnly(query) });
      return c.json(figuresToWire(board));
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/home', ability: 'opportunity:list', tag: 'home',
    summary: 'The home page figures of the caller\'s scope or of one person in it: bookings, win rate, pipeline, closing deals, overdue activities',
    query: HomeQuery, response: HomeFiguresSchema,
    handler: async (c) => c.json(figuresToWire(await getHome(c.get('ctx'), actorOf(c), definedOnly(valid<z.infer<typeof HomeQuery>>(c, 'query'))))),
  });
}

/** Drops absent query parameters (exactOptionalPropertyTypes: absent is not `undefined`). */
function definedOnly<T extends Record<string, unknown>>(query: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as never;
}
