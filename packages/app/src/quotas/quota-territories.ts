import { dateOfInstant, parseFiscalPeriod, quotaPerPotential, territoryOwnerOn, type Actor } from '@attain/core';
import type { QuotaByTerritory } from '@attain/contract';
import { territoryModelRepo } from '@attain/store';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { orgMoney } from '../coverage/model-accounts.js';
import { repos } from '../crm/repos.js';
import { loadModel, modelOfRow } from '../territories/territory-models.js';
import { leafTerritories, placeAccounts } from '../territories/territory-placement.js';
import { latestDocument, loadPlan } from './quota-plan-records.js';

/**
 * A quota plan over a territory model's territories (the active model unless one is named): each
 * leaf territory's owner on the year's first day (or today once it has begun), its accounts and
 * potential, and its quota: the owner's annual quota in the plan apportioned over her territories
 * by their potential. Quota per unit of potential across territories shows whether the quota
 * follows the market.
 */
export async function quotaByTerritory(ctx: AppContext, actor: Actor, id: string, modelId?: string): Promise<QuotaByTerritory> {
  requireAbility(actor, 'quota:plan');
  const db = ctx.database.db;
  const plan = await loadPlan(db, actor.orgId, id);
  const { doc } = await latestDocument(db, plan);
  const today = dateOfInstant(ctx.now());
  const row = modelId === undefined ? await territoryModelRepo.active(db, actor.orgId) : await loadModel(db, actor.orgId, modelId);
  const empty = { modelId: null, modelName: null, asOf: today, currency: doc.currency, territories: [], fairness: null };
  if (!row) return empty;
  const model = modelOfRow(row);
  const year = parseFiscalPeriod(`FY${plan.fiscalYear}`, (await orgMoney(db, actor.orgId, today)).fiscalYearStartMonth);
  const asOf = today > year.start ? today : year.start;
  const { placed } = await placeAccounts(db, actor.orgId, model, asOf, today);
  // Each leaf's owner on the day (a placeholder or an empty seat: none), and what its accounts hold.
  const byTerritory = new Map(leafTerritories(model).map((key) => [key, { ownerId: territoryOwnerOn(model, key, asOf)?.personId ?? null, accounts: 0, potentialMinor: 0n }]));
  for (const p of placed) {
    const t = p.after.territory === null ? undefined : byTerritory.get(p.after.territory);
    if (t) byTerritory.set(p.after.territory as string, { ...t, accounts: t.accounts + 1, potentialMinor: t.potentialMinor + p.potentialMinor });
  }
  const ownersPotential = new Map<string, bigint>();
  for (const t of byTerritory.values()) if (t.ownerId) ownersPotential.set(t.ownerId, (ownersPotential.get(t.ownerId) ?? 0n) + t.potentialMinor);
  const quotas = new Map(doc.lines.filter((l) => l.personId !== null && l.kind !== 'manager').map((l) => [l.personId as string, l.annualMinor]));
  const names = await repos.person.getMany(db, actor.orgId, [...ownersPotential.keys()]);
  const territories = [...byTerritory].map(([key, t]) => {
    const quota = t.ownerId === null ? undefined : quotas.get(t.ownerId);
    const total = t.ownerId === null ? 0n : (ownersPotential.get(t.ownerId) ?? 0n);
    // Apportioned by potential (rounded down: a share, not money paid); an owner of one territory carries all of hers.
    const quotaMinor = quota === undefined ? null : total === 0n ? quota : (quota * t.potentialMinor) / total;
    return {
      key, name: model.territories.find((x) => x.key === key)?.name ?? key, ownerId: t.ownerId, ownerName: t.ownerId === null ? null : (names.get(t.ownerId)?.name ?? t.ownerId),
      accounts: t.accounts, potentialMinor: String(t.potentialMinor), quotaMinor: quotaMinor === null ? null : String(quotaMinor),
      quotaPerPotential: quotaMinor === null || t.potentialMinor === 0n ? null : Number(quotaMinor) / Number(t.potentialMinor),
    };
  });
  const fairness = quotaPerPotential(territories.flatMap((t) => (t.quotaMinor === null ? [] : [{ quota: Number(t.quotaMinor), potential: Number(t.potentialMinor) }])));
  return { modelId: row.id, modelName: row.name, asOf, currency: doc.currency, territories, fairness };
}
