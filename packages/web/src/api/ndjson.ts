import { ApiError, currentCsrfToken, errorOf, notifySessionExpired } from './client.js';

/*
 * Long requests with progress: the NDJSON variant of a route (`Accept: application/x-ndjson`)
 * answers 200 at once and streams `progress` lines while the server works, then one final
 * line (its `type` names the result's key) or an `error` line. A server that answers plain
 * JSON instead is understood too.
 */

export const NDJSON = 'application/x-ndjson';

/** A stream that ended without its last line: the server may or may not have finished. */
export const STREAM_CUT = 'stream_cut';

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

export interface ProgressRequest<P> {
  readonly body: BodyInit;
  readonly contentType: string;
  /** The final line's type, which is also the key of its value ("report", "result"). */
  readonly final: string;
  readonly onProgress?: (progress: P) => void;
  readonly signal?: AbortSignal;
  /** What the user reads when the stream is cut before its last line. */
  readonly cutMessage: string;
}

/** POSTs and resolves with the final line's value; rejects with an `ApiError` (the error line's, the guard's, or `stream_cut`). */
export async function postWithProgress<T, P>(path: string, request: ProgressRequest<P>): Promise<T> {
  const headers: Record<string, string> = { 'content-type': request.contentType, accept: `${NDJSON}, application/json` };
  const csrf = currentCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers, body: request.body, ...(request.signal ? { signal: request.signal } : {}) });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Parameters<typeof errorOf>[1];
    if (response.status === 401) notifySessionExpired();
    throw errorOf(response.status, body);
  }
  if (!(response.headers.get('content-type') ?? '').includes(NDJSON) || !response.body) return (await response.json()) as T;
  for await (const value of ndjsonLines(response.body)) {
    const line = value as { type: string; status?: number; error?: Parameters<typeof errorOf>[1]['error'] } & Record<string, unknown>;
    if (line.type === 'progress') request.onProgress?.(line as unknown as P);
    else if (line.type === 'error') throw errorOf(line.status ?? 500, { error: line.error as Parameters<typeof errorOf>[1]['error'] });
    else if (line.type === request.final) return line[request.final] as T;
  }
  throw new ApiError(0, STREAM_CUT, request.cutMessage);
}
