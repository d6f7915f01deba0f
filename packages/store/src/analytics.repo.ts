import type { Db, Tx } from './database.js';

/** An opportunity as it stands now, as the roll-up and the output figures read it; the amount in its own currency. */
export interface CurrentDealRow {
  readonly id: string;
  readonly ownerId: string | null;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly closeDate: string;
  readonly isClosed: boolean;
  readonly isWon: boolean;
  readonly forecastCategory: string;
  readonly territoryId: string | null;
  readonly createdAt: string;
}

const truthy = (v: unknown): boolean => v === true || v === 1 || v === 1n || v === '1';

export const analyticsRepo = {
  /**
   * The organisation's opportunities now (archived ones left out) that close from `closeFrom` to
   * `closeTo`, plus every open one with `allOpen` and every won one with `allWon`. One read of the
   * current rows: no history is replayed.
   */
  async currentDeals(db: Db | Tx, orgId: string, which: { closeFrom: string; closeTo: string; allOpen?: boolean; allWon?: boolean }): Promise<CurrentDealRow[]> {
    const rows = (await db.selectFrom('opportunities')
      .select(['id', 'owner_id', 'amount_minor', 'currency', 'close_date', 'is_closed', 'is_won', 'forecast_category', 'territory_id', 'created_at'])
      .where('org_id', '=', orgId).where('archived_at', 'is', null)
      .where((eb) => eb.or([
        eb.and([eb('close_date', '>=', which.closeFrom), eb('close_date', '<=', which.closeTo)]),
        ...(which.allOpen ? [eb('is_closed', '=', 0)] : []),
        ...(which.allWon ? [eb('is_won', '=', 1)] : []),
      ]))
      .orderBy('id').execute()) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: String(r.id), ownerId: r.owner_id === null || r.owner_id === undefined ? null : String(r.owner_id),
      amountMinor: typeof r.amount_minor === 'bigint' ? r.amount_minor : BigInt(String(r.amount_minor)), currency: String(r.currency), closeDate: String(r.close_date),
      isClosed: truthy(r.is_closed), isWon: truthy(r.is_won), forecastCategory: String(r.forecast_category), territoryId: r.territory_id === null || r.territory_id === undefined ? null : String(r.territory_id), createdAt: String(r.created_at),
    }));
  },
};
