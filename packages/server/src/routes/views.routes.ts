import { deleteSavedView, listSavedViews, saveView } from '@attain/app';
import { SavedViewCreate, SavedViewListQuery, SavedViewRecord } from '@attain/contract';
import { z } from 'zod';
import { actorOf } from '../auth.middleware.js';
import { defineRoute, IdParam, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';

/** Saved list views: the caller's own, never anyone else's (another user's id answers 404). */
export function mountViewRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'get', path: '/views', ability: 'saved_view:manage', tag: 'views',
    summary: 'The caller\'s saved list views, of one list (?entity=accounts) or of all',
    query: SavedViewListQuery, response: z.object({ items: z.array(SavedViewRecord) }),
    handler: async (c) => {
      const { entity } = valid<z.infer<typeof SavedViewListQuery>>(c, 'query');
      return c.json({ items: await listSavedViews(c.get('ctx'), actorOf(c), entity) });
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: '/views', ability: 'saved_view:manage', tag: 'views', status: 201,
    summary: 'Save the current list state under a name; an existing view of that name and list is replaced',
    body: SavedViewCreate, response: SavedViewRecord,
    handler: async (c) => c.json(await saveView(c.get('ctx'), actorOf(c), valid(c, 'json')), 201),
  });
  defineRoute(api, registry, {
    method: 'delete', path: '/views/{id}', ability: 'saved_view:manage', tag: 'views', status: 204,
    summary: 'Delete one of the caller\'s saved views', params: IdParam,
    handler: async (c) => {
      await deleteSavedView(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id);
      return c.body(null, 204);
    },
  });
}
