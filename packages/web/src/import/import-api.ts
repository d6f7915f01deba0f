import { ApiError, currentCsrfToken, errorOf, notifySessionExpired, withQuery } from '../api/client.js';
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

type StreamLine =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'report'; report: ImportReport }
  | { type: 'error'; status: number; error: { code?: string; message?: string; details?: ImportIssue[] } };

export const NDJSON = 'application/x-ndjson';

/** The JSON values of an NDJSON byte stream, one per non-empty line, as they arrive. */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      pending = done ? '' : (lines.pop() ?? '');
      for (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as unknown;
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

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

/** A stream that ended without its last line: the server may or may not have finished. */
export const STREAM_CUT = 'stream_cut';

/**
 * Runs an import (or a dry run) and resolves with its report. Rejects with an `ApiError`:
 * `import_failed` with every bad row in `issues` for a real import of a bad file, the
 * guard's refusals (401, 403, 413), or `stream_cut` when the answer stopped half-way.
 */
export async function runImport(options: RunImportOptions): Promise<ImportReport> {
  const path = withQuery(`/api/v1/imports/${options.entity}`, { dryRun: options.dryRun, preset: options.source, mapping: options.mapping });
  const headers: Record<string, string> = { 'content-type': 'text/csv', accept: `${NDJSON}, application/json` };
  const csrf = currentCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin', headers, body: options.body, ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Parameters<typeof errorOf>[1];
    if (response.status === 401) notifySessionExpired();
    throw errorOf(response.status, body);
  }
  if (!(response.headers.get('content-type') ?? '').includes(NDJSON) || !response.body) return (await response.json()) as ImportReport;
  for await (const value of ndjsonLines(response.body)) {
    const line = value as StreamLine;
    if (line.type === 'progress') options.onProgress?.({ rows: line.rows, done: line.done, total: line.total });
    else if (line.type === 'report') return line.report;
    else if (line.type === 'error') throw errorOf(line.status, { error: line.error });
  }
  throw new ApiError(0, STREAM_CUT, 'The connection ended before the server said how the import went.');
}

/** Percent (0-100, whole) of the file the server has read. */
export function percentOf(progress: ImportProgress | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(100, Math.floor((progress.done / progress.total) * 100));
}
