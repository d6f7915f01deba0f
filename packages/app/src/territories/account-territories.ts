import type { Actor } from '@attain/core';
import type { AccountTerritoryHistory, TerritoryModelJson } from '@attain/contract';
import { accountTerritoryRepo, territoryModelRepo } from '@attain/store';
import type { AppContext } from '../context.js';
import { accounts } from '../crm/entities.js';
import { getRecord } from '../crm/records.js';

/** An account's territory and owner over time, for whoever may read the account (404 otherwise, as the account). */
export async function accountTerritoryHistory(ctx: AppContext, actor: Actor, accountId: string): Promise<AccountTerritoryHistory> {
  await getRecord(ctx, actor, accounts, accountId);
  const db = ctx.database.db;
  const rows = await accountTerritoryRepo.history(db, actor.orgId, accountId);
  const models = new Map((await territoryModelRepo.list(db, actor.orgId)).map((m) => [m.id, m]));
  return {
    items: rows.map((r) => {
      const m = models.get(r.modelId);
      const definition = m ? (JSON.parse(m.definition) as TerritoryModelJson) : undefined;
      return {
        validFrom: r.validFrom, validTo: r.validTo, territory: r.territory, territoryName: definition?.territories.find((t) => t.key === r.territory)?.name ?? null,
        modelId: r.modelId, modelName: m?.name ?? r.modelId, ownerId: r.ownerId, source: r.source,
      };
    }),
  };
}
