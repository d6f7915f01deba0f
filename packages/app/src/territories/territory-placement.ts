import { accountPlacer, addDays, filterReads, territoryOwnerOn, type AccountChange, type PlacementSource, type TerritoryModel } from '@attain/core';
import { accountMoneyRepo, accountTerritoryRepo, type Db, type Tx } from '@attain/store';
import { modelAccounts, type ModelAccount, type OrgMoney } from '../coverage/model-accounts.js';

/** An account placed by a model on a date, with what moves with it (in the organisation's currency). */
export interface PlacedAccount extends AccountChange {
  readonly account: ModelAccount;
  readonly source: PlacementSource;
  /** Its territory's owner seat is a placeholder or empty on the date: the account stays with its owner. */
  readonly vacant: boolean;
  /** Whether a model placed it before (it has an open territory row). */
  readonly hasRow: boolean;
}

export const modelReadsCounty = (model: TerritoryModel): boolean => model.rules.some((r) => filterReads(r.filter, 'county'));

/**
 * Every account of the organisation placed by `model` as of `date`: before, its open territory row
 * (or none, and its owner now); after, the territory the model gives it and that territory's
 * owner on the date. Pipeline is the open opportunities; book what was won in the twelve months
 * to `today`.
 */
export async function placeAccounts(db: Db | Tx, orgId: string, model: TerritoryModel, date: string, today: string, options: { county?: boolean } = {}): Promise<{ money: OrgMoney; placed: PlacedAccount[] }> {
  const { money, accounts } = await modelAccounts(db, orgId, today, { county: options.county ?? modelReadsCounty(model) });
  const open = await accountTerritoryRepo.open(db, orgId);
  const sums = new Map<string, { pipelineMinor: bigint; bookMinor: bigint }>();
  for (const s of await accountMoneyRepo.sums(db, orgId, addDays(today, -365))) {
    const v = sums.get(s.accountId) ?? { pipelineMinor: 0n, bookMinor: 0n };
    v.pipelineMinor += money.convert(s.pipelineMinor, s.currency, `account ${s.accountId}'s pipeline`);
    v.bookMinor += money.convert(s.bookMinor, s.currency, `account ${s.accountId}'s bookings`);
    sums.set(s.accountId, v);
  }
  const place = accountPlacer(model);
  const owners = new Map(model.territories.map((t) => [t.key, territoryOwnerOn(model, t.key, date)]));
  const placed = accounts.map((account): PlacedAccount => {
    const row = open.get(account.id);
    const before = { territory: row?.territory ?? null, ownerId: row?.ownerId ?? account.ownerId };
    const { territory, source } = place(account, before.territory);
    const owner = territory === null ? null : (owners.get(territory) ?? null);
    const vacant = territory !== null && owner?.personId == null;
    const v = sums.get(account.id);
    return {
      accountId: account.id, account, source, vacant, hasRow: row !== undefined, before,
      after: { territory, ownerId: vacant || territory === null ? before.ownerId : (owner?.personId ?? null) },
      potentialMinor: account.potentialMinor ?? 0n, pipelineMinor: v?.pipelineMinor ?? 0n, bookMinor: v?.bookMinor ?? 0n,
    };
  });
  return { money, placed };
}

/** The territories accounts are measured over: those with no child territory. */
export const leafTerritories = (model: TerritoryModel): string[] => {
  const parents = new Set(model.territories.map((t) => t.parent));
  return model.territories.filter((t) => !parents.has(t.key)).map((t) => t.key);
};
