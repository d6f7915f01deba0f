import { sql } from 'kysely';
import type { Db, Tx } from './database.js';

/** One saved version of an organisation's coverage model (the JSON as core writes it). */
export interface CoverageModelVersion {
  readonly orgId: string;
  readonly version: number;
  readonly definition: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** What the coverage and territory models read of an account (money in the account's currency). */
export interface CoverageAccountRow {
  readonly id: string;
  readonly name: string;
  readonly industry: string | null;
  readonly region: string | null;
  readonly country: string | null;
  readonly city: string | null;
  readonly postalCode: string | null;
  readonly employees: bigint | null;
  readonly annualRevenueMinor: bigint | null;
  readonly potentialMinor: bigint | null;
  readonly currency: string;
  readonly segment: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly ownerId: string | null;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const big = (v: unknown): bigint | null => (v === null || v === undefined ? null : BigInt(String(v)));

/** Accounts per page when the model reads them all. */
const PAGE = 5000;

export const coverageRepo = {
  async latest(db: Db | Tx, orgId: string): Promise<CoverageModelVersion | undefined> {
    const row = await db.selectFrom('coverage_models').selectAll().where('org_id', '=', orgId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row && { orgId: String(row.org_id), version: Number(row.version), definition: String(row.definition), createdBy: String(row.created_by), createdAt: String(row.created_at) };
  },

  /** Adds a version; the primary key refuses a second row of the same number (two saves racing). */
  async insert(tx: Tx, v: CoverageModelVersion): Promise<void> {
    await tx.insertInto('coverage_models').values({ org_id: v.orgId, version: v.version, definition: v.definition, created_by: v.createdBy, created_at: v.createdAt }).execute();
  },

  /** The organisation's accounts not archived, by id, a page at a time. */
  async *accounts(db: Db | Tx, orgId: string): AsyncGenerator<CoverageAccountRow[]> {
    let after = '';
    for (;;) {
      const rows = await db.selectFrom('accounts')
        .select(['id', 'name', 'industry', 'region', 'country', 'city', 'postal_code', 'employees', 'annual_revenue_minor', 'potential_minor', 'currency', 'segment', 'latitude', 'longitude', 'owner_id'])
        .where('org_id', '=', orgId).where('archived_at', 'is', null).where('id', '>', after).orderBy('id').limit(PAGE).execute();
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        id: String(r.id), name: String(r.name), industry: text(r.industry), region: text(r.region), country: text(r.country), city: text(r.city), postalCode: text(r.postal_code),
        employees: big(r.employees), annualRevenueMinor: big(r.annual_revenue_minor), potentialMinor: big(r.potential_minor), currency: String(r.currency), segment: text(r.segment),
        latitude: num(r.latitude), longitude: num(r.longitude), ownerId: text(r.owner_id),
      }));
      if (rows.length < PAGE) return;
      after = String(rows[rows.length - 1]?.id);
    }
  },

  /** Sets the segment of these accounts (a new version of each, as any write). */
  async setSegment(tx: Tx, orgId: string, segment: string, accountIds: readonly string[], at: string): Promise<void> {
    for (let i = 0; i < accountIds.length; i += 500) {
      await tx.updateTable('accounts').set({ segment, updated_at: at, version: sql`version + 1` })
        .where('org_id', '=', orgId).where('id', 'in', accountIds.slice(i, i + 500)).execute();
    }
  },
};
