import type { Role } from './roles.js';

export interface User {
  readonly id: string;
  readonly orgId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly personId: string | null;
  readonly disabledAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface Session {
  readonly tokenHash: string;
  readonly orgId: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly idleExpiresAt: string;
  readonly absoluteExpiresAt: string;
}

export interface ApiToken {
  readonly id: string;
  readonly orgId: string;
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** Session lifetimes (OWASP ASVS level 2: idle and absolute timeouts). */
export const SESSION_IDLE_MINUTES = 60;
export const SESSION_ABSOLUTE_HOURS = 12;

const addMinutes = (instant: string, minutes: number): string => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/** Expiry instants of a session created or last seen at `now`. */
export function sessionExpiry(input: { createdAt: string; now: string }): { idleExpiresAt: string; absoluteExpiresAt: string } {
  const absolute = addMinutes(input.createdAt, SESSION_ABSOLUTE_HOURS * 60);
  const idle = addMinutes(input.now, SESSION_IDLE_MINUTES);
  return { idleExpiresAt: idle < absolute ? idle : absolute, absoluteExpiresAt: absolute };
}

export function sessionExpired(session: Pick<Session, 'idleExpiresAt' | 'absoluteExpiresAt'>, now: string): boolean {
  return now >= session.idleExpiresAt || now >= session.absoluteExpiresAt;
}

/** Login throttling: at most this many failures per e-mail address in the window. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MINUTES = 15;

/**
 * Whether a login may be tried given the recent failures for its key, and if not, how many
 * seconds until the oldest failure leaves the window.
 */
export function loginThrottle(failureTimes: readonly string[], now: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const windowStart = addMinutes(now, -LOGIN_WINDOW_MINUTES);
  const recent = failureTimes.filter((t) => t > windowStart).sort();
  if (recent.length < LOGIN_MAX_FAILURES) return { allowed: true };
  const oldest = recent[recent.length - LOGIN_MAX_FAILURES] as string;
  const seconds = Math.ceil((Date.parse(addMinutes(oldest, LOGIN_WINDOW_MINUTES)) - Date.parse(now)) / 1000);
  return { allowed: false, retryAfterSeconds: Math.max(seconds, 1) };
}
