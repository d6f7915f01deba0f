import type { Db, Tx } from './database.js';

/** A person's call for a period and category, or her manager's adjustment of it (byPersonId = the manager). Never edited. */
export interface ForecastCallRow {
  readonly orgId: string;
  readonly id: string;
  readonly periodKey: string;
  readonly personId: string;
  readonly byPersonId: string;
  readonly byUserId: string;
  readonly category: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly note: string;
  readonly createdAt: string;
}

/** One person's line of the roll-up in a weekly snapshot (docs/forecasting.md#snapshots). */
export interface ForecastSnapshotRow {
  readonly orgId: string;
  readonly takenOn: string;
  readonly periodKey: string;
  readonly personId: string;
  readonly managerId: string | null;
  readonly currency: string;
  readonly closedMinor: bigint;
  readonly commitMinor: bigint;
  readonly bestCaseMinor: bigint;
  readonly pipelineMinor: bigint;
  readonly callCommitMinor: bigint | null;
  readonly callBestCaseMinor: bigint | null;
  readonly adjustedCommitMinor: bigint | null;
  readonly adjustedBestCaseMinor: bigint | null;
  readonly quotaMinor: bigint | null;
}

const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(String(v)));
const bigOrNull = (v: unknown): bigint | null => (v === null || v === undefined ? null : big(v));
const CHUNK = 500;

const toCall = (r: Record<string, unknown>): ForecastCallRow => ({
  orgId: String(r.org_id), id: String(r.id), periodKey: String(r.period_key), personId: String(r.person_id), byPersonId: String(r.by_person_id),
  byUserId: String(r.by_user_id), category: String(r.category), amountMinor: big(r.amount_minor), currency: String(r.currency), note: String(r.note),
  createdAt: String(r.created_at),
});

const toSnapshot = (r: Record<string, unknown>): ForecastSnapshotRow => ({
  orgId: String(r.org_id), takenOn: String(r.taken_on), periodKey: String(r.period_key), personId: String(r.person_id),
  managerId: r.manager_id === null || r.manager_id === undefined ? null : String(r.manager_id), currency: String(r.currency),
  closedMinor: big(r.closed_minor), commitMinor: big(r.commit_minor), bestCaseMinor: big(r.best_case_minor), pipelineMinor: big(r.pipeline_minor),
  callCommitMinor: bigOrNull(r.call_commit_minor), callBestCaseMinor: bigOrNull(r.call_best_case_minor),
  adjustedCommitMinor: bigOrNull(r.adjusted_commit_minor), adjustedBestCaseMinor: bigOrNull(r.adjusted_best_case_minor), quotaMinor: bigOrNull(r.quota_minor),
});

export const forecastCallRepo = {
  async insertMany(db: Db | Tx, rows: readonly ForecastCallRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db.insertInto('forecast_calls').values(rows.slice(i, i + CHUNK).map((c) => ({
        org_id: c.orgId, id: c.id, period_key: c.periodKey, person_id: c.personId, by_person_id: c.byPersonId, by_user_id: c.byUserId,
        category: c.category, amount_minor: c.amountMinor, currency: c.currency, note: c.note, created_at: c.createdAt,
      }))).execute();
    }
  },

  /** A period's calls and adjustments made at or before `until` (an instant), oldest first. */
  async listForPeriod(db: Db | Tx, orgId: string, periodKey: string, until?: string): Promise<ForecastCallRow[]> {
    let q = db.selectFrom('forecast_calls').selectAll().where('org_id', '=', orgId).where('period_key', '=', periodKey);
    if (until !== undefined) q = q.where('created_at', '<=', until);
    return (await q.orderBy('created_at').orderBy('id').execute()).map(toCall);
  },
};

export const forecastSnapshotRepo = {
  /** Writes a week's snapshot of a period, replacing one taken the same day. */
  async replace(tx: Tx, orgId: string, takenOn: string, periodKey: string, rows: readonly ForecastSnapshotRow[]): Promise<void> {
    await tx.deleteFrom('forecast_snapshots').where('org_id', '=', orgId).where('taken_on', '=', takenOn).where('period_key', '=', periodKey).execute();
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx.insertInto('forecast_snapshots').values(rows.slice(i, i + CHUNK).map((s) => ({
        org_id: s.orgId, taken_on: s.takenOn, period_key: s.periodKey, person_id: s.personId, manager_id: s.managerId, currency: s.currency,
        closed_minor: s.closedMinor, commit_minor: s.commitMinor, best_case_minor: s.bestCaseMinor, pipeline_minor: s.pipelineMinor,
        call_commit_minor: s.callCommitMinor, call_best_case_minor: s.callBestCaseMinor,
        adjusted_commit_minor: s.adjustedCommitMinor, adjusted_best_case_minor: s.adjustedBestCaseMinor, quota_minor: s.quotaMinor,
      }))).execute();
    }
  },

  /** The days snapshots were taken on, latest first, with the periods each covers. */
  async days(db: Db | Tx, orgId: string): Promise<{ takenOn: string; periodKey: string }[]> {
    const rows = await db.selectFrom('forecast_snapshots').select(['taken_on', 'period_key']).distinct().where('org_id', '=', orgId)
      .orderBy('taken_on', 'desc').orderBy('period_key').execute();
    return rows.map((r) => ({ takenOn: String(r.taken_on), periodKey: String(r.period_key) }));
  },

  async rows(db: Db | Tx, orgId: string, takenOn: string, periodKey: string): Promise<ForecastSnapshotRow[]> {
    const rows = await db.selectFrom('forecast_snapshots').selectAll().where('org_id', '=', orgId).where('taken_on', '=', takenOn).where('period_key', '=', periodKey)
      .orderBy('person_id').execute();
    return rows.map(toSnapshot);
  },
};
