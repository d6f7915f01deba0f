import { analyticsRepo, type Db, type Tx } from '@attain/store';
import type { OrgMoney } from '../coverage/model-accounts.js';

/** An opportunity as it stands now, its amount in the organisation's currency at today's rates. */
export interface CurrentDeal {
  readonly id: string;
  readonly ownerId: string | null;
  readonly amountMinor: bigint;
  readonly closeDate: string;
  readonly closed: boolean;
  readonly won: boolean;
  readonly forecastCategory: string;
  /** The territory (key of the active model) it is in, if any. */
  readonly territoryId: string | null;
  readonly createdOn: string;
}

/**
 * The deals closing in a range (and every open or won one, when asked) as they stand now: one read
 * of the current rows, for the live roll-up and the output figures. What stood on a past day comes
 * from the history instead (pipeline-history.ts).
 */
export async function currentDeals(db: Db | Tx, orgId: string, money: OrgMoney, which: Parameters<typeof analyticsRepo.currentDeals>[2]): Promise<CurrentDeal[]> {
  return (await analyticsRepo.currentDeals(db, orgId, which)).map((r) => ({
    id: r.id, ownerId: r.ownerId, amountMinor: money.convert(r.amountMinor, r.currency, `opportunity ${r.id}`), closeDate: r.closeDate,
    closed: r.isClosed, won: r.isWon, forecastCategory: r.forecastCategory, territoryId: r.territoryId, createdOn: r.createdAt.slice(0, 10),
  }));
}
