import type { Db, Tx } from './database.js';

/**
 * One version of an organisation's capitalization policy. Versions are numbered 1, 2, ... per
 * organisation and never updated or deleted: the highest is in force. `policy` is the parsed
 * JSON as written (the app validates it before inserting and again after reading).
 */
export interface CapitalizationPolicyVersion {
  readonly orgId: string;
  readonly version: number;
  readonly policy: unknown;
  /** The user who wrote it; null for a system write. */
  readonly createdBy: string | null;
  readonly createdAt: string;
}

const toVersion = (r: Record<string, unknown>): CapitalizationPolicyVersion => ({
  orgId: String(r.org_id),
  version: Number(r.version),
  policy: JSON.parse(String(r.policy)) as unknown,
  createdBy: r.created_by === null || r.created_by === undefined ? null : String(r.created_by),
  createdAt: String(r.created_at),
});

export const capitalizationPolicyRepo = {
  /**
   * Appends the next version (the last + 1) and returns it. Call under the organisation's write
   * lock; two writers racing past it still cannot both write one version (primary key).
   */
  async append(tx: Tx, input: { orgId: string; policy: unknown; createdBy: string | null; createdAt: string }): Promise<CapitalizationPolicyVersion> {
    const last = await this.latest(tx, input.orgId);
    const row: CapitalizationPolicyVersion = { orgId: input.orgId, version: (last?.version ?? 0) + 1, policy: input.policy, createdBy: input.createdBy, createdAt: input.createdAt };
    await tx.insertInto('capitalization_policies').values({
      org_id: row.orgId, version: row.version, policy: JSON.stringify(row.policy), created_by: row.createdBy, created_at: row.createdAt,
    }).execute();
    return row;
  },

  /** The version in force (the highest), if any. */
  async latest(db: Db | Tx, orgId: string): Promise<CapitalizationPolicyVersion | undefined> {
    const row = await db.selectFrom('capitalization_policies').selectAll().where('org_id', '=', orgId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row ? toVersion(row) : undefined;
  },

  async find(db: Db | Tx, orgId: string, version: number): Promise<CapitalizationPolicyVersion | undefined> {
    const row = await db.selectFrom('capitalization_policies').selectAll().where('org_id', '=', orgId).where('version', '=', version).executeTakeFirst();
    return row ? toVersion(row) : undefined;
  },

  /** Every version, oldest first. */
  async list(db: Db | Tx, orgId: string): Promise<CapitalizationPolicyVersion[]> {
    const rows = await db.selectFrom('capitalization_policies').selectAll().where('org_id', '=', orgId).orderBy('version').execute();
    return rows.map(toVersion);
  },
};
