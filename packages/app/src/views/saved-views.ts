import { DomainError, invalid, type Actor } from '@attain/core';
import { MAX_SAVED_VIEWS_PER_LIST, SavedViewCreate, SAVED_VIEW_ENTITIES, type SavedViewDefinition, type SavedViewEntity, type SavedViewRecord } from '@attain/contract';
import { inTransaction, savedViewRepo, type SavedView } from '@attain/store';
import { requireAbility } from '../authorize.js';
import { parseInput } from '../validation.js';
import type { AppContext } from '../context.js';

/*
 * Saved list views: each user's named list states, private to her. Every query is bound to
 * the actor's own org and user id, so another user's view is simply not found (its existence
 * is never revealed, not even to an admin).
 *
 * No audit entry: a saved view is a personal UI preference, not business data, and changes
 * nothing anyone else sees. For the same reason the writes use a plain transaction rather
 * than inOrgTransaction: they never touch the audit chain, so they need not queue behind the
 * org's chain lock (held, e.g., for the whole of a CSV import).
 */

const owner = (actor: Actor) => ({ orgId: actor.orgId, userId: actor.userId });

const present = (v: SavedView): SavedViewRecord => ({
  id: v.id,
  entity: v.entity as SavedViewEntity,
  name: v.name,
  definition: v.definition as SavedViewDefinition,
  createdAt: v.createdAt,
  updatedAt: v.updatedAt,
});

/** The actor's own views, of one list (`entity`) or of all, by list then name. */
export async function listSavedViews(ctx: AppContext, actor: Actor, entity?: string): Promise<SavedViewRecord[]> {
  requireAbility(actor, 'saved_view:manage');
  if (entity !== undefined && !(SAVED_VIEW_ENTITIES as readonly string[]).includes(entity)) {
    throw invalid('entity', `must be one of ${SAVED_VIEW_ENTITIES.join(', ')}`);
  }
  return (await savedViewRepo.list(ctx.database.db, owner(actor), entity)).map(present);
}

/**
 * "Save view as": creates the actor's view, or, when she already has a view of that name for
 * that list, replaces its definition (same id). Input is validated here too, so the CLI and
 * any other caller get the same field-named errors as the API.
 */
export async function saveView(ctx: AppContext, actor: Actor, input: unknown): Promise<SavedViewRecord> {
  requireAbility(actor, 'saved_view:manage');
  const { entity, name, definition } = parseInput(SavedViewCreate, input);
  const now = ctx.now();
  const view: SavedView = { ...owner(actor), id: ctx.newId('view'), entity, name, definition, createdAt: now, updatedAt: now };
  const stored = await inTransaction(ctx.database.db, async (tx) => {
    // Replacing an existing name is always allowed; only a new name counts against the limit.
    const existing = await savedViewRepo.findByName(tx, view, entity, name);
    if (!existing && (await savedViewRepo.count(tx, view, entity)) >= MAX_SAVED_VIEWS_PER_LIST) {
      throw invalid('name', `you already keep ${MAX_SAVED_VIEWS_PER_LIST} views of this list; delete one or reuse a name`);
    }
    return savedViewRepo.upsertByName(tx, view);
  });
  return present(stored);
}

/** Deletes one of the actor's views; `not_found` when she has none with that id. */
export async function deleteSavedView(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  requireAbility(actor, 'saved_view:manage');
  const deleted = await inTransaction(ctx.database.db, (tx) => savedViewRepo.delete(tx, owner(actor), id));
  if (!deleted) throw new DomainError('not_found', 'saved view not found');
}
