import type { ApiToken, Role, Session, User } from '@attain/core';
import type { Db, Tx } from './database.js';

const toUser = (r: Record<string, unknown>): User => ({
  id: String(r.id),
  orgId: String(r.org_id),
  email: String(r.email),
  name: String(r.name),
  role: String(r.role) as Role,
  personId: r.person_id == null ? null : String(r.person_id),
  disabledAt: r.disabled_at == null ? null : String(r.disabled_at),
  createdAt: String(r.created_at),
  updatedAt: String(r.updated_at),
  version: Number(r.version),
});

const toSession = (r: Record<string, unknown>): Session => ({
  tokenHash: String(r.token_hash),
  orgId: String(r.org_id),
  userId: String(r.user_id),
  csrfToken: String(r.csrf_token),
  createdAt: String(r.created_at),
  lastSeenAt: String(r.last_seen_at),
  idleExpiresAt: String(r.idle_expires_at),
  absoluteExpiresAt: String(r.absolute_expires_at),
});

const toToken = (r: Record<string, unknown>): ApiToken => ({
  id: String(r.id),
  orgId: String(r.org_id),
  userId: String(r.user_id),
  name: String(r.name),
  role: String(r.role) as Role,
  createdAt: String(r.created_at),
  lastUsedAt: r.last_used_at == null ? null : String(r.last_used_at),
  revokedAt: r.revoked_at == null ? null : String(r.revoked_at),
});

export const userRepo = {
  async insert(db: Db | Tx, user: User, passwordHash: string | null): Promise<void> {
    await db
      .insertInto('users')
      .values({
        org_id: user.orgId, id: user.id, email: user.email, name: user.name, role: user.role, person_id: user.personId,
        password_hash: passwordHash, disabled_at: user.disabledAt, created_at: user.createdAt, updated_at: user.updatedAt, version: user.version,
      })
      .execute();
  },
  async get(db: Db | Tx, orgId: string, id: string): Promise<User | undefined> {
    const row = await db.selectFrom('users').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : undefined;
  },
  /** The user and password hash for a login e-mail (addresses are unique across orgs). */
  async findForLogin(db: Db | Tx, email: string): Promise<{ user: User; passwordHash: string | null } | undefined> {
    const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row ? { user: toUser(row), passwordHash: row.password_hash == null ? null : String(row.password_hash) } : undefined;
  },
  async list(db: Db | Tx, orgId: string): Promise<User[]> {
    const rows = await db.selectFrom('users').selectAll().where('org_id', '=', orgId).orderBy('email').execute();
    return rows.map(toUser);
  },
  async update(db: Db | Tx, user: User, passwordHash?: string): Promise<void> {
    await db
      .updateTable('users')
      .set({
        name: user.name, role: user.role, person_id: user.personId, disabled_at: user.disabledAt, updated_at: user.updatedAt,
        version: user.version, ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
      })
      .where('org_id', '=', user.orgId)
      .where('id', '=', user.id)
      .execute();
  },
};

export const sessionRepo = {
  async insert(db: Db | Tx, session: Session): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        token_hash: session.tokenHash, org_id: session.orgId, user_id: session.userId, csrf_token: session.csrfToken,
        created_at: session.createdAt, last_seen_at: session.lastSeenAt, idle_expires_at: session.idleExpiresAt,
        absolute_expires_at: session.absoluteExpiresAt,
      })
      .execute();
  },
  /** The session and its user in one round trip (every request asks this). */
  async getWithUser(db: Db | Tx, tokenHash: string): Promise<{ session: Session; user: User } | undefined> {
    const row = await db
      .selectFrom('sessions as s')
      .innerJoin('users as u', (join) => join.onRef('u.org_id', '=', 's.org_id').onRef('u.id', '=', 's.user_id'))
      .select([
        's.token_hash', 's.org_id', 's.user_id', 's.csrf_token', 's.created_at as s_created_at', 's.last_seen_at', 's.idle_expires_at',
        's.absolute_expires_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.person_id', 'u.disabled_at', 'u.created_at', 'u.updated_at', 'u.version',
      ])
      .where('s.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    return { session: toSession({ ...row, created_at: row.s_created_at }), user: toUser(row) };
  },
  async touch(db: Db | Tx, tokenHash: string, lastSeenAt: string, idleExpiresAt: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt }).where('token_hash', '=', tokenHash).execute();
  },
  async delete(db: Db | Tx, tokenHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  },
  async deleteForUser(db: Db | Tx, orgId: string, userId: string): Promise<void> {
    await db.deleteFrom('sessions').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  },
};

export const apiTokenRepo = {
  async insert(db: Db | Tx, token: ApiToken, tokenHash: string): Promise<void> {
    await db
      .insertInto('api_tokens')
      .values({
        org_id: token.orgId, id: token.id, user_id: token.userId, name: token.name, token_hash: tokenHash, role: token.role,
        created_at: token.createdAt, last_used_at: null, revoked_at: null,
      })
      .execute();
  },
  async findByHash(db: Db | Tx, tokenHash: string): Promise<ApiToken | undefined> {
    const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toToken(row) : undefined;
  },
  async list(db: Db | Tx, orgId: string): Promise<ApiToken[]> {
    const rows = await db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).orderBy('created_at').execute();
    return rows.map(toToken);
  },
  async get(db: Db | Tx, orgId: string, id: string): Promise<ApiToken | undefined> {
    const row = await db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toToken(row) : undefined;
  },
  async revoke(db: Db | Tx, orgId: string, id: string, at: string): Promise<void> {
    await db.updateTable('api_tokens').set({ revoked_at: at }).where('org_id', '=', orgId).where('id', '=', id).execute();
  },
  async markUsed(db: Db | Tx, id: string, at: string): Promise<void> {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },
};

export const loginFailureRepo = {
  async record(db: Db | Tx, key: string, at: string): Promise<void> {
    await db.insertInto('login_failures').values({ key, at }).execute();
  },
  async since(db: Db | Tx, key: string, since: string): Promise<string[]> {
    const rows = await db.selectFrom('login_failures').select('at').where('key', '=', key).where('at', '>', since).execute();
    return rows.map((r: Record<string, unknown>) => String(r.at));
  },
  async clear(db: Db | Tx, key: string): Promise<void> {
    await db.deleteFrom('login_failures').where('key', '=', key).execute();
  },
};
