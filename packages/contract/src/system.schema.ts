import { z } from 'zod';

export const Health = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'down']), version: z.string(), dialect: z.string() });

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
});
