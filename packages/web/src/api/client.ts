/*
 * The one way the web app talks to the server: JSON over /api/v1 with the session cookie.
 * Writes carry the CSRF token of the session. A 401 anywhere means the session ended: the
 * session provider hears of it and asks the user to sign in again, keeping her place.
 */

export interface FieldIssue {
  readonly field: string;
  readonly message: string;
  readonly line?: number;
}

/** An error answer of the API: its code, its message for people, and the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }

  /** The message of one field, for placing it next to that field's input. */
  issueOf(field: string): string | undefined {
    return this.issues.find((i) => i.field === field || i.field.startsWith(`${field}.`))?.message;
  }
}

let csrfToken: string | null = null;
const expiryListeners = new Set<() => void>();

/** Set by the session provider when the user signs in; echoed on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Tells the session provider the session has ended (for requests made outside `api`). */
export function notifySessionExpired(): void {
  for (const listener of expiryListeners) listener();
}

/** Called when a request answers 401: the session has expired or was revoked. */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

export type Query = Readonly<Record<string, string | number | boolean | undefined | null>>;

/** `/path?a=1&b=2`, leaving out empty parameters. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly query?: Query;
  readonly signal?: AbortSignal;
  /** For the sign-in call itself: a 401 there is a wrong password, not an expired session. */
  readonly expectUnauthorized?: boolean;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: FieldIssue[] };
}

export function errorOf(status: number, body: ErrorBody): ApiError {
  return new ApiError(status, body.error?.code ?? 'http_error', body.error?.message ?? `The server answered ${status}.`, body.error?.details ?? []);
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api/v1${withQuery(path, options.query)}`, {
    method,
    credentials: 'same-origin',
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  if (!response.ok) {
    if (response.status === 401 && !options.expectUnauthorized) notifySessionExpired();
    throw errorOf(response.status, body);
  }
  return body as T;
}

/** The CSRF token for requests made outside `api` (file uploads with progress). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}
