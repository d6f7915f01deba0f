import { addDays, dateOfInstant, DomainError, type Actor, type Organisation } from '@attain/core';
import type { TerritoryActivateBody, TerritoryActivateResult } from '@attain/contract';
import { accountMoneyRepo, accountTerritoryRepo, orgRepo, territoryModelRepo, type AccountTerritoryRow, type Tx } from '@attain/store';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { accounts, opportunities } from '../crm/entities.js';
import { updateInTx } from '../crm/records.js';
import { inOrgTransaction } from '../org-transaction.js';
import { systemActor } from '../orgs.js';
import { prepareTerritoryCarry } from '../quotas/quota-plan-changes.js';
import { checkEffectiveDate, diffOf, earliestActivation } from './territory-diff.js';
import { loadModel, summaryOf } from './territory-models.js';

/**
 * Gives accounts the owner their territory row names from its date on, and their open
 * opportunities closing from then too (each a normal audited update, so the opportunity's
 * history shows the move and its territory follows its close date). Returns the counts.
 */
async function applyOwners(ctx: AppContext, tx: Tx, actor: Actor, org: Organisation, rows: readonly AccountTerritoryRow[]): Promise<{ accounts: number; opportunities: number }> {
  let accountsSet = 0;
  let opportunitiesMoved = 0;
  const byAccount = new Map(rows.map((r) => [r.accountId, r]));
  for (const r of rows) {
    const current = await accounts.repo.get(tx, actor.orgId, r.accountId);
    if (current && r.ownerId !== null && current.ownerId !== r.ownerId) {
      await updateInTx(ctx, tx, actor, org, accounts, r.accountId, { ownerId: r.ownerId }, { action: 'account.territory_owner' });
      accountsSet += 1;
    }
  }
  for (const o of await accountMoneyRepo.openOpportunityIds(tx, actor.orgId, [...byAccount.keys()], rows.reduce((min, r) => (r.validFrom < min ? r.validFrom : min), '9999-12-31'))) {
    const r = byAccount.get(o.accountId) as AccountTerritoryRow;
    const current = await opportunities.repo.get(tx, actor.orgId, o.id);
    if (!current || current.closeDate < r.validFrom) continue;
    // The update re-derives the territory from the account's rows on the close date, even when the owner stays.
    const input = r.ownerId !== null && current.ownerId !== r.ownerId ? { ownerId: r.ownerId } : {};
    const after = await updateInTx(ctx, tx, actor, org, opportunities, o.id, input, { action: 'opportunity.territory_owner' });
    if (after.ownerId !== current.ownerId || after.territoryId !== current.territoryId) opportunitiesMoved += 1;
  }
  await accountTerritoryRepo.markApplied(tx, actor.orgId, rows);
  return { accounts: accountsSet, opportunities: opportunitiesMoved };
}

/**
 * Activates a planning model from a date (today or later, and after the active model's date):
 * every account whose territory or owner changes gets a new row from the date (its open row ends
 * the day before, nothing is rewritten), the active model is archived, and with today's date the
 * owners are set now (a later date sets them when it comes). With `carryQuota`, the moves also
 * carry quota into the year's quota plan as its next version, from the same day. All in one
 * transaction. Audited.
 */
export async function activateTerritoryModel(ctx: AppContext, actor: Actor, id: string, input: TerritoryActivateBody): Promise<TerritoryActivateResult> {
  requireAbility(actor, 'coverage:write');
  const org = await orgRepo.get(ctx.database.db, actor.orgId);
  if (!org) throw new DomainError('not_found', 'organisation not found');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const row = await loadModel(tx, actor.orgId, id);
    if (row.status !== 'planning') throw new DomainError('conflict', `the model is ${row.status}: only a planning model is activated`, [{ field: 'status', message: `is ${row.status}` }]);
    const today = dateOfInstant(ctx.now());
    const date = input.effectiveDate;
    checkEffectiveDate(date, await earliestActivation(tx, actor.orgId, today));
    const { placed, diff } = await diffOf(ctx, tx, actor.orgId, id, date);
    // Quota is carried against the model active now, so it is prepared before this one replaces it.
    const carry = input.carryQuota ? await prepareTerritoryCarry(ctx, tx, actor, id, date) : null;
    const due = date <= today;
    // A row for every account whose territory or owner changes, and for every account placed for the first time, so its history starts.
    const moving = placed.filter((p) => !p.hasRow || p.before.territory !== p.after.territory || p.before.ownerId !== p.after.ownerId);
    const rows = moving.map((p): AccountTerritoryRow => ({ accountId: p.accountId, validFrom: date, validTo: null, territory: p.after.territory, modelId: id, ownerId: p.after.ownerId, source: p.source, ownerApplied: false }));
    await accountTerritoryRepo.close(tx, actor.orgId, moving.filter((p) => p.hasRow).map((p) => p.accountId), addDays(date, -1));
    await accountTerritoryRepo.insert(tx, actor.orgId, rows);
    const previous = await territoryModelRepo.active(tx, actor.orgId);
    // One instant for both, so withdrawing this activation later knows which model it replaced.
    const at = ctx.now();
    if (previous) await territoryModelRepo.archive(tx, actor.orgId, previous.id, at, actor.userId);
    await territoryModelRepo.activate(tx, actor.orgId, id, { effectiveFrom: date, activatedAt: at, activatedBy: actor.userId });
    const applied = due ? await applyOwners(ctx, tx, actor, org, rows) : { accounts: 0, opportunities: 0 };
    const result: TerritoryActivateResult = {
      model: summaryOf(await loadModel(tx, actor.orgId, id)), changed: rows.length, accountOwnersSet: applied.accounts, opportunitiesMoved: applied.opportunities, pending: !due,
      quota: carry ? await carry.store() : null,
    };
    await recordAudit(ctx, tx, {
      actor, action: 'territory_model.activate', entity: 'territory_model', entityId: id, before: { active: previous?.id ?? null },
      after: { effectiveDate: date, changed: rows.length, territoryChanges: diff.territoryChanges, ownerChanges: diff.moved.accounts, accountOwnersSet: applied.accounts, opportunitiesMoved: applied.opportunities, quota: result.quota },
    });
    return result;
  });
}

/**
 * Sets the owners of territory rows whose date has come (an activation dated in the future),
 * as the system, in one transaction per organisation. The server runs it every hour.
 */
export async function applyDueTerritoryOwners(ctx: AppContext, orgId: string): Promise<{ accounts: number; opportunities: number }> {
  const org = await orgRepo.get(ctx.database.db, orgId);
  if (!org) throw new DomainError('not_found', 'organisation not found');
  const today = dateOfInstant(ctx.now());
  return inOrgTransaction(ctx, orgId, async (tx) => {
    const rows = await accountTerritoryRepo.due(tx, orgId, today);
    return rows.length === 0 ? { accounts: 0, opportunities: 0 } : applyOwners(ctx, tx, systemActor(orgId), org, rows);
  });
}

/** Every organisation's due owners (the hourly sweep). */
export async function applyAllDueTerritoryOwners(ctx: AppContext): Promise<void> {
  for (const orgId of await accountTerritoryRepo.orgsWithDue(ctx.database.db, dateOfInstant(ctx.now()))) await applyDueTerritoryOwners(ctx, orgId);
}
