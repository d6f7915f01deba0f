import {
  canAssignOwner,
  configRecordAbilities,
  DomainError,
  invalid,
  notFound,
  ownedRecordAbilities,
  ownerInScope,
  OWNED_RESOURCES,
  readScope,
  type AbilityMap,
  type Actor,
  type ConfigResource,
  type Organisation,
  type OwnedResource,
  type RecordMeta,
} from '@attain/core';
import { requireAbility } from '../authorize.js';
import { inOrgTransaction } from '../org-transaction.js';
import { type ListFilter, type Page, type Tx } from '@attain/store';
import type { AppContext } from '../context.js';
import { recordAudit } from '../audit.js';
import { loadOrgForActor } from '../auth/sessions.js';
import type { EntityDefinition } from './definition.js';
import { fromWire } from './wire.js';

type Owned = RecordMeta & { ownerId?: string | null };

/** The ability map of one record for the actor. */
export function abilitiesOf<T extends RecordMeta>(def: EntityDefinition<T>, actor: Actor, record: T): AbilityMap {
  if (!def.owned) return configRecordAbilities(actor, def.resource as ConfigResource);
  return ownedRecordAbilities(actor, def.resource as OwnedResource, (record as Owned).ownerId ?? null);
}


export interface ListInput {
  readonly search?: string;
  readonly sort?: string;
  readonly limit?: number;
  readonly cursor?: string;
  readonly includeArchived?: boolean;
  /** Raw filter parameters: `field` (a value, or several separated by commas), `field.gte`, `field.lte`. */
  readonly params?: Readonly<Record<string, string | undefined>>;
}

/** Parses list filter parameters against the entity's filterable fields; unknown ones are refused. */
export function parseFilters<T extends RecordMeta>(def: EntityDefinition<T>, params: Readonly<Record<string, string | undefined>>): ListFilter[] {
  const filters: ListFilter[] = [];
  for (const [name, raw] of Object.entries(params)) {
    if (raw === undefined) continue;
    const [field = '', op = 'eq'] = name.split('.');
    if (!(def.repo.spec.filterable as readonly string[]).includes(field)) throw invalid(name, 'is not a filter of this list');
    const kind = def.repo.kindOf(field);
    const convert = (v: string): unknown => {
      if (kind === 'bool') return v === 'true';
      if (kind === 'int' && !/^-?\d{1,9}$/.test(v)) throw invalid(name, 'must be a whole number');
      if (kind === 'real' && !Number.isFinite(Number(v))) throw invalid(name, 'must be a number');
      if (kind === 'int' || kind === 'real') return Number(v);
      if (kind === 'bigint') {
        if (!/^-?\d{1,18}$/.test(v)) throw invalid(name, 'must be an integer of at most 18 digits');
        return BigInt(v);
      }
      return v;
    };
    if (op === 'gte' || op === 'lte') filters.push({ field, op, values: [convert(raw)] });
    else if (op === 'eq' && raw === 'null') filters.push({ field, op: 'null', values: [] });
    else if (op === 'eq') {
      const values = raw.split(',').map(convert);
      filters.push(values.length > 1 ? { field, op: 'in', values } : { field, op: 'eq', values });
    } else throw invalid(name, 'unknown filter operator (use field, field.gte or field.lte)');
  }
  return filters;
}

/** A page of records the actor may see, each with its ability map. */
export async function listRecords<T extends RecordMeta>(
  ctx: AppContext,
  actor: Actor,
  def: EntityDefinition<T>,
  input: ListInput,
): Promise<Page<T & { abilities: AbilityMap }>> {
  requireAbility(actor, `${def.resource}:list`);
  const sortField = input.sort?.replace(/^-/, '');
  if (sortField && !(def.repo.spec.sortable as readonly string[]).includes(sortField)) throw invalid('sort', `cannot sort by "${sortField}"`);
  const page = await def.repo
    .list(ctx.database.db, {
      orgId: actor.orgId,
      scope: def.owned ? readScope(actor) : { kind: 'all' },
      filters: parseFilters(def, input.params ?? {}),
      ...(input.search ? { search: input.search } : {}),
      ...(sortField ? { sort: sortField, desc: input.sort?.startsWith('-') ?? false } : {}),
      limit: input.limit ?? 50,
      ...(input.cursor ? { cursor: input.cursor } : {}),
      includeArchived: input.includeArchived ?? false,
    })
    .catch((error: unknown) => {
      if ((error as { field?: string }).field === 'cursor') throw invalid('cursor', 'is not a cursor of this list');
      throw error;
    });
  return { items: page.items.map((item) => ({ ...item, abilities: abilitiesOf(def, actor, item) })), nextCursor: page.nextCursor };
}

/** One record; a record outside the actor's scope is "not found", never "forbidden". */
export async function getRecord<T extends RecordMeta>(ctx: AppContext, actor: Actor, def: EntityDefinition<T>, id: string, tx?: Tx): Promise<T & { abilities: AbilityMap }> {
  requireAbility(actor, `${def.resource}:read`);
  const record = await def.repo.get(tx ?? ctx.database.db, actor.orgId, id);
  if (!record) throw notFound(def.resource);
  const abilities = abilitiesOf(def, actor, record);
  if (!abilities.read) throw notFound(def.resource);
  return { ...record, abilities };
}

/**
 * Every reference must name a record of the same org that the actor may see: a rep cannot
 * hang her contact on another rep's account, and the answer does not tell whether it exists.
 */
async function checkReferences<T extends RecordMeta>(tx: Tx, def: EntityDefinition<T>, actor: Actor, record: T, changed: readonly string[]): Promise<void> {
  for (const [field, repo] of Object.entries(def.references)) {
    if (!changed.includes(field)) continue;
    const id = (record as Record<string, unknown>)[field];
    if (id === null || id === undefined) continue;
    const target = await repo.get(tx, actor.orgId, String(id));
    const owned = (OWNED_RESOURCES as readonly string[]).includes(repo.spec.name);
    if (!target || (owned && !ownerInScope(actor, (target as Owned).ownerId ?? null))) throw invalid(field, `no ${repo.spec.name} with id "${String(id)}"`);
  }
}

function checkWritable<T extends RecordMeta>(def: EntityDefinition<T>, input: Record<string, unknown>): void {
  for (const field of def.readOnly ?? []) if (field in input) throw invalid(field, 'cannot be set directly');
}

/** Creates a record inside an open transaction (for use cases that write several at once). */
export async function createInTx<T extends RecordMeta>(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  org: Organisation,
  def: EntityDefinition<T>,
  wireInput: Record<string, unknown>,
): Promise<T> {
  requireAbility(actor, `${def.resource}:create`);
  const input = fromWire(def.repo, wireInput);
  checkWritable(def, input);
  const now = ctx.now();
  let next = {
    ...def.defaults({ actor, org, now }),
    ...input,
    id: ctx.newId(def.idPrefix),
    orgId: actor.orgId,
    externalId: (input.externalId as string | null | undefined) ?? null,
    createdAt: now,
    updatedAt: now,
    archivedAt: null,
    version: 1,
  } as unknown as T;
  if (def.owned && !canAssignOwner(actor, (next as Owned).ownerId ?? null)) throw invalid('ownerId', 'you cannot give a record to this owner');
  if (next.externalId && (await def.repo.getByExternalId(tx, actor.orgId, next.externalId))) throw invalid('externalId', 'is already used by another record');
  await checkReferences(tx, def, actor, next, Object.keys(def.references));
  if (def.derive) next = await def.derive({ ctx, tx, actor, org, before: null, next, input });
  await def.repo.insert(tx, next);
  await def.afterWrite?.({ ctx, tx, actor, org, before: null, next, input, after: next });
  await recordAudit(ctx, tx, { actor, action: `${def.resource}.create`, entity: def.resource, entityId: next.id, before: null, after: next });
  return next;
}

/** Applies a change to a record inside an open transaction. `version`, when given, must match. */
export async function updateInTx<T extends RecordMeta>(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  org: Organisation,
  def: EntityDefinition<T>,
  id: string,
  wireInput: Record<string, unknown>,
  options: { action?: string; allowReadOnly?: boolean } = {},
): Promise<T> {
  const { version, ...rest } = wireInput;
  const input = fromWire(def.repo, rest);
  if (!options.allowReadOnly) checkWritable(def, input);
  const before = await getRecord(ctx, actor, def, id, tx);
  if (!before.abilities.update) throw new DomainError('forbidden', `You may not change this ${def.resource}.`);
  if (version !== undefined && version !== before.version) throw new DomainError('conflict', `This ${def.resource} changed meanwhile (version ${before.version}, you sent ${String(version)}).`);
  const { abilities: _abilities, ...stored } = before;
  const now = ctx.now();
  let next = { ...stored, ...input, updatedAt: now, version: before.version + 1 } as unknown as T;
  if (def.owned && 'ownerId' in input && input.ownerId !== (stored as Owned).ownerId && !canAssignOwner(actor, (next as Owned).ownerId ?? null)) {
    throw invalid('ownerId', 'you cannot give a record to this owner');
  }
  if ('externalId' in input && next.externalId && next.externalId !== stored.externalId) {
    if (await def.repo.getByExternalId(tx, actor.orgId, next.externalId)) throw invalid('externalId', 'is already used by another record');
  }
  await checkReferences(tx, def, actor, next, Object.keys(input));
  const previous = stored as unknown as T;
  if (def.derive) next = await def.derive({ ctx, tx, actor, org, before: previous, next, input });
  if (!(await def.repo.update(tx, next, before.version))) throw new DomainError('conflict', `This ${def.resource} changed meanwhile; reload and try again.`);
  await def.afterWrite?.({ ctx, tx, actor, org, before: previous, next, input, after: next });
  await recordAudit(ctx, tx, { actor, action: options.action ?? `${def.resource}.update`, entity: def.resource, entityId: id, before: previous, after: next });
  return next;
}

export async function createRecord<T extends RecordMeta>(ctx: AppContext, actor: Actor, def: EntityDefinition<T>, input: Record<string, unknown>): Promise<T & { abilities: AbilityMap }> {
  const org = await loadOrgForActor(ctx, actor);
  const created = await inOrgTransaction(ctx, actor.orgId, (tx) => createInTx(ctx, tx, actor, org, def, input));
  return { ...created, abilities: abilitiesOf(def, actor, created) };
}

export async function updateRecord<T extends RecordMeta>(
  ctx: AppContext,
  actor: Actor,
  def: EntityDefinition<T>,
  id: string,
  input: Record<string, unknown>,
): Promise<T & { abilities: AbilityMap }> {
  requireAbility(actor, `${def.resource}:update`);
  const org = await loadOrgForActor(ctx, actor);
  const updated = await inOrgTransaction(ctx, actor.orgId, (tx) => updateInTx(ctx, tx, actor, org, def, id, input));
  return { ...updated, abilities: abilitiesOf(def, actor, updated) };
}

/** Archives a record (nothing is deleted); archived records leave lists unless asked for. */
export async function archiveRecord<T extends RecordMeta>(ctx: AppContext, actor: Actor, def: EntityDefinition<T>, id: string): Promise<T & { abilities: AbilityMap }> {
  requireAbility(actor, `${def.resource}:archive`);
  const org = await loadOrgForActor(ctx, actor);
  const archived = await inOrgTransaction(ctx, actor.orgId, async (tx) => {
    const current = await getRecord(ctx, actor, def, id, tx);
    if (!current.abilities.archive) throw new DomainError('forbidden', `You may not archive this ${def.resource}.`);
    if (current.archivedAt) return current as T;
    return updateInTx(ctx, tx, actor, org, def, id, { archivedAt: ctx.now() }, { action: `${def.resource}.archive`, allowReadOnly: true });
  });
  return { ...archived, abilities: abilitiesOf(def, actor, archived) };
}
