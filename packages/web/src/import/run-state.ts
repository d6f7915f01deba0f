import { ApiError } from '../api/client.js';
import { formatCount } from '../ui/format.js';
import type { ImportProgress, ImportReport } from './import-api.js';
import { formatBytes } from './load-file.js';

/** Where a dry run or an import stands. */
export type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly progress: ImportProgress | null }
  | { readonly status: 'done'; readonly report: ImportReport }
  | { readonly status: 'failed'; readonly error: ApiError };

export const IDLE: RunState = { status: 'idle' };

/** Any failure as an ApiError; a fetch that never reached the server rejects with a TypeError. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'network', 'The server cannot be reached. Check the connection and try again.');
}

/** "1,200 rows · 180 KB of 2.4 MB", or null before the first progress line. */
export function progressDetail(progress: ImportProgress | null, verb: string): string | undefined {
  if (!progress) return undefined;
  return `${formatCount(progress.rows)} rows ${verb} · ${formatBytes(progress.done)} of ${formatBytes(progress.total)}`;
}
