import { addDays, dateOfInstant, DomainError, EMPTY_TERRITORY_MODEL, readTerritoryModel, writeTerritoryModel, type Actor, type FieldIssue, type TerritoryModel } from '@attain/core';
import type { TerritoryModelCreateBody, TerritoryModelDetail, TerritoryModelJson, TerritoryModelSaveBody, TerritoryModelSummary } from '@attain/contract';
import { accountTerritoryRepo, territoryModelRepo, type Db, type TerritoryModelRow, type Tx } from '@attain/store';
import { recordAudit } from '../audit.js';
import { requireAbility } from '../authorize.js';
import type { AppContext } from '../context.js';
import { repos } from '../crm/repos.js';
import { inOrgTransaction } from '../org-transaction.js';

/*
 * Territory models as documents with a lifecycle (docs/territories.md): planning models are
 * edited (each save a new version, optimistic concurrency), one model is active at a time, and
 * activated or archived models are never edited again.
 */

export const modelOfRow = (row: TerritoryModelRow): TerritoryModel => readTerritoryModel(JSON.parse(row.definition));

export function summaryOf(row: TerritoryModelRow): TerritoryModelSummary {
  const definition = JSON.parse(row.definition) as TerritoryModelJson;
  return {
    id: row.id, name: row.name, status: row.status, version: row.version, effectiveFrom: row.effectiveFrom, activatedAt: row.activatedAt, activatedBy: row.activatedBy,
    archivedAt: row.archivedAt, createdBy: row.createdBy, createdAt: row.createdAt, updatedAt: row.updatedAt, territories: definition.territories.length,
  };
}

const detailOf = (row: TerritoryModelRow): TerritoryModelDetail => ({ ...summaryOf(row), definition: JSON.parse(row.definition) as TerritoryModelJson });

/** The model, or 404 (another organisation's is not found either). */
export async function loadModel(db: Db | Tx, orgId: string, id: string): Promise<TerritoryModelRow> {
  const row = await territoryModelRepo.get(db, orgId, id);
  if (!row) throw new DomainError('not_found', `territory model ${id} not found`);
  return row;
}

/** Members must be people of the organisation: each one that is not is named by its path. */
async function checkMembers(db: Db | Tx, orgId: string, model: TerritoryModel): Promise<void> {
  const ids = [...new Set(model.territories.flatMap((t) => t.members.map((m) => m.personId)).filter((id): id is string => id !== null))];
  const found = await repos.person.getMany(db, orgId, ids);
  const issues: FieldIssue[] = [];
  model.territories.forEach((t, i) => t.members.forEach((m, j) => {
    if (m.personId !== null && !found.has(m.personId)) issues.push({ field: `territories[${i}].members[${j}].personId`, message: `no person ${m.personId} in this organisation` });
  }));
  if (issues.length > 0) throw new DomainError('validation_failed', `the territory model has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${issues[0]?.field}: ${issues[0]?.message}`, issues);
}

/** Read and checked, as stored. */
export async function checkedDefinition(db: Db | Tx, orgId: string, raw: unknown): Promise<string> {
  const model = readTerritoryModel(raw);
  await checkMembers(db, orgId, model);
  return JSON.stringify(writeTerritoryModel(model));
}

export async function listTerritoryModels(ctx: AppContext, actor: Actor): Promise<TerritoryModelSummary[]> {
  requireAbility(actor, 'coverage:read');
  return (await territoryModelRepo.list(ctx.database.db, actor.orgId)).map(summaryOf);
}

export async function getTerritoryModel(ctx: AppContext, actor: Actor, id: string): Promise<TerritoryModelDetail> {
  requireAbility(actor, 'coverage:read');
  return detailOf(await loadModel(ctx.database.db, actor.orgId, id));
}

/** A new planning model: empty, from a definition, or a copy of another model's definition. Audited. */
export async function createTerritoryModel(ctx: AppContext, actor: Actor, input: TerritoryModelCreateBody): Promise<TerritoryModelDetail> {
  requireAbility(actor, 'coverage:write');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const raw = input.copyOf !== undefined ? JSON.parse((await loadModel(tx, actor.orgId, input.copyOf)).definition) : (input.definition ?? writeTerritoryModel(EMPTY_TERRITORY_MODEL));
    const at = ctx.now();
    const row: TerritoryModelRow = {
      orgId: actor.orgId, id: ctx.newId('tm'), name: input.name.trim(), status: 'planning', definition: await checkedDefinition(tx, actor.orgId, raw), version: 1,
      effectiveFrom: null, activatedAt: null, activatedBy: null, archivedAt: null, createdBy: actor.userId, createdAt: at, updatedBy: actor.userId, updatedAt: at,
    };
    await territoryModelRepo.insert(tx, row);
    await recordAudit(ctx, tx, { actor, action: 'territory_model.create', entity: 'territory_model', entityId: row.id, before: null, after: { name: row.name, copyOf: input.copyOf ?? null } });
    return detailOf(row);
  });
}

/** Saves a planning model as its next version; a model edited since `baseVersion` is a conflict (409), an active or archived one cannot change (409). */
export async function saveTerritoryModel(ctx: AppContext, actor: Actor, id: string, input: TerritoryModelSaveBody): Promise<TerritoryModelDetail> {
  requireAbility(actor, 'coverage:write');
  return inOrgTransaction(ctx, actor.orgId, (tx) => saveDefinition(ctx, tx, actor, id, { name: input.name, raw: input.definition, baseVersion: input.baseVersion }, 'territory_model.save'));
}

/** The write behind save and optimize, inside the caller's transaction. */
export async function saveDefinition(ctx: AppContext, tx: Tx, actor: Actor, id: string, input: { name: string; raw: unknown; baseVersion: number }, action: string): Promise<TerritoryModelDetail> {
  const before = await loadModel(tx, actor.orgId, id);
  if (before.status !== 'planning') throw new DomainError('conflict', `the model is ${before.status}: only a planning model changes (copy it into a new one)`, [{ field: 'status', message: `is ${before.status}` }]);
  if (before.version !== input.baseVersion) throw new DomainError('conflict', `the model was saved as version ${before.version} since version ${input.baseVersion} was read: reload it`, [{ field: 'baseVersion', message: `must be ${before.version}` }]);
  const definition = await checkedDefinition(tx, actor.orgId, input.raw);
  const at = ctx.now();
  if (!(await territoryModelRepo.update(tx, { orgId: actor.orgId, id, name: input.name.trim(), definition, updatedBy: actor.userId, updatedAt: at }, input.baseVersion))) {
    throw new DomainError('conflict', 'the model changed meanwhile: reload it', [{ field: 'baseVersion', message: 'is stale' }]);
  }
  const after = await loadModel(tx, actor.orgId, id);
  await recordAudit(ctx, tx, { actor, action, entity: 'territory_model', entityId: id, before: { version: before.version }, after: { version: after.version, name: after.name, territories: summaryOf(after).territories } });
  return detailOf(after);
}

/**
 * Archives a model. The active one leaves accounts where they are (no model places them from then
 * on); if its date is still to come, its activation is withdrawn: its rows are deleted, the rows
 * it ended are open again and the model it replaced is active again. Audited.
 */
export async function archiveTerritoryModel(ctx: AppContext, actor: Actor, id: string): Promise<TerritoryModelSummary> {
  requireAbility(actor, 'coverage:write');
  return inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const before = await loadModel(tx, actor.orgId, id);
    if (before.status === 'archived') throw new DomainError('conflict', 'the model is archived already', [{ field: 'status', message: 'is archived' }]);
    const from = before.effectiveFrom;
    const withdrawn = before.status === 'active' && from !== null && from > dateOfInstant(ctx.now());
    await territoryModelRepo.archive(tx, actor.orgId, id, ctx.now(), actor.userId);
    let restored: string | null = null;
    if (withdrawn) {
      await accountTerritoryRepo.withdraw(tx, actor.orgId, id, from, addDays(from, -1));
      const previous = await territoryModelRepo.previous(tx, actor.orgId, from);
      if (previous && previous.archivedAt === before.activatedAt) {
        await territoryModelRepo.reactivate(tx, actor.orgId, previous.id, ctx.now(), actor.userId);
        restored = previous.id;
      }
    }
    await recordAudit(ctx, tx, { actor, action: 'territory_model.archive', entity: 'territory_model', entityId: id, before: { status: before.status }, after: { status: 'archived', withdrawn, restored } });
    return summaryOf(await loadModel(tx, actor.orgId, id));
  });
}
