import type { ExchangeRate, Organisation } from '@attain/core';
import type { Db, Tx } from './database.js';

function toOrg(row: Record<string, unknown>): Organisation {
  return {
    id: String(row.id),
    name: String(row.name),
    fiscalYearStartMonth: Number(row.fiscal_year_start_month),
    defaultCurrency: String(row.default_currency),
    currencies: JSON.parse(String(row.currencies)) as string[],
    createdAt: String(row.created_at),
  };
}

export const orgRepo = {
  async insert(db: Db | Tx, org: Organisation): Promise<void> {
    await db
      .insertInto('orgs')
      .values({
        id: org.id,
        name: org.name,
        fiscal_year_start_month: org.fiscalYearStartMonth,
        default_currency: org.defaultCurrency,
        currencies: JSON.stringify(org.currencies),
        created_at: org.createdAt,
      })
      .execute();
  },
  async get(db: Db | Tx, id: string): Promise<Organisation | undefined> {
    const row = await db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toOrg(row) : undefined;
  },
  async findByName(db: Db | Tx, name: string): Promise<Organisation | undefined> {
    const row = await db.selectFrom('orgs').selectAll().where('name', '=', name).orderBy('created_at').executeTakeFirst();
    return row ? toOrg(row) : undefined;
  },
  async list(db: Db | Tx): Promise<Organisation[]> {
    const rows = await db.selectFrom('orgs').selectAll().orderBy('created_at').execute();
    return rows.map(toOrg);
  },
  async update(db: Db | Tx, org: Organisation): Promise<void> {
    await db
      .updateTable('orgs')
      .set({ name: org.name, fiscal_year_start_month: org.fiscalYearStartMonth, default_currency: org.defaultCurrency, currencies: JSON.stringify(org.currencies) })
      .where('id', '=', org.id)
      .execute();
  },
  async putRate(db: Db | Tx, orgId: string, rate: ExchangeRate): Promise<void> {
    await db
      .insertInto('exchange_rates')
      .values({ org_id: orgId, currency: rate.currency, effective_date: rate.effectiveDate, rate_e9: rate.rateE9 })
      .onConflict((oc) => oc.columns(['org_id', 'currency', 'effective_date']).doUpdateSet({ rate_e9: rate.rateE9 }))
      .execute();
  },
  async rates(db: Db | Tx, orgId: string): Promise<ExchangeRate[]> {
    const rows = await db.selectFrom('exchange_rates').selectAll().where('org_id', '=', orgId).orderBy('currency').orderBy('effective_date').execute();
    return rows.map((r: Record<string, unknown>) => ({ currency: String(r.currency), effectiveDate: String(r.effective_date), rateE9: BigInt(r.rate_e9 as bigint) }));
  },
};
