import { sql } from 'kysely';
import type { Db, Tx } from './database.js';

/** What the data-quality checks read of a deal (docs/analytics.md#data-quality). */
export interface QualityDealRow {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string | null;
  readonly accountId: string | null;
  readonly stageId: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly closeDate: string;
  readonly type: string | null;
  readonly nextStep: string | null;
  readonly lostReason: string | null;
  readonly isClosed: boolean;
  readonly isWon: boolean;
  readonly forecastCategory: string;
  readonly closedAt: string | null;
  readonly createdAt: string;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const truthy = (v: unknown): boolean => v === true || v === 1 || v === 1n || v === '1';

export const dataQualityRepo = {
  /** The open deals, and the deals closed at or after `closedSince` (an instant). */
  async deals(db: Db | Tx, orgId: string, closedSince: string): Promise<QualityDealRow[]> {
    const rows = (await db.selectFrom('opportunities')
      .select(['id', 'name', 'owner_id', 'account_id', 'stage_id', 'amount_minor', 'currency', 'close_date', 'type', 'next_step', 'lost_reason', 'is_closed', 'is_won', 'forecast_category', 'closed_at', 'created_at'])
      .where('org_id', '=', orgId).where('archived_at', 'is', null)
      .where((eb) => eb.or([eb('is_closed', '=', 0), eb('closed_at', '>=', closedSince)]))
      .orderBy('id').execute()) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: String(r.id), name: String(r.name), ownerId: text(r.owner_id), accountId: text(r.account_id), stageId: String(r.stage_id),
      amountMinor: typeof r.amount_minor === 'bigint' ? r.amount_minor : BigInt(String(r.amount_minor)), currency: String(r.currency), closeDate: String(r.close_date), type: text(r.type),
      nextStep: text(r.next_step), lostReason: text(r.lost_reason), isClosed: truthy(r.is_closed), isWon: truthy(r.is_won), forecastCategory: String(r.forecast_category),
      closedAt: text(r.closed_at), createdAt: String(r.created_at),
    }));
  },

  /** The day of the last activity done on each deal that has one. */
  async lastActivityByDeal(db: Db | Tx, orgId: string): Promise<Map<string, string>> {
    const rows = (await db.selectFrom('activities').select(['opportunity_id']).select((eb) => eb.fn.max('done_at').as('last'))
      .where('org_id', '=', orgId).where('archived_at', 'is', null).where('opportunity_id', 'is not', null).where('done_at', 'is not', null)
      .groupBy('opportunity_id').execute()) as Record<string, unknown>[];
    return new Map(rows.map((r) => [String(r.opportunity_id), String(r.last).slice(0, 10)]));
  },

  /** How often each opportunity's close date was moved later, from its history (those never pushed are absent). */
  async pushesByDeal(db: Db | Tx, orgId: string): Promise<Map<string, number>> {
    const result = await sql<{ opportunity_id: string; pushes: unknown }>`
      select opportunity_id, count(*) as pushes from (
        select opportunity_id, close_date, lag(close_date) over (partition by opportunity_id order by seq) as previous
        from opportunity_history where org_id = ${orgId}
      ) h where previous is not null and close_date > previous group by opportunity_id`.execute(db);
    return new Map(result.rows.map((r) => [String(r.opportunity_id), Number(r.pushes)]));
  },
};
