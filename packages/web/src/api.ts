import type { z } from 'zod';
import type { Me } from '@attain/contract';

export type MeBody = z.infer<typeof Me>;

/** Calls the API with the session cookie; writes carry the CSRF token. Errors throw the API's message. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; csrf?: string | null } = {}): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.csrf ? { 'x-csrf-token': init.csrf } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = (await response.json().catch(() => ({}))) as { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body as T;
}
