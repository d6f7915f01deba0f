import {
  DomainError,
  LOGIN_WINDOW_MINUTES,
  loginThrottle,
  mayActAs,
  sessionExpired,
  sessionExpiry,
  type Actor,
  type Session,
  type User,
} from '@attain/core';
import { inOrgTransaction } from '../org-transaction.js';
import { apiTokenRepo, loginFailureRepo, orgRepo, sessionRepo, userRepo } from '@attain/store';
import type { AppContext } from '../context.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../passwords.js';
import { recordAudit } from '../audit.js';
import { loadActor } from './actor.js';
import { hashSecret, newSecret } from './tokens.js';

export interface SignedIn {
  readonly user: User;
  readonly actor: Actor;
  /** Set for cookie sessions: writes must echo it in X-CSRF-Token. Null for API tokens. */
  readonly session: Session | null;
}

const minutesBefore = (instant: string, minutes: number): string => new Date(Date.parse(instant) - minutes * 60_000).toISOString();

/**
 * Checks an e-mail and password and opens a session stored in the database (so any server
 * process can serve it). Failures are throttled per address; the error never says which
 * of the two was wrong.
 */
export async function logIn(ctx: AppContext, input: { email: string; password: string }): Promise<SignedIn & { token: string; session: Session }> {
  const db = ctx.database.db;
  const email = input.email.trim().toLowerCase();
  const now = ctx.now();
  const key = `email:${email}`;
  const failures = await loginFailureRepo.since(db, key, minutesBefore(now, LOGIN_WINDOW_MINUTES));
  const throttle = loginThrottle(failures, now);
  if (!throttle.allowed) {
    throw new DomainError('rate_limited', `Too many failed sign-ins; try again in ${throttle.retryAfterSeconds} s.`, [
      { field: 'retryAfterSeconds', message: String(throttle.retryAfterSeconds) },
    ]);
  }
  const found = await userRepo.findForLogin(db, email);
  const ok = await verifyPassword(input.password, found?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!found || !ok || found.user.disabledAt !== null || found.passwordHash === null) {
    await loginFailureRepo.record(db, key, now);
    throw new DomainError('unauthenticated', 'Wrong e-mail or password.');
  }
  const token = newSecret();
  const session: Session = {
    tokenHash: hashSecret(token),
    orgId: found.user.orgId,
    userId: found.user.id,
    csrfToken: newSecret(24),
    createdAt: now,
    lastSeenAt: now,
    ...sessionExpiry({ createdAt: now, now }),
  };
  await inOrgTransaction(ctx, session.orgId, async (tx) => {
    await sessionRepo.insert(tx, session);
    await loginFailureRepo.clear(tx, key);
    await recordAudit(ctx, tx, { actor: { orgId: session.orgId, userId: session.userId }, action: 'session.login', entity: 'user', entityId: session.userId, before: null, after: null });
  });
  return { token, session, user: found.user, actor: await loadActor(ctx, found.user) };
}

export async function logOut(ctx: AppContext, token: string): Promise<void> {
  await sessionRepo.delete(ctx.database.db, hashSecret(token));
}

/** The signed-in user of a session cookie, or null when absent, expired or disabled. */
export async function authenticateSession(ctx: AppContext, token: string): Promise<SignedIn | null> {
  const db = ctx.database.db;
  const tokenHash = hashSecret(token);
  const found = await sessionRepo.getWithUser(db, tokenHash);
  if (!found) return null;
  const { session, user } = found;
  const now = ctx.now();
  if (sessionExpired(session, now)) {
    await sessionRepo.delete(db, tokenHash);
    return null;
  }
  if (user.disabledAt !== null) return null;
  // Sliding idle timeout; written at most once a minute to spare the database.
  if (Date.parse(now) - Date.parse(session.lastSeenAt) > 60_000) {
    await sessionRepo.touch(db, tokenHash, now, sessionExpiry({ createdAt: session.createdAt, now }).idleExpiresAt);
  }
  return { user, actor: await loadActor(ctx, user), session };
}

/** The signed-in user of an API token ("Authorization: Bearer att_..."), acting with the token's role. */
export async function authenticateApiToken(ctx: AppContext, token: string): Promise<SignedIn | null> {
  const db = ctx.database.db;
  const apiToken = await apiTokenRepo.findByHash(db, hashSecret(token));
  if (!apiToken || apiToken.revokedAt !== null) return null;
  const user = await userRepo.get(db, apiToken.orgId, apiToken.userId);
  if (!user || user.disabledAt !== null) return null;
  const now = ctx.now();
  if (!apiToken.lastUsedAt || Date.parse(now) - Date.parse(apiToken.lastUsedAt) > 60_000) await apiTokenRepo.markUsed(db, apiToken.id, now);
  // A token whose role reaches beyond its user's present role (she was demoted) is void.
  if (!mayActAs(user.role, apiToken.role)) return null;
  return { user, actor: await loadActor(ctx, user, apiToken.role), session: null };
}

export async function loadOrgForActor(ctx: AppContext, actor: Actor) {
  const org = await orgRepo.get(ctx.database.db, actor.orgId);
  if (!org) throw new DomainError('not_found', 'organisation not found');
  return org;
}
