import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Ability } from '@attain/core';
import { ErrorBody, Id } from '@attain/contract';
import type { Context } from 'hono';
import { z } from 'zod';
import { requireAbility } from './auth.middleware.js';
import type { AppEnv } from './env.js';
import type { RouteRegistry } from './route-registry.js';

export type Api = OpenAPIHono<AppEnv>;

const errors = {
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorBody } } },
  403: { description: 'Not allowed, or the CSRF token is missing', content: { 'application/json': { schema: ErrorBody } } },
  404: { description: 'Not found, or not visible to the caller', content: { 'application/json': { schema: ErrorBody } } },
  422: { description: 'Invalid input; `details` names each field', content: { 'application/json': { schema: ErrorBody } } },
};

export interface RouteSpec {
  readonly method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI path under /api/v1, e.g. "/accounts/{id}". */
  readonly path: string;
  readonly ability: Ability | 'public';
  readonly tag: string;
  readonly summary: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** The success body; left out only with status 204, which has none. */
  readonly response?: z.ZodType;
  readonly status?: 200 | 201 | 204;
  /** The lines of its NDJSON variant (`Accept: application/x-ndjson`: progress, then the result), when it has one; `description` says how. */
  readonly stream?: z.ZodType;
  readonly description?: string;
  readonly handler: (c: Context<AppEnv>) => Promise<Response>;
}

/**
 * Declares one route: its OpenAPI description, its required ability (checked before the
 * handler and recorded in the registry) and its handler. Inputs are validated by the schemas.
 */
export function defineRoute(api: Api, registry: RouteRegistry, spec: RouteSpec): void {
  const status = spec.status ?? 200;
  const config: RouteConfig = {
    method: spec.method,
    path: spec.path,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.ability === 'public' ? {} : { middleware: [requireAbility(spec.ability)], security: [{ session: [] }, { bearer: [] }] }),
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
    },
    responses: {
      [status]: spec.response
        ? { description: 'Success', content: { 'application/json': { schema: spec.response }, ...(spec.stream ? { 'application/x-ndjson': { schema: spec.stream } } : {}) } }
        : { description: 'Success, no content' },
      ...(spec.ability === 'public' ? { 422: errors[422] } : errors),
    },
  };
  registry.add({ method: spec.method.toUpperCase(), path: `/api/v1${spec.path}`, ability: spec.ability });
  // The typed handler of zod-openapi is not needed: inputs are read with valid() below.
  api.openapi(createRoute(config), spec.handler as never);
}

/** The validated input of a request part. */
export const valid = <T>(c: Context<AppEnv>, part: 'json' | 'query' | 'param'): T => (c.req as unknown as { valid(p: string): T }).valid(part);

/** The `{id}` path parameter of record routes. */
export const IdParam = z.object({ id: Id });
