import type { Db, Tx } from './database.js';

/**
 * A user's saved list view. `definition` is the list state as the contract shaped it
 * (search, filters, sort, columns), kept as JSON text and returned parsed; the store does
 * not interpret it. Instants are ISO strings.
 */
export interface SavedView {
  readonly orgId: string;
  readonly id: string;
  readonly userId: string;
  /** The list screen it belongs to, e.g. "accounts". */
  readonly entity: string;
  readonly name: string;
  readonly definition: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Whose views: every query is bound to one user of one organisation. */
type Owner = { readonly orgId: string; readonly userId: string };

const toSavedView = (r: Record<string, unknown>): SavedView => ({
  orgId: String(r.org_id),
  id: String(r.id),
  userId: String(r.user_id),
  entity: String(r.entity),
  name: String(r.name),
  definition: JSON.parse(String(r.definition)) as Record<string, unknown>,
  createdAt: String(r.created_at),
  updatedAt: String(r.updated_at),
});

export const savedViewRepo = {
  /** The owner's views, of one list or of all, by list then name. */
  async list(db: Db | Tx, owner: Owner, entity?: string): Promise<SavedView[]> {
    let query = db.selectFrom('saved_views').selectAll().where('org_id', '=', owner.orgId).where('user_id', '=', owner.userId);
    if (entity !== undefined) query = query.where('entity', '=', entity);
    const rows = await query.orderBy('entity').orderBy('name').orderBy('id').execute();
    return rows.map(toSavedView);
  },

  /** How many views the owner keeps for one list. */
  async count(db: Db | Tx, owner: Owner, entity: string): Promise<number> {
    const row = await db
      .selectFrom('saved_views')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', owner.orgId)
      .where('user_id', '=', owner.userId)
      .where('entity', '=', entity)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  async findByName(db: Db | Tx, owner: Owner, entity: string, name: string): Promise<SavedView | undefined> {
    const row = await db
      .selectFrom('saved_views')
      .selectAll()
      .where('org_id', '=', owner.orgId)
      .where('user_id', '=', owner.userId)
      .where('entity', '=', entity)
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? toSavedView(row) : undefined;
  },

  /**
   * Inserts the view, or, when the owner already has one of that name for that list,
   * replaces its definition and `updatedAt` (keeping its id and `createdAt`). One statement,
   * so two concurrent saves of the same name cannot both insert. Returns the stored row.
   */
  async upsertByName(db: Db | Tx, view: SavedView): Promise<SavedView> {
    const definition = JSON.stringify(view.definition);
    await db
      .insertInto('saved_views')
      .values({
        org_id: view.orgId, id: view.id, user_id: view.userId, entity: view.entity, name: view.name,
        definition, created_at: view.createdAt, updated_at: view.updatedAt,
      })
      .onConflict((oc) => oc.columns(['org_id', 'user_id', 'entity', 'name']).doUpdateSet({ definition, updated_at: view.updatedAt }))
      .execute();
    const stored = await savedViewRepo.findByName(db, view, view.entity, view.name);
    if (!stored) throw new Error('saved view vanished right after its upsert');
    return stored;
  },

  /** Deletes one of the owner's views; false when she has none with that id. */
  async delete(db: Db | Tx, owner: Owner, id: string): Promise<boolean> {
    const result = await db
      .deleteFrom('saved_views')
      .where('org_id', '=', owner.orgId)
      .where('user_id', '=', owner.userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },
};
