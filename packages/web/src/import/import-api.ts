import { withQuery } from '../api/client.js';
import { postWithProgress } from '../api/ndjson.js';
import type { ImportEntity } from './import-columns.js';
import type { ImportSource } from './import-presets.js';

/*
 * The import call. The body is the CSV file itself, not JSON, so this is one of the few
 * requests made outside `api()`: it asks for the NDJSON variant of the route
 * (`Accept: application/x-ndjson`), which answers 200 at once and streams progress lines
 * while the server works, then one `report` or `error` line. A server that answers plain
 * JSON instead is understood too.
 */

export interface ImportIssue {
  readonly line: number;
  /** The header as written in the file, or `row` / `file`. */
  readonly field: string;
  readonly message: string;
}

/** The report of `POST /imports/{entity}` (packages/server/src/routes/import-export.routes.ts). */
export interface ImportReport {
  readonly entity: ImportEntity;
  readonly dryRun: boolean;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly errors: readonly ImportIssue[];
  readonly errorCount: number;
  readonly warnings: readonly string[];
}

export interface ImportProgress {
  /** Data rows handled so far. */
  readonly rows: number;
  /** Bytes of the file the server has read so far. */
  readonly done: number;
  /** Bytes of the file. */
  readonly total: number;
}

export { ndjsonLines, STREAM_CUT } from '../api/ndjson.js';

export interface RunImportOptions {
  readonly entity: ImportEntity;
  readonly source: ImportSource;
  readonly dryRun: boolean;
  /** The `mapping` parameter (JSON), see `mappingParam`. */
  readonly mapping: string;
  /** The CSV: the text the browser previewed, so the report's line numbers match what it shows. */
  readonly body: Blob | string;
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly signal?: AbortSignal;
}

/**
 * Runs an import (or a dry run) and resolves with its report. Rejects with an `ApiError`:
 * `import_failed` with every bad row in `issues` for a real import of a bad file, the
 * guard's refusals (401, 403, 413), or `stream_cut` when the answer stopped half-way.
 */
export function runImport(options: RunImportOptions): Promise<ImportReport> {
  const path = withQuery(`/api/v1/imports/${options.entity}`, { dryRun: options.dryRun, preset: options.source, mapping: options.mapping });
  return postWithProgress<ImportReport, ImportProgress>(path, {
    body: options.body, contentType: 'text/csv', final: 'report', cutMessage: 'The connection ended before the server said how the import went.',
    ...(options.onProgress ? { onProgress: (p) => options.onProgress?.({ rows: p.rows, done: p.done, total: p.total }) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** Percent (0-100, whole) of the file the server has read. */
export function percentOf(progress: ImportProgress | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(100, Math.floor((progress.done / progress.total) * 100));
}
