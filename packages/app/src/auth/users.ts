import { DomainError, invalid, mayActAs, type Actor, type ApiToken, type Role, type User } from '@attain/core';
import { requireAbility } from '../authorize.js';
import { inOrgTransaction } from '../org-transaction.js';
import { apiTokenRepo, sessionRepo, userRepo } from '@attain/store';
import { personSpec, EntityRepo } from '@attain/store';
import type { AppContext } from '../context.js';
import { recordAudit } from '../audit.js';
import { hashPassword } from '../passwords.js';
import { hashSecret, newSecret } from './tokens.js';

const people = new EntityRepo(personSpec);


/** What the audit log keeps of a user: never the password hash. */
const auditView = (u: User) => ({ email: u.email, name: u.name, role: u.role, personId: u.personId, disabledAt: u.disabledAt });

/**
 * Creates a login. Used by admins through the API and by the CLI (with a system actor when
 * bootstrapping a new organisation). Callers inside the system may hand over a hash made
 * beforehand (`passwordHash`, from `hashPassword`): scrypt costs about 130 ms a call by design.
 */
export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; name: string; role: Role; personId?: string | null } & ({ password: string } | { passwordHash: string }),
): Promise<User> {
  requireAbility(actor, 'user:manage');
  const email = input.email.trim().toLowerCase();
  const db = ctx.database.db;
  if (await userRepo.findForLogin(db, email)) throw invalid('email', 'is already used by another user');
  if (input.personId && !(await people.get(db, actor.orgId, input.personId))) throw invalid('personId', 'no such person');
  const now = ctx.now();
  const user: User = {
    id: ctx.newId('usr'),
    orgId: actor.orgId,
    email,
    name: input.name,
    role: input.role,
    personId: input.personId ?? null,
    disabledAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const passwordHash = 'passwordHash' in input ? input.passwordHash : await hashPassword(input.password);
  await inOrgTransaction(ctx, actor.orgId, async (tx) => {
    await userRepo.insert(tx, user, passwordHash);
    await recordAudit(ctx, tx, { actor, action: 'user.create', entity: 'user', entityId: user.id, before: null, after: auditView(user) });
  });
  return user;
}

/** Changes a user's name, role or password, or disables it; disabling ends its sessions at once. */
export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  input: { id: string; name?: string; role?: Role; disabled?: boolean; password?: string },
): Promise<User> {
  requireAbility(actor, 'user:manage');
  const db = ctx.database.db;
  const before = await userRepo.get(db, actor.orgId, input.id);
  if (!before) throw new DomainError('not_found', 'user not found');
  if (input.disabled && before.id === actor.userId) throw invalid('disabled', 'you cannot disable yourself');
  const now = ctx.now();
  const after: User = {
    ...before,
    name: input.name ?? before.name,
    role: input.role ?? before.role,
    disabledAt: input.disabled === undefined ? before.disabledAt : input.disabled ? (before.disabledAt ?? now) : null,
    updatedAt: now,
    version: before.version + 1,
  };
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  await inOrgTransaction(ctx, actor.orgId, async (tx) => {
    await userRepo.update(tx, after, passwordHash);
    if (after.disabledAt !== null || passwordHash !== undefined) await sessionRepo.deleteForUser(tx, after.orgId, after.id);
    await recordAudit(ctx, tx, { actor, action: 'user.update', entity: 'user', entityId: after.id, before: auditView(before), after: auditView(after) });
  });
  return after;
}

export async function listUsers(ctx: AppContext, actor: Actor): Promise<User[]> {
  requireAbility(actor, 'user:list');
  return userRepo.list(ctx.database.db, actor.orgId);
}

/** Issues an API token for the acting admin; the secret is returned once and stored hashed. */
export async function createApiToken(ctx: AppContext, actor: Actor, input: { name: string; role?: Role }): Promise<{ token: string; record: ApiToken }> {
  requireAbility(actor, 'api_token:manage');
  if (input.role && !mayActAs(actor.role, input.role)) throw invalid('role', `a token cannot reach further than your own role (${actor.role})`);
  const secret = `att_${newSecret()}`;
  const record: ApiToken = {
    id: ctx.newId('tok'),
    orgId: actor.orgId,
    userId: actor.userId,
    name: input.name,
    role: input.role ?? actor.role,
    createdAt: ctx.now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await inOrgTransaction(ctx, actor.orgId, async (tx) => {
    await apiTokenRepo.insert(tx, record, hashSecret(secret));
    await recordAudit(ctx, tx, { actor, action: 'api_token.create', entity: 'api_token', entityId: record.id, before: null, after: { name: record.name, role: record.role } });
  });
  return { token: secret, record };
}

export async function listApiTokens(ctx: AppContext, actor: Actor): Promise<ApiToken[]> {
  requireAbility(actor, 'api_token:manage');
  return apiTokenRepo.list(ctx.database.db, actor.orgId);
}

export async function revokeApiToken(ctx: AppContext, actor: Actor, id: string): Promise<ApiToken> {
  requireAbility(actor, 'api_token:manage');
  const db = ctx.database.db;
  const token = await apiTokenRepo.get(db, actor.orgId, id);
  if (!token) throw new DomainError('not_found', 'API token not found');
  const at = ctx.now();
  await inOrgTransaction(ctx, actor.orgId, async (tx) => {
    await apiTokenRepo.revoke(tx, actor.orgId, id, at);
    await recordAudit(ctx, tx, { actor, action: 'api_token.revoke', entity: 'api_token', entityId: id, before: null, after: { revokedAt: at } });
  });
  return { ...token, revokedAt: token.revokedAt ?? at };
}
