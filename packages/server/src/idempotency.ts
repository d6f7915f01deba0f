import { DomainError } from '@attain/core';
import { idempotencyRepo, sha256 } from '@attain/store';
import type { Context, Next } from 'hono';
import type { AppEnv } from './env.js';
import { errorResponse } from './errors.js';

/**
 * Honours `Idempotency-Key` on a POST that passed its route guard: the first response below
 * 500 is stored and replayed for a retry of the same request (method, path, query, body and
 * the caller's role); the key with another request is a 409, and so is a retry that arrives
 * while the first is still running.
 */
export async function idempotent(c: Context<AppEnv>, next: Next): Promise<Response | void> {
  const key = c.req.header('idempotency-key');
  const signedIn = c.get('signedIn');
  if (c.req.method !== 'POST' || !key || !signedIn) return next();
  if (key.length > 255) {
    return errorResponse(c, new DomainError('validation_failed', 'Idempotency-Key is too long.', [{ field: 'Idempotency-Key', message: 'at most 255 characters' }]));
  }
  const ctx = c.get('ctx');
  const db = ctx.database.db;
  const k = { orgId: signedIn.actor.orgId, userId: signedIn.actor.userId, key };
  const url = new URL(c.req.url);
  const requestHash = sha256(`${signedIn.actor.role}\n${c.req.method} ${url.pathname}${url.search}\n${await c.req.text()}`);
  if (!(await idempotencyRepo.reserve(db, { ...k, requestHash, at: ctx.now() }))) {
    const stored = await idempotencyRepo.find(db, k);
    if (stored && stored.requestHash !== requestHash) {
      return errorResponse(c, new DomainError('idempotency_mismatch', 'This Idempotency-Key was used for a different request.'));
    }
    if (!stored || stored.statusCode === 0) return errorResponse(c, new DomainError('conflict', 'A request with this Idempotency-Key is still being handled.'));
    c.header('Idempotent-Replayed', 'true');
    return c.body(stored.body, stored.statusCode as 200, { 'content-type': 'application/json' });
  }
  await next();
  if (c.res.status >= 500) await idempotencyRepo.release(db, k);
  else await idempotencyRepo.complete(db, { ...k, statusCode: c.res.status, body: await c.res.clone().text() });
}
