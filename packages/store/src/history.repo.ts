import type { ForecastCategory, OpportunityHistoryEntry, OpportunityTrackedField, ReportingLine } from '@attain/core';
import type { Db, Tx } from './database.js';

const toHistory = (r: Record<string, unknown>): OpportunityHistoryEntry => ({
  orgId: String(r.org_id),
  opportunityId: String(r.opportunity_id),
  seq: Number(r.seq),
  changedAt: String(r.changed_at),
  actorUserId: r.actor_user_id == null ? null : String(r.actor_user_id),
  changedFields: String(r.changed_fields).split(',').filter(Boolean) as OpportunityTrackedField[],
  stageId: String(r.stage_id),
  amountMinor: BigInt(r.amount_minor as bigint),
  currency: String(r.currency),
  closeDate: String(r.close_date),
  forecastCategory: String(r.forecast_category) as ForecastCategory,
  ownerId: r.owner_id == null ? null : String(r.owner_id),
  territoryId: r.territory_id == null ? null : String(r.territory_id),
});

const historyRow = (e: OpportunityHistoryEntry): Record<string, unknown> => ({
  org_id: e.orgId, opportunity_id: e.opportunityId, seq: e.seq, changed_at: e.changedAt, actor_user_id: e.actorUserId,
  changed_fields: e.changedFields.join(','), stage_id: e.stageId, amount_minor: e.amountMinor, currency: e.currency,
  close_date: e.closeDate, forecast_category: e.forecastCategory, owner_id: e.ownerId, territory_id: e.territoryId,
});

/** The append-only opportunity history: rows are inserted, never updated or deleted. */
export const opportunityHistoryRepo = {
  async append(db: Db | Tx, entries: readonly OpportunityHistoryEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 200) {
      await db.insertInto('opportunity_history').values(entries.slice(i, i + 200).map(historyRow)).execute();
    }
  },
  async lastSeq(db: Db | Tx, orgId: string, opportunityId: string): Promise<number> {
    const row = await db
      .selectFrom('opportunity_history')
      .select('seq')
      .where('org_id', '=', orgId)
      .where('opportunity_id', '=', opportunityId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? Number(row.seq) : 0;
  },
  /**
   * The organisation's whole history, each opportunity's rows together in change order (the
   * statistical forecast replays the pipeline of any past day from it). Archived deals are left out.
   */
  async listForOrg(db: Db | Tx, orgId: string): Promise<OpportunityHistoryEntry[]> {
    const rows = await db.selectFrom('opportunity_history as h')
      .innerJoin('opportunities as o', (j) => j.onRef('o.org_id', '=', 'h.org_id').onRef('o.id', '=', 'h.opportunity_id'))
      .selectAll('h').where('h.org_id', '=', orgId).where('o.archived_at', 'is', null).orderBy('h.opportunity_id').orderBy('h.seq').execute();
    return rows.map(toHistory);
  },

  async list(db: Db | Tx, orgId: string, opportunityId: string): Promise<OpportunityHistoryEntry[]> {
    const rows = await db
      .selectFrom('opportunity_history')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('opportunity_id', '=', opportunityId)
      .orderBy('seq')
      .execute();
    return rows.map(toHistory);
  },
};

const toLine = (r: Record<string, unknown>): ReportingLine & { id: string } => ({
  id: String(r.id),
  personId: String(r.person_id),
  managerId: String(r.manager_id),
  validFrom: String(r.valid_from),
  validTo: r.valid_to == null ? null : String(r.valid_to),
});

/** Effective-dated reporting lines. Closing a line sets its valid_to; lines are never deleted. */
export const reportingLineRepo = {
  async insert(db: Db | Tx, orgId: string, line: ReportingLine & { id: string }): Promise<void> {
    await db
      .insertInto('reporting_lines')
      .values({ org_id: orgId, id: line.id, person_id: line.personId, manager_id: line.managerId, valid_from: line.validFrom, valid_to: line.validTo })
      .execute();
  },
  async close(db: Db | Tx, orgId: string, id: string, validTo: string): Promise<void> {
    await db.updateTable('reporting_lines').set({ valid_to: validTo }).where('org_id', '=', orgId).where('id', '=', id).execute();
  },
  async listForOrg(db: Db | Tx, orgId: string): Promise<(ReportingLine & { id: string })[]> {
    const rows = await db.selectFrom('reporting_lines').selectAll().where('org_id', '=', orgId).orderBy('valid_from').execute();
    return rows.map(toLine);
  },
  async listForPerson(db: Db | Tx, orgId: string, personId: string): Promise<(ReportingLine & { id: string })[]> {
    const rows = await db
      .selectFrom('reporting_lines')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('person_id', '=', personId)
      .orderBy('valid_from')
      .execute();
    return rows.map(toLine);
  },
};
