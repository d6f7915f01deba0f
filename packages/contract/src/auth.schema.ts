import { ROLES } from '@attain/core';
import { z } from 'zod';
import { Id, Instant } from './primitives.schema.js';

export const LoginRequest = z.strictObject({ email: z.string().trim().min(3).max(255), password: z.string().min(1).max(1024) });

export const Me = z.object({
  user: z.object({ id: Id, email: z.string(), name: z.string(), role: z.enum(ROLES), personId: Id.nullable() }),
  org: z.object({ id: Id, name: z.string(), fiscalYearStartMonth: z.number().int(), defaultCurrency: z.string(), currencies: z.array(z.string()) }),
  /** Org-level abilities of the signed-in user, e.g. "opportunity:create": true. */
  abilities: z.record(z.string(), z.boolean()),
  /** Echo this in the X-CSRF-Token header of every write made with the session cookie. */
  csrfToken: z.string().nullable(),
});

export const UserCreate = z.strictObject({
  email: z.email().max(255),
  name: z.string().trim().min(1).max(255),
  role: z.enum(ROLES),
  personId: Id.nullable().optional(),
  password: z.string().min(12).max(1024),
});

export const UserUpdate = z.strictObject({
  name: z.string().trim().min(1).max(255).optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(12).max(1024).optional(),
});

export const UserRecord = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  personId: Id.nullable(),
  disabledAt: Instant.nullable(),
  createdAt: Instant,
});

export const ApiTokenCreate = z.strictObject({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES).optional() });
export const ApiTokenRecord = z.object({
  id: Id,
  name: z.string(),
  role: z.enum(ROLES),
  userId: Id,
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
/** Returned once at creation: the secret is never shown again. */
export const ApiTokenCreated = ApiTokenRecord.extend({ token: z.string() });
