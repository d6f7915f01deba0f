import type { Db, Tx } from './database.js';

export type TerritoryModelStatus = 'planning' | 'active' | 'archived';

/** A territory model as stored: its definition is the JSON core writes. */
export interface TerritoryModelRow {
  readonly orgId: string;
  readonly id: string;
  readonly name: string;
  readonly status: TerritoryModelStatus;
  readonly definition: string;
  readonly version: number;
  readonly effectiveFrom: string | null;
  readonly activatedAt: string | null;
  readonly activatedBy: string | null;
  readonly archivedAt: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

/** An account's territory and owner from a date (`validTo` null: still so). */
export interface AccountTerritoryRow {
  readonly accountId: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly territory: string | null;
  readonly modelId: string;
  readonly ownerId: string | null;
  /** manual, lock, rule or none. */
  readonly source: string;
  /** Whether the account's owner was set (a future effective date sets it when the day comes). */
  readonly ownerApplied: boolean;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const toModel = (r: Record<string, unknown>): TerritoryModelRow => ({
  orgId: String(r.org_id), id: String(r.id), name: String(r.name), status: String(r.status) as TerritoryModelStatus, definition: String(r.definition), version: Number(r.version),
  effectiveFrom: text(r.effective_from), activatedAt: text(r.activated_at), activatedBy: text(r.activated_by), archivedAt: text(r.archived_at),
  createdBy: String(r.created_by), createdAt: String(r.created_at), updatedBy: String(r.updated_by), updatedAt: String(r.updated_at),
});

const toAssignment = (r: Record<string, unknown>): AccountTerritoryRow => ({
  accountId: String(r.account_id), validFrom: String(r.valid_from), validTo: text(r.valid_to), territory: text(r.territory), modelId: String(r.model_id),
  ownerId: text(r.owner_id), source: String(r.source), ownerApplied: Number(r.owner_applied) === 1,
});

/** Rows per statement where a list of ids goes into IN (...). */
const CHUNK = 500;

export const territoryModelRepo = {
  async list(db: Db | Tx, orgId: string): Promise<TerritoryModelRow[]> {
    const rows = await db.selectFrom('territory_models').selectAll().where('org_id', '=', orgId).orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toModel);
  },

  async get(db: Db | Tx, orgId: string, id: string): Promise<TerritoryModelRow | undefined> {
    const row = await db.selectFrom('territory_models').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toModel(row);
  },

  async active(db: Db | Tx, orgId: string): Promise<TerritoryModelRow | undefined> {
    const row = await db.selectFrom('territory_models').selectAll().where('org_id', '=', orgId).where('status', '=', 'active').executeTakeFirst();
    return row && toModel(row);
  },

  async insert(tx: Tx, m: TerritoryModelRow): Promise<void> {
    await tx.insertInto('territory_models').values({
      org_id: m.orgId, id: m.id, name: m.name, status: m.status, definition: m.definition, version: m.version, effective_from: m.effectiveFrom,
      activated_at: m.activatedAt, activated_by: m.activatedBy, archived_at: m.archivedAt, created_by: m.createdBy, created_at: m.createdAt, updated_by: m.updatedBy, updated_at: m.updatedAt,
    }).execute();
  },

  /** A planning model's new name and definition, if it is still at `expectedVersion`. */
  async update(tx: Tx, m: Pick<TerritoryModelRow, 'orgId' | 'id' | 'name' | 'definition' | 'updatedBy' | 'updatedAt'>, expectedVersion: number): Promise<boolean> {
    const r = await tx.updateTable('territory_models').set({ name: m.name, definition: m.definition, version: expectedVersion + 1, updated_by: m.updatedBy, updated_at: m.updatedAt })
      .where('org_id', '=', m.orgId).where('id', '=', m.id).where('version', '=', expectedVersion).where('status', '=', 'planning').executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async activate(tx: Tx, orgId: string, id: string, at: { effectiveFrom: string; activatedAt: string; activatedBy: string }): Promise<void> {
    await tx.updateTable('territory_models').set({ status: 'active', effective_from: at.effectiveFrom, activated_at: at.activatedAt, activated_by: at.activatedBy, updated_by: at.activatedBy, updated_at: at.activatedAt })
      .where('org_id', '=', orgId).where('id', '=', id).execute();
  },

  /** Back to active: the model a withdrawn activation had replaced. */
  async reactivate(tx: Tx, orgId: string, id: string, at: string, by: string): Promise<void> {
    await tx.updateTable('territory_models').set({ status: 'active', archived_at: null, updated_at: at, updated_by: by }).where('org_id', '=', orgId).where('id', '=', id).execute();
  },

  /** The archived model that was in force before `date` (the latest to take effect before it). */
  async previous(db: Db | Tx, orgId: string, date: string): Promise<TerritoryModelRow | undefined> {
    const row = await db.selectFrom('territory_models').selectAll().where('org_id', '=', orgId).where('status', '=', 'archived').where('effective_from', '<', date)
      .orderBy('effective_from', 'desc').limit(1).executeTakeFirst();
    return row && toModel(row);
  },

  async archive(tx: Tx, orgId: string, id: string, at: string, by: string): Promise<void> {
    await tx.updateTable('territory_models').set({ status: 'archived', archived_at: at, updated_at: at, updated_by: by }).where('org_id', '=', orgId).where('id', '=', id).execute();
  },
};

export const accountTerritoryRepo = {
  /** Every account's row still open (its territory and owner now or from a coming date). */
  async open(db: Db | Tx, orgId: string): Promise<Map<string, AccountTerritoryRow>> {
    const rows = await db.selectFrom('account_territories').selectAll().where('org_id', '=', orgId).where('valid_to', 'is', null).execute();
    return new Map(rows.map((r) => [String(r.account_id), toAssignment(r)]));
  },

  /** An account's rows, oldest first. */
  async history(db: Db | Tx, orgId: string, accountId: string): Promise<AccountTerritoryRow[]> {
    const rows = await db.selectFrom('account_territories').selectAll().where('org_id', '=', orgId).where('account_id', '=', accountId).orderBy('valid_from').execute();
    return rows.map(toAssignment);
  },

  /** The account's territory on a date; undefined when no model placed it then (no row covers the date). */
  async territoryOn(db: Db | Tx, orgId: string, accountId: string, date: string): Promise<string | null | undefined> {
    const row = await db.selectFrom('account_territories').select(['territory', 'valid_to']).where('org_id', '=', orgId).where('account_id', '=', accountId)
      .where('valid_from', '<=', date).orderBy('valid_from', 'desc').limit(1).executeTakeFirst();
    if (!row || (row.valid_to !== null && String(row.valid_to) < date)) return undefined;
    return text(row.territory);
  },

  /** The latest date any row starts on (a new activation must come after it). */
  async latestFrom(db: Db | Tx, orgId: string): Promise<string | null> {
    const row = await db.selectFrom('account_territories').select((eb) => eb.fn.max<string>('valid_from').as('latest')).where('org_id', '=', orgId).executeTakeFirst();
    return text(row?.latest);
  },

  /**
   * Withdraws a model's rows that never took effect (its date is still to come): they are deleted,
   * and the rows its activation ended the day before are open again.
   */
  async withdraw(tx: Tx, orgId: string, modelId: string, validFrom: string, dayBefore: string): Promise<void> {
    await tx.deleteFrom('account_territories').where('org_id', '=', orgId).where('model_id', '=', modelId).where('valid_from', '=', validFrom).execute();
    await tx.updateTable('account_territories').set({ valid_to: null }).where('org_id', '=', orgId).where('valid_to', '=', dayBefore).execute();
  },

  /** Ends the open rows of these accounts on `validTo`. */
  async close(tx: Tx, orgId: string, accountIds: readonly string[], validTo: string): Promise<void> {
    for (let i = 0; i < accountIds.length; i += CHUNK) {
      await tx.updateTable('account_territories').set({ valid_to: validTo }).where('org_id', '=', orgId).where('valid_to', 'is', null).where('account_id', 'in', accountIds.slice(i, i + CHUNK)).execute();
    }
  },

  async insert(tx: Tx, orgId: string, rows: readonly AccountTerritoryRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) {
      await tx.insertInto('account_territories').values(rows.slice(i, i + 200).map((r) => ({
        org_id: orgId, account_id: r.accountId, valid_from: r.validFrom, valid_to: r.validTo, territory: r.territory, model_id: r.modelId, owner_id: r.ownerId, source: r.source, owner_applied: r.ownerApplied ? 1 : 0,
      }))).execute();
    }
  },

  /** Rows whose day has come and whose owner is not set yet. */
  async due(db: Db | Tx, orgId: string, today: string): Promise<AccountTerritoryRow[]> {
    const rows = await db.selectFrom('account_territories').selectAll().where('org_id', '=', orgId).where('owner_applied', '=', 0).where('valid_from', '<=', today).orderBy('account_id').execute();
    return rows.map(toAssignment);
  },

  async markApplied(tx: Tx, orgId: string, rows: readonly Pick<AccountTerritoryRow, 'accountId' | 'validFrom'>[]): Promise<void> {
    for (const r of rows) {
      await tx.updateTable('account_territories').set({ owner_applied: 1 }).where('org_id', '=', orgId).where('account_id', '=', r.accountId).where('valid_from', '=', r.validFrom).execute();
    }
  },

  /** Organisations with owners to set by `today` (the hourly sweep). */
  async orgsWithDue(db: Db, today: string): Promise<string[]> {
    const rows = await db.selectFrom('account_territories').select('org_id').distinct().where('owner_applied', '=', 0).where('valid_from', '<=', today).execute();
    return rows.map((r) => String(r.org_id));
  },
};

/** Sums per account and currency: open pipeline, and won since a date (the book). */
export interface AccountMoney {
  readonly accountId: string;
  readonly currency: string;
  readonly pipelineMinor: bigint;
  readonly bookMinor: bigint;
}

export const accountMoneyRepo = {
  async sums(db: Db | Tx, orgId: string, wonSince: string): Promise<AccountMoney[]> {
    const open = await db.selectFrom('opportunities').select(['account_id', 'currency']).select((eb) => eb.fn.sum<string>('amount_minor').as('total'))
      .where('org_id', '=', orgId).where('archived_at', 'is', null).where('is_closed', '=', 0).where('account_id', 'is not', null).groupBy(['account_id', 'currency']).execute();
    const won = await db.selectFrom('opportunities').select(['account_id', 'currency']).select((eb) => eb.fn.sum<string>('amount_minor').as('total'))
      .where('org_id', '=', orgId).where('archived_at', 'is', null).where('is_won', '=', 1).where('close_date', '>=', wonSince).where('account_id', 'is not', null).groupBy(['account_id', 'currency']).execute();
    const out = new Map<string, { accountId: string; currency: string; pipelineMinor: bigint; bookMinor: bigint }>();
    const at = (accountId: string, currency: string) => {
      const key = `${accountId}|${currency}`;
      let v = out.get(key);
      if (!v) out.set(key, (v = { accountId, currency, pipelineMinor: 0n, bookMinor: 0n }));
      return v;
    };
    for (const r of open) at(String(r.account_id), String(r.currency)).pipelineMinor += BigInt(String(r.total));
    for (const r of won) at(String(r.account_id), String(r.currency)).bookMinor += BigInt(String(r.total));
    return [...out.values()];
  },

  /** Open opportunities of these accounts closing on or after `from`. */
  async openOpportunityIds(db: Db | Tx, orgId: string, accountIds: readonly string[], from: string): Promise<{ id: string; accountId: string }[]> {
    const out: { id: string; accountId: string }[] = [];
    for (let i = 0; i < accountIds.length; i += CHUNK) {
      const rows = await db.selectFrom('opportunities').select(['id', 'account_id']).where('org_id', '=', orgId).where('archived_at', 'is', null).where('is_closed', '=', 0)
        .where('close_date', '>=', from).where('account_id', 'in', accountIds.slice(i, i + CHUNK)).orderBy('id').execute();
      for (const r of rows) out.push({ id: String(r.id), accountId: String(r.account_id) });
    }
    return out;
  },
};
