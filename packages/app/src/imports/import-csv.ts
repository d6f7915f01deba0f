import { can, DomainError, type Actor, type FieldIssue } from '@attain/core';
import { auditRepo } from '@attain/store';
import { loadOrgForActor } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { checkCustomMapping, mapColumns, type ColumnMapping } from './column-mapping.js';
import { CSV_SPECS, type CsvEntity, type TargetName } from './csv-entities.js';
import { readCsv, type CsvSource } from './csv-reader.js';
import { ImportRun, type ImportCounts } from './import-run.js';
import { PipelineLookup } from './pipeline-lookup.js';
import { presetFor, type ImportPreset } from '@attain/core';
import { ReferenceResolver } from './references.js';

export interface ImportProgress {
  /** Data rows read so far. */
  readonly rows: number;
  /** Bytes of the file read so far. */
  readonly done: number;
  /** Size of the file in bytes, when known. */
  readonly total?: number;
}

export interface ImportOptions {
  readonly entity: CsvEntity;
  readonly source: CsvSource;
  /** Validate every row through the real use cases, then roll everything back. */
  readonly dryRun?: boolean;
  readonly preset?: ImportPreset;
  /** Source header -> native column name (null skips the column); applied before the preset. */
  readonly mapping?: unknown;
  readonly delimiter?: string;
  /** File size in bytes, for progress. */
  readonly totalBytes?: number;
  /** Errors listed in the report (all are counted); default 10,000. */
  readonly maxErrors?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Data rows between two `onProgress` calls (default 1,000); a final call follows the last row either way. */
  readonly progressEveryRows?: number;
}

/** A bad row: the physical line it starts on, the header of the offending column, and why. */
export interface ImportIssue {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

export interface ImportReport extends ImportCounts {
  readonly entity: CsvEntity;
  readonly dryRun: boolean;
  readonly errors: ImportIssue[];
  /** Bad rows and file problems counted, including those past `maxErrors`. */
  readonly errorCount: number;
  readonly warnings: string[];
}

const SELF: Record<CsvEntity, TargetName | null> = {
  accounts: 'account', contacts: 'contact', leads: 'lead', opportunities: 'opportunity', activities: null, people: 'person',
};

const PROGRESS_EVERY = 1000;

class Rollback extends Error {}

/**
 * Imports a CSV file of one CRM entity, all or nothing. Every row is upserted through the
 * same use cases as the API (contract schema, then createInTx / updateInTx: references,
 * ownership, derived fields, audit, opportunity history), inside one transaction that is
 * rolled back when any row is bad, and always for a dry run. Rows are streamed and handled
 * one at a time, so memory does not grow with the file (beyond a set of its external ids).
 * Rows whose values equal the stored record are skipped: re-importing a file changes nothing.
 */
export async function importCsv(ctx: AppContext, actor: Actor, options: ImportOptions): Promise<ImportReport> {
  if (!can(actor, 'import:run')) throw new DomainError('forbidden', 'You are not allowed to import.');
  const spec = CSV_SPECS[options.entity];
  const custom = options.mapping === undefined ? {} : checkCustomMapping(spec, options.mapping);
  const preset = presetFor(options.preset ?? 'native', options.entity);
  const org = await loadOrgForActor(ctx, actor);
  const dryRun = options.dryRun ?? false;
  const progressEvery = Math.max(1, options.progressEveryRows ?? PROGRESS_EVERY);
  const warnings: string[] = [];
  let bytes = 0;
  let run: ImportRun | undefined;
  const fileIssues: ImportIssue[] = [];
  try {
    // Not retried on a serialization failure: the stream cannot be read twice. Taking the
    // org's write lock first keeps it from deadlocking with other writers instead.
    await ctx.database.db.transaction().execute(async (tx) => {
      await auditRepo.lockHead(tx, actor.orgId);
      const resolver = new ReferenceResolver(tx, actor.orgId, SELF[options.entity]);
      const pipelines = options.entity === 'opportunities' ? await PipelineLookup.load(tx, actor.orgId) : null;
      let mapping: ColumnMapping | undefined;
      try {
        for await (const row of readCsv(options.source, { ...(options.delimiter ? { delimiter: options.delimiter } : {}), onBytes: (b) => (bytes = b) })) {
          if (!mapping) {
            if (row.cells.every((c) => c.trim() === '')) continue;
            mapping = mapColumns(spec, row.cells, preset, custom);
            warnings.push(...mapping.warnings);
            run = new ImportRun({
              ctx, tx, actor, org, spec, maxErrors: options.maxErrors ?? 10_000, defaults: preset.defaults ?? {},
              row: { spec, mapping, resolver, pipelines, orgCurrency: org.defaultCurrency, self: SELF[options.entity] },
            });
            continue;
          }
          if (preset.footer && row.cells.length === 1 && preset.footer.test((row.cells[0] ?? '').trim())) {
            warnings.push(`the report footer from line ${row.line} on is not data and is ignored`);
            break;
          }
          await (run as ImportRun).row(row);
          const rows = (run as ImportRun).counts.rows;
          if (rows % progressEvery === 0) options.onProgress?.({ rows, done: bytes, ...(options.totalBytes ? { total: options.totalBytes } : {}) });
        }
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'import_failed') throw error;
        for (const issue of error.issues) fileIssues.push({ line: issue.line ?? 0, field: issue.field, message: issue.message });
      }
      if (run) await run.finish();
      else if (fileIssues.length === 0) fileIssues.push({ line: 1, field: 'file', message: 'the file is empty: it needs a header line' });
      options.onProgress?.({ rows: run?.counts.rows ?? 0, done: bytes, ...(options.totalBytes ? { total: options.totalBytes } : {}) });
      if (dryRun || fileIssues.length > 0 || (run?.errorCount ?? 0) > 0) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const errors = [...(run?.errors ?? []), ...fileIssues];
  const counts = run?.counts ?? { rows: 0, created: 0, updated: 0, unchanged: 0 };
  const errorCount = (run?.errorCount ?? 0) + fileIssues.length;
  if (errorCount > errors.length) warnings.push(`${errorCount - errors.length} more errors are not listed`);
  const report: ImportReport = { entity: options.entity, dryRun, ...counts, errors, errorCount, warnings };
  if (!dryRun && errorCount > 0) {
    const issues: FieldIssue[] = errors.map((e) => ({ field: e.field, message: e.message, line: e.line }));
    const bad = errorCount === 1 ? '1 problem' : `${errorCount} problems`;
    throw new DomainError('import_failed', `The file has ${bad} (first at line ${errors[0]?.line ?? 0}); nothing was imported.`, issues);
  }
  return report;
}
