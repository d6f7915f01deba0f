import { authenticateApiToken, authenticateSession } from '@attain/app';
import { can, DomainError, type Ability, type Actor } from '@attain/core';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './env.js';
import { errorResponse } from './errors.js';
import { idempotent } from './idempotency.js';

export const SESSION_COOKIE = 'attain_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Resolves who is calling: a session cookie, or an API token in `Authorization: Bearer`. */
export const resolveCaller: MiddlewareHandler<AppEnv> = async (c, next) => {
  const ctx = c.get('ctx');
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
  const cookie = getCookie(c, SESSION_COOKIE);
  let signedIn = null;
  if (bearer) signedIn = await authenticateApiToken(ctx, bearer.trim());
  else if (cookie) signedIn = await authenticateSession(ctx, cookie);
  c.set('signedIn', signedIn);
  await next();
};

/**
 * Route guard: deny by default. No caller is 401; a cookie-session write without the
 * session's CSRF token is 403; a role without the ability is 403. Record-level checks
 * (another rep's deal) happen in the use case and answer 404. Only a request that passes
 * reaches the Idempotency-Key handling, so a refused one is never replayed.
 */
export function requireAbility(ability: Ability): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const signedIn = c.get('signedIn');
    if (!signedIn) return errorResponse(c, new DomainError('unauthenticated', 'Please sign in.'));
    if (signedIn.session && UNSAFE.has(c.req.method) && c.req.header('x-csrf-token') !== signedIn.session.csrfToken) {
      return errorResponse(c, new DomainError('csrf_failed', 'The X-CSRF-Token header is missing or wrong.'));
    }
    if (!can(signedIn.actor, ability)) return errorResponse(c, new DomainError('forbidden', 'You are not allowed to do this.'));
    return idempotent(c, next);
  };
}

/** The acting user of a guarded route. */
export function actorOf(c: Context<AppEnv>): Actor {
  const signedIn = c.get('signedIn');
  if (!signedIn) throw new DomainError('unauthenticated', 'Please sign in.');
  return signedIn.actor;
}
