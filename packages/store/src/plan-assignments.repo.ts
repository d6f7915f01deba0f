import type { Db, Tx } from './database.js';

/** Quarterly or monthly weights as exact decimal strings summing to 1, from the first month (1-12) of the year they phase. */
export interface StoredQuotaPhasing {
  readonly by: 'quarter' | 'month';
  readonly weights: readonly string[];
  readonly yearStartMonth: number;
}

/**
 * A person on one version of a compensation plan for an inclusive date range (YYYY-MM-DD;
 * `validTo` null = open-ended), with her personal values. Money in minor units of the
 * organisation's currency. `ramp` holds exact decimal strings in [0, 1], one per month
 * counted from the month of `validFrom` (1 after the last); null = no ramp. A row is never
 * deleted and only ever changed once: when it is ended (`validTo`, `endedBy`, `endedAt`).
 */
export interface PlanAssignment {
  readonly orgId: string;
  readonly id: string;
  readonly personId: string;
  readonly planId: string;
  readonly planVersion: number;
  readonly validFrom: string;
  readonly validTo: string | null;
  /** Annual target incentive, minor units, >= 0. */
  readonly targetIncentiveMinor: bigint;
  /** Annual quota, minor units, >= 0; null when the plan has no quota. */
  readonly annualQuotaMinor: bigint | null;
  /** Annual base salary, minor units, >= 0; null when not recorded (then no OTE or pay mix is shown). */
  readonly baseSalaryMinor: bigint | null;
  readonly ramp: readonly string[] | null;
  /** Seasonality set by an approved quota plan, over the plan's own; null = the plan's. */
  readonly quotaPhasing: StoredQuotaPhasing | null;
  /**
   * Annual quotas of other measures than the money quota, by measure (MEASURE_QUOTAS in core: a
   * count for new logos), >= 0. Absent or empty: none. Phased and prorated like the money quota.
   */
  readonly measureQuotas?: Readonly<Record<string, bigint>>;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly endedBy: string | null;
  readonly endedAt: string | null;
}

/** Which assignments a listing loads: all of the organisation's, or only those of some people. */
export interface PlanAssignmentQuery {
  /** null = every person (an org-wide reader); otherwise only these people's rows. */
  readonly personIds: readonly string[] | null;
  readonly planId?: string;
  /** Only rows in force on this day. */
  readonly asOf?: string;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(String(v)));

/** JSON has no bigint: the quotas are kept as decimal strings, keys sorted; null when there are none. */
function storedMeasureQuotas(quotas: PlanAssignment['measureQuotas']): string | null {
  const keys = Object.keys(quotas ?? {}).sort();
  return keys.length === 0 ? null : JSON.stringify(Object.fromEntries(keys.map((k) => [k, String(quotas?.[k])])));
}

const measureQuotasOf = (json: string): Record<string, bigint> => Object.fromEntries(Object.entries(JSON.parse(json) as Record<string, string>).map(([k, v]) => [k, BigInt(v)]));

function toAssignment(r: Record<string, unknown>): PlanAssignment {
  const ramp = text(r.ramp);
  return {
    orgId: String(r.org_id),
    id: String(r.id),
    personId: String(r.person_id),
    planId: String(r.plan_id),
    // SQLite answers integers as bigint (safe integers); a version number is small.
    planVersion: Number(r.plan_version),
    validFrom: String(r.valid_from),
    validTo: text(r.valid_to),
    targetIncentiveMinor: big(r.target_incentive_minor),
    annualQuotaMinor: r.annual_quota_minor === null || r.annual_quota_minor === undefined ? null : big(r.annual_quota_minor),
    baseSalaryMinor: r.base_salary_minor === null || r.base_salary_minor === undefined ? null : big(r.base_salary_minor),
    ramp: ramp === null ? null : (JSON.parse(ramp) as string[]),
    quotaPhasing: r.quota_phasing === null || r.quota_phasing === undefined ? null : (JSON.parse(String(r.quota_phasing)) as StoredQuotaPhasing),
    ...(r.measure_quotas === null || r.measure_quotas === undefined ? {} : { measureQuotas: measureQuotasOf(String(r.measure_quotas)) }),
    reason: String(r.reason),
    createdBy: String(r.created_by),
    createdAt: String(r.created_at),
    endedBy: text(r.ended_by),
    endedAt: text(r.ended_at),
  };
}

export const planAssignmentRepo = {
  async insert(db: Db | Tx, a: PlanAssignment): Promise<void> {
    await db
      .insertInto('plan_assignments')
      .values({
        org_id: a.orgId, id: a.id, person_id: a.personId, plan_id: a.planId, plan_version: a.planVersion,
        valid_from: a.validFrom, valid_to: a.validTo, target_incentive_minor: a.targetIncentiveMinor,
        annual_quota_minor: a.annualQuotaMinor, base_salary_minor: a.baseSalaryMinor, ramp: a.ramp === null ? null : JSON.stringify(a.ramp),
        quota_phasing: a.quotaPhasing === null ? null : JSON.stringify(a.quotaPhasing), measure_quotas: storedMeasureQuotas(a.measureQuotas), reason: a.reason,
        created_by: a.createdBy, created_at: a.createdAt, ended_by: a.endedBy, ended_at: a.endedAt,
      })
      .execute();
  },

  async find(db: Db | Tx, orgId: string, id: string): Promise<PlanAssignment | undefined> {
    const row = await db.selectFrom('plan_assignments').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row ? toAssignment(row) : undefined;
  },

  /** The assignments the query allows, by person then start date (then id, for a stable order). */
  async list(db: Db | Tx, orgId: string, query: PlanAssignmentQuery): Promise<PlanAssignment[]> {
    if (query.personIds !== null && query.personIds.length === 0) return [];
    let q = db.selectFrom('plan_assignments').selectAll().where('org_id', '=', orgId);
    if (query.personIds !== null) q = q.where('person_id', 'in', [...query.personIds]);
    if (query.planId !== undefined) q = q.where('plan_id', '=', query.planId);
    if (query.asOf !== undefined) {
      const day = query.asOf;
      q = q.where('valid_from', '<=', day).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]));
    }
    const rows = await q.orderBy('person_id').orderBy('valid_from').orderBy('id').execute();
    return rows.map(toAssignment);
  },

  /** A person's assignments to one plan, in date order (for the overlap check). */
  async listForPersonAndPlan(db: Db | Tx, orgId: string, personId: string, planId: string): Promise<PlanAssignment[]> {
    const rows = await db
      .selectFrom('plan_assignments')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('person_id', '=', personId)
      .where('plan_id', '=', planId)
      .orderBy('valid_from')
      .execute();
    return rows.map(toAssignment);
  },

  /**
   * Ends an assignment on `validTo` (inclusive). Only a row not ended before is changed;
   * returns false when another writer ended it first.
   */
  async end(db: Db | Tx, orgId: string, id: string, end: { validTo: string; endedBy: string; endedAt: string }): Promise<boolean> {
    const result = await db
      .updateTable('plan_assignments')
      .set({ valid_to: end.validTo, ended_by: end.endedBy, ended_at: end.endedAt })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
