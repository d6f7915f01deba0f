import { DomainError } from '@attain/core';
import { idempotencyRepo, sha256 } from '@attain/store';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { errorResponse } from './errors.js';

/**
 * Honours `Idempotency-Key` on POST: the first response (below 500) to a key is stored and
 * replayed for the same key and request; the same key with another request is a 409.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  const signedIn = c.get('signedIn');
  if (c.req.method !== 'POST' || !key || !signedIn) return next();
  if (key.length > 255) return errorResponse(c, new DomainError('validation_failed', 'Idempotency-Key is too long.', [{ field: 'Idempotency-Key', message: 'at most 255 characters' }]));
  const ctx = c.get('ctx');
  const { orgId, userId } = signedIn.actor;
  const requestHash = sha256(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
  const stored = await idempotencyRepo.find(ctx.database.db, orgId, userId, key);
  if (stored) {
    if (stored.requestHash !== requestHash) return errorResponse(c, new DomainError('idempotency_mismatch', 'This Idempotency-Key was used for a different request.'));
    c.header('Idempotent-Replayed', 'true');
    return c.body(stored.body, stored.statusCode as 200, { 'content-type': 'application/json' });
  }
  await next();
  if (c.res.status < 500) {
    const body = await c.res.clone().text();
    await idempotencyRepo.save(ctx.database.db, { orgId, userId, key, at: ctx.now(), response: { requestHash, statusCode: c.res.status, body } });
  }
};
