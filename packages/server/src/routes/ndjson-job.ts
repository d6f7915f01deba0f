import { ErrorBody } from '@attain/contract';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env.js';
import { errorResponse } from '../errors.js';
import { LineStream, NDJSON } from './import-progress.js';

/*
 * Long work with progress over NDJSON (`Accept: application/x-ndjson`): 200 at once, progress
 * lines while the work runs, then exactly one result or error line. A client that goes away
 * does not stop the work.
 */

export const ErrorLineSchema = z.object({ type: z.literal('error'), status: z.number().int().describe('the HTTP status the JSON variant would answer'), error: ErrorBody.shape.error });

/** The error line: the status and error body the JSON variant would answer. */
export async function errorLineOf(c: Context<AppEnv>, error: unknown): Promise<z.infer<typeof ErrorLineSchema>> {
  const res = errorResponse(c, error);
  return { type: 'error', status: res.status, error: ((await res.json()) as { error: z.infer<typeof ErrorBody>['error'] }).error };
}

/** Runs `work`, which sends its progress lines through `send` and gives the last line. */
export function streamJob(c: Context<AppEnv>, work: (send: (line: object) => void) => Promise<object>): Response {
  const lines = new LineStream();
  void (async () => {
    try {
      lines.send(await work((line) => lines.send(line)));
    } catch (error) {
      lines.send(await errorLineOf(c, error));
    }
  })()
    .catch((error: unknown) => console.error('progress stream failed', error))
    .finally(() => lines.close());
  return c.body(lines.readable, 200, { 'content-type': `${NDJSON}; charset=utf-8`, 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
}
