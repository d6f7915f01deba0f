import type { Api, RouteRegistry } from '@attain/server';

/** Route groups mounted beside the core API (imports and exports). */
export const allRouteGroups: ((api: Api, registry: RouteRegistry) => void)[] = [];
