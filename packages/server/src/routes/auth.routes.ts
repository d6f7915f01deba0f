import { createApiToken, createUser, listApiTokens, listUsers, loadOrgForActor, logIn, logOut, revokeApiToken, updateUser } from '@attain/app';
import { can, DomainError, type Ability, type ApiToken, type User } from '@attain/core';
import { ApiTokenCreate, ApiTokenCreated, ApiTokenRecord, Id, LoginRequest, Me, UserCreate, UserRecord, UserUpdate } from '@attain/contract';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { actorOf, SESSION_COOKIE } from '../auth.middleware.js';
import type { AppEnv } from '../env.js';
import { defineRoute, valid, type Api } from '../route.js';
import type { RouteRegistry } from '../route-registry.js';
import type { Context } from 'hono';

/** Org-level abilities the web app uses to decide what to show (it never re-derives them). */

const presentUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, role: u.role, personId: u.personId, disabledAt: u.disabledAt, createdAt: u.createdAt });
const presentToken = (t: ApiToken) => ({ id: t.id, name: t.name, role: t.role, userId: t.userId, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt });

/**
 * The session's abilities: every ability some route requires, so a screen can show what the
 * user may use from the same policy that guards the routes, without re-deriving it.
 */
function abilitiesOf(registry: RouteRegistry, actor: Parameters<typeof can>[0]): Record<string, boolean> {
  const abilities = [...new Set(registry.list().map((r) => r.ability))].filter((a): a is Ability => a !== 'public').sort();
  return Object.fromEntries(abilities.map((a) => [a, can(actor, a)]));
}

async function me(c: Context<AppEnv>, registry: RouteRegistry) {
  const signedIn = c.get('signedIn');
  if (!signedIn) throw new DomainError('unauthenticated', 'Please sign in.');
  const org = await loadOrgForActor(c.get('ctx'), signedIn.actor);
  const u = signedIn.user;
  return {
    user: { id: u.id, email: u.email, name: u.name, role: signedIn.actor.role, personId: u.personId },
    org: { id: org.id, name: org.name, fiscalYearStartMonth: org.fiscalYearStartMonth, defaultCurrency: org.defaultCurrency, currencies: [...org.currencies] },
    abilities: abilitiesOf(registry, signedIn.actor),
    csrfToken: signedIn.session?.csrfToken ?? null,
  };
}

export function mountAuthRoutes(api: Api, registry: RouteRegistry): void {
  defineRoute(api, registry, {
    method: 'post', path: '/auth/login', ability: 'public', tag: 'auth',
    summary: 'Sign in with e-mail and password; sets an HttpOnly session cookie and returns the CSRF token',
    body: LoginRequest, response: Me,
    handler: async (c) => {
      const ctx = c.get('ctx');
      const { token, ...signedIn } = await logIn(ctx, valid(c, 'json'));
      const { session } = signedIn;
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true, sameSite: 'Lax', path: '/', secure: new URL(c.req.url).protocol === 'https:',
        expires: new Date(session.absoluteExpiresAt),
      });
      c.set('signedIn', signedIn);
      return c.json(await me(c, registry));
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: '/auth/logout', ability: 'session:self', tag: 'auth', summary: 'End the current session',
    response: z.object({ ok: z.boolean() }),
    handler: async (c) => {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) await logOut(c.get('ctx'), cookie);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    },
  });
  defineRoute(api, registry, {
    method: 'get', path: '/auth/me', ability: 'session:self', tag: 'auth', summary: 'Who is signed in, her organisation and abilities',
    response: Me, handler: async (c) => c.json(await me(c, registry)),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/users', ability: 'user:list', tag: 'users', summary: 'Users of the organisation',
    response: z.object({ items: z.array(UserRecord) }),
    handler: async (c) => c.json({ items: (await listUsers(c.get('ctx'), actorOf(c))).map(presentUser) }),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/users', ability: 'user:manage', tag: 'users', summary: 'Create a user', status: 201,
    body: UserCreate, response: UserRecord,
    handler: async (c) => c.json(presentUser(await createUser(c.get('ctx'), actorOf(c), valid(c, 'json'))), 201),
  });
  defineRoute(api, registry, {
    method: 'patch', path: '/users/{id}', ability: 'user:manage', tag: 'users', summary: 'Change, disable or re-enable a user',
    params: z.object({ id: Id }), body: UserUpdate, response: UserRecord,
    handler: async (c) => c.json(presentUser(await updateUser(c.get('ctx'), actorOf(c), { id: valid<{ id: string }>(c, 'param').id, ...valid<object>(c, 'json') }))),
  });
  defineRoute(api, registry, {
    method: 'get', path: '/api-tokens', ability: 'api_token:manage', tag: 'users', summary: 'API tokens of the organisation',
    response: z.object({ items: z.array(ApiTokenRecord) }),
    handler: async (c) => c.json({ items: (await listApiTokens(c.get('ctx'), actorOf(c))).map(presentToken) }),
  });
  defineRoute(api, registry, {
    method: 'post', path: '/api-tokens', ability: 'api_token:manage', tag: 'users', status: 201,
    summary: 'Issue an API token for integrations; the secret is shown once', body: ApiTokenCreate, response: ApiTokenCreated,
    handler: async (c) => {
      const { token, record } = await createApiToken(c.get('ctx'), actorOf(c), valid(c, 'json'));
      return c.json({ ...presentToken(record), token }, 201);
    },
  });
  defineRoute(api, registry, {
    method: 'post', path: '/api-tokens/{id}/revoke', ability: 'api_token:manage', tag: 'users', summary: 'Revoke an API token',
    params: z.object({ id: Id }), response: ApiTokenRecord,
    handler: async (c) => c.json(presentToken(await revokeApiToken(c.get('ctx'), actorOf(c), valid<{ id: string }>(c, 'param').id))),
  });
}
