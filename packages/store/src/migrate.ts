import { Migrator, type Migration, type MigrationResult } from 'kysely';
import type { Db } from './database.js';
import * as foundation from './migrations/2026-11-26T0900-foundation.js';
import * as sqliteTrigramSearch from './migrations/2026-11-26T1000-sqlite-trigram-search.js';
import * as listIndexes from './migrations/2026-11-26T1100-list-indexes.js';
import * as savedViews from './migrations/2026-11-27T0900-saved-views.js';
import * as insightsIndexes from './migrations/2026-11-27T1000-insights-indexes.js';
import * as insightsOrgIndexes from './migrations/2026-11-27T1100-insights-org-indexes.js';
import * as listSortIndexes from './migrations/2026-11-27T1200-list-sort-indexes.js';
import * as compPlans from './migrations/2026-11-27T1300-comp-plans.js';
import * as planAssignments from './migrations/2026-11-27T1400-plan-assignments.js';
import * as transactions from './migrations/2026-11-27T1500-transactions.js';
import * as calcRuns from './migrations/2026-11-27T1600-calc-runs.js';
import * as capitalization from './migrations/2026-11-27T1700-capitalization.js';
import * as approvalsClosePayroll from './migrations/2026-11-27T1800-approvals-close-payroll.js';
import * as disputes from './migrations/2026-11-27T1900-disputes.js';
import * as calcReadIndex from './migrations/2026-11-27T2000-calc-read-index.js';
import * as assignmentBaseSalary from './migrations/2026-11-27T2100-assignment-base-salary.js';
import * as calcOwnerIndex from './migrations/2026-11-28T0900-calc-owner-index.js';
import * as periodClosedSeq from './migrations/2026-11-28T1000-period-closed-seq.js';
import * as coverageModels from './migrations/2026-11-28T1100-coverage-models.js';
import * as territoryModels from './migrations/2026-11-29T0900-territory-models.js';
import * as quotaPlans from './migrations/2026-11-30T0900-quota-plans.js';
import * as assignmentMeasureQuotas from './migrations/2026-12-01T0900-assignment-measure-quotas.js';
import * as forecastCalls from './migrations/2026-12-02T0900-forecast-calls.js';
import * as contractTerms from './migrations/2026-12-03T0900-contract-terms.js';

/**
 * The one migration history of both dialects, in order. Append only: a landed migration
 * is never edited, and the runner refuses a database that ran a migration not listed here.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-26T0900-foundation': foundation,
  '2026-11-26T1000-sqlite-trigram-search': sqliteTrigramSearch,
  '2026-11-26T1100-list-indexes': listIndexes,
  '2026-11-27T0900-saved-views': savedViews,
  '2026-11-27T1000-insights-indexes': insightsIndexes,
  '2026-11-27T1100-insights-org-indexes': insightsOrgIndexes,
  '2026-11-27T1200-list-sort-indexes': listSortIndexes,
  '2026-11-27T1300-comp-plans': compPlans,
  '2026-11-27T1400-plan-assignments': planAssignments,
  '2026-11-27T1500-transactions': transactions,
  '2026-11-27T1600-calc-runs': calcRuns,
  '2026-11-27T1700-capitalization': capitalization,
  '2026-11-27T1800-approvals-close-payroll': approvalsClosePayroll,
  '2026-11-27T1900-disputes': disputes,
  '2026-11-27T2000-calc-read-index': calcReadIndex,
  '2026-11-27T2100-assignment-base-salary': assignmentBaseSalary,
  '2026-11-28T0900-calc-owner-index': calcOwnerIndex,
  '2026-11-28T1000-period-closed-seq': periodClosedSeq,
  '2026-11-28T1100-coverage-models': coverageModels,
  '2026-11-29T0900-territory-models': territoryModels,
  '2026-11-30T0900-quota-plans': quotaPlans,
  '2026-12-01T0900-assignment-measure-quotas': assignmentMeasureQuotas,
  '2026-12-02T0900-forecast-calls': forecastCalls,
  '2026-12-03T0900-contract-terms': contractTerms,
};

export interface MigrationReport {
  readonly applied: string[];
  readonly current: string[];
}

function migrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

/**
 * Brings the schema up to date under the migration lock. Throws (and changes nothing) when
 * the database's history holds a migration this build does not know.
 */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const applied = (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, current: Object.keys(MIGRATIONS) };
}

/** Names of the known migrations and whether each has run. */
export async function migrationStatus(db: Db): Promise<{ name: string; executedAt: Date | undefined }[]> {
  const list = await migrator(db).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt }));
}
