import type { Db, Tx } from './database.js';

/** Whether a plan version may be used by calculations ('published') or is still being written. */
export type PlanVersionStatus = 'draft' | 'published';

/**
 * A compensation plan: the named template. `key` is the plan file's own `plan.id`, unique
 * within the organisation. `name` follows the latest saved version. Instants are ISO strings.
 */
export interface CompPlan {
  readonly orgId: string;
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/**
 * One immutable version of a plan: the YAML exactly as typed (comments kept), numbered from 1
 * without gaps, with the effective dates the file declares (YYYY-MM-DD; `effectiveTo` null
 * when open-ended). Never updated: every save inserts a new version.
 */
export interface CompPlanVersion {
  readonly orgId: string;
  readonly id: string;
  readonly planId: string;
  readonly version: number;
  readonly status: PlanVersionStatus;
  readonly source: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** A version without its source, for listings. */
export type CompPlanVersionSummary = Omit<CompPlanVersion, 'source'>;

/** A plan with its latest version (undefined only for a plan whose first save failed midway, which a transaction prevents). */
export interface CompPlanWithLatest extends CompPlan {
  readonly latest: CompPlanVersionSummary | undefined;
}

const toPlan = (r: Record<string, unknown>): CompPlan => ({
  orgId: String(r.org_id),
  id: String(r.id),
  key: String(r.key),
  name: String(r.name),
  createdAt: String(r.created_at),
  createdBy: String(r.created_by),
});

const toSummary = (r: Record<string, unknown>): CompPlanVersionSummary => ({
  orgId: String(r.org_id),
  id: String(r.id),
  planId: String(r.plan_id),
  // SQLite answers integers as bigint (safe integers); a version number is small.
  version: Number(r.version),
  status: String(r.status) as PlanVersionStatus,
  effectiveFrom: String(r.effective_from),
  effectiveTo: r.effective_to === null || r.effective_to === undefined ? null : String(r.effective_to),
  createdBy: String(r.created_by),
  createdAt: String(r.created_at),
});

const SUMMARY_COLUMNS = ['org_id', 'id', 'plan_id', 'version', 'status', 'effective_from', 'effective_to', 'created_by', 'created_at'] as const;

export const compPlanRepo = {
  /** Every plan of the organisation with its latest version, by name then key. */
  async listWithLatest(db: Db | Tx, orgId: string): Promise<CompPlanWithLatest[]> {
    const plans = (await db.selectFrom('comp_plans').selectAll().where('org_id', '=', orgId).orderBy('name').orderBy('key').execute()).map(toPlan);
    const latest = await db
      .selectFrom('comp_plan_versions as v')
      .select(SUMMARY_COLUMNS.map((c) => `v.${c}` as const))
      .where('v.org_id', '=', orgId)
      .where((eb) =>
        eb('v.version', '=', eb.selectFrom('comp_plan_versions as w').select((w) => w.fn.max('w.version').as('m')).whereRef('w.org_id', '=', 'v.org_id').whereRef('w.plan_id', '=', 'v.plan_id')),
      )
      .execute();
    const byPlan = new Map(latest.map((r) => [String(r.plan_id), toSummary(r)]));
    return plans.map((p) => ({ ...p, latest: byPlan.get(p.id) }));
  },

  async find(db: Db | Tx, orgId: string, id: string): Promise<CompPlan | undefined> {
    const row = await db.selectFrom('comp_plans').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toPlan(row) : undefined;
  },

  async findByKey(db: Db | Tx, orgId: string, key: string): Promise<CompPlan | undefined> {
    const row = await db.selectFrom('comp_plans').selectAll().where('org_id', '=', orgId).where('key', '=', key).executeTakeFirst();
    return row ? toPlan(row) : undefined;
  },

  async insert(db: Db | Tx, plan: CompPlan): Promise<void> {
    await db
      .insertInto('comp_plans')
      .values({ org_id: plan.orgId, id: plan.id, key: plan.key, name: plan.name, created_at: plan.createdAt, created_by: plan.createdBy })
      .execute();
  },

  /** The plan's display name follows its latest version's `plan.name`. */
  async rename(db: Db | Tx, orgId: string, id: string, name: string): Promise<void> {
    await db.updateTable('comp_plans').set({ name }).where('org_id', '=', orgId).where('id', '=', id).execute();
  },

  /** A plan's versions, newest first, without their sources. */
  async listVersions(db: Db | Tx, orgId: string, planId: string): Promise<CompPlanVersionSummary[]> {
    const rows = await db
      .selectFrom('comp_plan_versions')
      .select([...SUMMARY_COLUMNS])
      .where('org_id', '=', orgId)
      .where('plan_id', '=', planId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toSummary);
  },

  async findVersion(db: Db | Tx, orgId: string, planId: string, version: number): Promise<CompPlanVersion | undefined> {
    const row = await db
      .selectFrom('comp_plan_versions')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('plan_id', '=', planId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? { ...toSummary(row), source: String(row.source) } : undefined;
  },

  /** The highest version number of the plan; 0 when it has none. */
  async latestVersionNumber(db: Db | Tx, orgId: string, planId: string): Promise<number> {
    const row = await db
      .selectFrom('comp_plan_versions')
      .select((eb) => eb.fn.max('version').as('m'))
      .where('org_id', '=', orgId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    return row?.m === null || row?.m === undefined ? 0 : Number(row.m);
  },

  /** A draft version becomes published (the only change a version ever sees); false when it was no draft. */
  async publishVersion(tx: Tx, orgId: string, planId: string, version: number): Promise<boolean> {
    const result = await tx.updateTable('comp_plan_versions').set({ status: 'published' })
      .where('org_id', '=', orgId).where('plan_id', '=', planId).where('version', '=', version).where('status', '=', 'draft').executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  /** Adds a version. The unique (org, plan, version) index refuses a second row of the same number. */
  async insertVersion(db: Db | Tx, v: CompPlanVersion): Promise<void> {
    await db
      .insertInto('comp_plan_versions')
      .values({
        org_id: v.orgId, id: v.id, plan_id: v.planId, version: v.version, status: v.status, source: v.source,
        effective_from: v.effectiveFrom, effective_to: v.effectiveTo, created_by: v.createdBy, created_at: v.createdAt,
      })
      .execute();
  },
};
